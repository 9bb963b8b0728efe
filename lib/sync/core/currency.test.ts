import { describe, expect, it } from "vitest";
import { currencySyncs, currencySyncWarning } from "./currency";

describe("currencySyncWarning", () => {
  it("says nothing for USD", () => {
    expect(currencySyncs("usd")).toBe(true);
    expect(currencySyncWarning("USD", "bill")).toBeNull();
  });

  it("warns that any other currency will not sync", () => {
    expect(currencySyncs("CAD")).toBe(false);
    expect(currencySyncWarning("EUR", "invoice")).toBe(
      "A EUR invoice will not sync with QuickBooks: Ledgerbridge syncs only US dollar (USD) bills and invoices.",
    );
  });
});
