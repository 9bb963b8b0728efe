import { describe, expect, it } from "vitest";
import { accountFitsPurpose, accountsForPurpose, isClearingAccount, type PickerAccount } from "./account-pickers";

const chart: PickerAccount[] = [
  { id: "checking", name: "Checking", accountType: "Bank", accountSubType: "Checking" },
  { id: "inventory", name: "Inventory Asset", accountType: "Other Current Asset", accountSubType: "Inventory" },
  { id: "mi-clear", name: "Money In Clearing", accountType: "Bank", accountSubType: "Checking" },
  { id: "mo-clear", name: "Money Out Clearing", accountType: "Bank", accountSubType: "Checking" },
  { id: "savings", name: "Savings", accountType: "Bank", accountSubType: "Savings" },
  { id: "old-bank", name: "Old Bank", accountType: "Bank", accountSubType: "Checking", active: false },
  { id: "undeposited", name: "Undeposited Funds", accountType: "Other Current Asset", accountSubType: "UndepositedFunds" },
  { id: "expense", name: "Office Supplies", accountType: "Expense" },
];
const prefs = { bankAccountId: "savings", moneyOutClearingAccountId: "mo-clear", moneyInClearingAccountId: "mi-clear" };
const ids = (list: PickerAccount[]) => list.map((account) => account.id);

describe("accountsForPurpose", () => {
  it("a bill payment is paid from bank accounts only, never a clearing account, starting on the Bank Account GL", () => {
    const result = accountsForPurpose(chart, "payment_source", prefs);
    expect(ids(result.accounts)).toEqual(["checking", "savings"]);
    expect(result.defaultId).toBe("savings");
  });

  it("a payment is deposited to bank accounts or Undeposited Funds, starting on Undeposited Funds", () => {
    const result = accountsForPurpose(chart, "deposit_to", prefs);
    expect(ids(result.accounts)).toEqual(["checking", "savings", "undeposited"]);
    expect(result.defaultId).toBe("undeposited");
  });

  it("without Undeposited Funds, a deposit starts on the Bank Account GL", () => {
    const result = accountsForPurpose(chart.filter((a) => a.id !== "undeposited"), "deposit_to", prefs);
    expect(result.defaultId).toBe("savings");
  });

  it("recognises the clearing accounts by name before the preferences name them", () => {
    const result = accountsForPurpose(chart, "payment_source", {});
    expect(ids(result.accounts)).toEqual(["checking", "savings"]);
    expect(result.defaultId).toBe("checking");
    expect(isClearingAccount({ id: "x", name: " money in clearing ", accountType: "Bank" }, {})).toBe(true);
  });

  it("recognises renamed clearing accounts by the preference ids", () => {
    const renamed = { id: "mo-clear", name: "Payments in transit", accountType: "Bank" };
    expect(accountFitsPurpose(renamed, "payment_source", prefs)).toBe(false);
    expect(accountFitsPurpose(renamed, "deposit_to", prefs)).toBe(false);
  });

  it("falls back to the first fitting account when the Bank Account GL is unset or does not fit", () => {
    expect(accountsForPurpose(chart, "payment_source", { ...prefs, bankAccountId: null }).defaultId).toBe("checking");
    expect(accountsForPurpose(chart, "payment_source", { ...prefs, bankAccountId: "mi-clear" }).defaultId).toBe("checking");
  });

  it("has no default when nothing fits", () => {
    expect(accountsForPurpose([chart[1]!, chart[7]!], "payment_source", prefs)).toEqual({ accounts: [], defaultId: null });
  });

  it("never accepts an inactive account", () => {
    expect(accountFitsPurpose(chart[5]!, "payment_source", prefs)).toBe(false);
  });
});
