import { describe, expect, it } from "vitest";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { UserFacingError } from "@/lib/forms/action-result";
import { duplicateError, duplicateErrorFor, refusingDuplicates } from "./duplicate-field-errors";

/** What postgres.js and PGlite throw for a unique violation, wrapped by drizzle as it does. */
const violation = (constraint: string, driverKey: "constraint_name" | "constraint" = "constraint") =>
  new DrizzleQueryError("insert …", [], Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505", [driverKey]: constraint }));

describe("duplicateErrorFor", () => {
  it("turns a guarded index's violation into the field error the sequential check gives, with the value", () => {
    for (const driverKey of ["constraint_name", "constraint"] as const) {
      const error = duplicateErrorFor(violation("invoices_org_number_key", driverKey), { invoiceNumber: "1001" });
      expect(error).toBeInstanceOf(UserFacingError);
      expect(error).toEqual(duplicateError("invoices_org_number_key", "1001"));
      expect(error?.fieldErrors).toEqual({ invoiceNumber: ["Another invoice already uses number 1001."] });
    }
    expect(duplicateErrorFor(violation("bills_vendor_number_key"), { billNumber: "B-1" })?.fieldErrors).toEqual({
      billNumber: ["This vendor already has a bill numbered B-1."],
    });
    expect(duplicateErrorFor(violation("vendors_org_name_key"), { displayName: "Acme" })).toMatchObject({
      message: "That name is already used.",
      fieldErrors: { displayName: ['Another vendor is already named "Acme"'] },
    });
    expect(duplicateErrorFor(violation("users_email_key"), { email: "a@example.com" })).toMatchObject({
      fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
    });
  });

  it("leaves other errors alone: other indexes, other codes, plain errors", () => {
    expect(duplicateErrorFor(violation("organizations_slug_key"), {})).toBeNull();
    expect(duplicateErrorFor(violation("toString"), {})).toBeNull();
    expect(duplicateErrorFor(Object.assign(new Error("fk"), { code: "23503", constraint: "invoices_org_number_key" }), {})).toBeNull();
    expect(duplicateErrorFor(new Error("boom"), {})).toBeNull();
  });

  it("refusingDuplicates rethrows anything that is not a guarded violation unchanged", async () => {
    const boom = new Error("boom");
    await expect(refusingDuplicates({}, async () => Promise.reject(boom))).rejects.toBe(boom);
    await expect(refusingDuplicates({ creditNumber: "C-1" }, async () => Promise.reject(violation("vendor_credits_vendor_number_key")))).rejects.toMatchObject({
      fieldErrors: { creditNumber: ["This vendor already has a credit numbered C-1."] },
    });
    await expect(refusingDuplicates({}, async () => 7)).resolves.toBe(7);
  });
});
