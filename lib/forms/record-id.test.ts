import { describe, expect, it } from "vitest";
import { billListQuery } from "@/lib/bills/list-query";
import { listQuerySchema } from "@/lib/counterparties/schemas";
import { invoiceListQuery } from "@/lib/invoices/list-query";
import { isRecordId, optionalRecordId, recordId } from "./record-id";

describe("record ids from a person (route params, pickers, query strings)", () => {
  it("accepts what a uuid column holds and nothing else", () => {
    expect(isRecordId("3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e")).toBe(true);
    expect(isRecordId("00000000-0000-0000-0000-000000000001")).toBe(true);
    for (const bad of ["not-a-uuid", "", "1", "3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e' or 1=1", "3f2b8c1e4d5a4b6c8d7e9f0a1b2c3d4e", "\u0000", 42, null, undefined]) {
      expect(isRecordId(bad), String(bad)).toBe(false);
    }
  });

  it("gives a field error with the caller's message, and blank optional ids are undefined", () => {
    expect(recordId("Choose a bill.").safeParse("x").error?.issues[0]?.message).toBe("Choose a bill.");
    expect(optionalRecordId().parse("")).toBeUndefined();
    expect(optionalRecordId().parse(undefined)).toBeUndefined();
    expect(optionalRecordId().safeParse("x").success).toBe(false);
  });
});

describe("list searches (?q=) with a NUL character", () => {
  it("drop the NUL instead of sending it to PostgreSQL", () => {
    expect(billListQuery.parse({ q: "ac\u0000me" }).q).toBe("acme");
    expect(invoiceListQuery.parse({ q: "\u0000" }).q).toBe("");
    expect(listQuerySchema.parse({ q: " ac\u0000me " }).q).toBe("acme");
  });
});
