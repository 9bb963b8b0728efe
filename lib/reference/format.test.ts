import { describe, expect, it } from "vitest";
import { humanizeCode } from "./format";

describe("humanizeCode", () => {
  it("turns QBO CamelCase codes into words", () => {
    expect(humanizeCode("UndepositedFunds")).toBe("Undeposited funds");
    expect(humanizeCode("OfficeGeneralAdministrativeExpenses")).toBe("Office general administrative expenses");
    expect(humanizeCode("NonInventory")).toBe("Non inventory");
    expect(humanizeCode("Service")).toBe("Service");
  });

  it("keeps acronyms and shows a dash for nothing", () => {
    expect(humanizeCode("SuppliesMaterialsCogs")).toBe("Supplies materials cogs");
    expect(humanizeCode("CDCAccount")).toBe("CDC account");
    expect(humanizeCode(null)).toBe("—");
    expect(humanizeCode("")).toBe("—");
  });
});
