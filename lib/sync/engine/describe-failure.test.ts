import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ERROR_REFERENCE_PATTERN } from "@/lib/error-reference";
import { QboError } from "@/lib/qbo";
import { SyncStopError } from "./context";
import { describeFailure } from "./describe-failure";

describe("describeFailure (what members see on the run page and in the status API)", () => {
  it("never shows a failed query: a short message with a reference instead", () => {
    const error = new DrizzleQueryError(
      'insert into "sync_issues" ("organization_id", "object_type", "params") values ($1, $2, $3)',
      ["00000000-0000-4000-8000-000000000001", "bill", '{"email":"ann@example.com"}'],
      new Error('null value in column "reason" violates not-null constraint'),
    );
    const failure = describeFailure(error, () => "7F3K-9QZ2");
    expect(failure).toEqual({
      message: expect.stringContaining("(ref 7F3K-9QZ2)"),
      needsReconnect: false,
      ref: "7F3K-9QZ2",
    });
    for (const leak of ["insert", "sync_issues", "params", "ann@example.com", "$1", "not-null"]) expect(failure.message).not.toContain(leak);
  });

  it("gives every unexpected error its own readable reference", () => {
    const a = describeFailure(new TypeError("Cannot read properties of undefined (reading 'id')"));
    const b = describeFailure(new Error("boom"));
    expect(a.ref).toMatch(ERROR_REFERENCE_PATTERN);
    expect(b.ref).toMatch(ERROR_REFERENCE_PATTERN);
    expect(a.ref).not.toBe(b.ref);
    expect(a.message).not.toContain("Cannot read");
  });

  it("keeps the messages written for people (stop reasons and QuickBooks faults) and gives them no reference", () => {
    expect(describeFailure(new SyncStopError("QuickBooks is not connected.", false))).toEqual({ message: "QuickBooks is not connected.", needsReconnect: false });
    const fault = new QboError({ code: "6140", message: "Duplicate Document Number Error", detail: "Duplicate Document Number Error : You must specify a different number.", httpStatus: 400 });
    expect(describeFailure(fault)).toEqual({
      message: "QuickBooks returned an error: Duplicate Document Number Error : You must specify a different number.",
      needsReconnect: false,
    });
    expect(describeFailure(new QboError({ code: "3200", message: "AuthenticationFailed", detail: "", httpStatus: 401 })).needsReconnect).toBe(true);
  });
});
