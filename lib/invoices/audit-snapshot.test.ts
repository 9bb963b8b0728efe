import { describe, expect, it } from "vitest";
import { describeLines, trimQuantity } from "./audit-snapshot";

describe("invoice audit snapshot", () => {
  it("trims the padding of numeric quantities but keeps meaningful digits", () => {
    expect(trimQuantity("2.0000")).toBe("2");
    expect(trimQuantity("1.5000")).toBe("1.5");
    expect(trimQuantity("10")).toBe("10");
    expect(trimQuantity("100.0250")).toBe("100.025");
  });

  it("describes lines with item, quantity and amount", () => {
    expect(
      describeLines([
        { itemName: "Lawn care visit", quantity: "2.0000", amountCents: 17_000 },
        { itemName: "Mulch", quantity: "1.5", amountCents: 6_750 },
      ]),
    ).toBe("Lawn care visit × 2 ($170.00); Mulch × 1.5 ($67.50)");
  });
});
