import { describe, expect, it } from "vitest";
import { syncPreferencesSchema } from "./schema";

const account = "0b8a7f6e-1c2d-4e3f-8a9b-0c1d2e3f4a5b";

describe("syncPreferencesSchema (the Preferences form)", () => {
  it("reads checkboxes and pickers as the form posts them", () => {
    const parsed = syncPreferencesSchema.parse({
      syncAutomatically: "on",
      direction: "two_way",
      masterInConflict: "quickbooks",
      unallocatedExpenseAccountId: account,
      unallocatedIncomeAccountId: "",
    });
    expect(parsed).toMatchObject({
      syncAutomatically: true,
      twoWayPaymentSync: false,
      unallocatedExpenseAccountId: account,
      unallocatedIncomeAccountId: null,
      bankAccountId: null,
    });
  });

  it("names the field that is wrong", () => {
    const result = syncPreferencesSchema.safeParse({ direction: "sideways", masterInConflict: "quickbooks", bankAccountId: "not-an-id" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["direction", "bankAccountId"]));
    expect(result.error!.issues.find((i) => i.path[0] === "bankAccountId")?.message).toBe("Choose an account from the list");
  });
});
