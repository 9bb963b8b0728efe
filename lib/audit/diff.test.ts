import { describe, expect, it } from "vitest";
import { diffForAudit } from "./diff";

type V = { displayName: string; email: string | null; active: boolean };
const fields = [
  { field: "displayName", label: "Display name" },
  { field: "email", label: "Email" },
  { field: "active", label: "Status", format: (v: unknown) => (v ? "Active" : "Inactive") },
] as const;

describe("diffForAudit", () => {
  it("lists only changed fields, formatted", () => {
    const before: V = { displayName: "Acme", email: null, active: true };
    const after: V = { displayName: "Acme Inc", email: null, active: false };
    expect(diffForAudit(before, after, [...fields])).toEqual([
      { field: "displayName", label: "Display name", old: "Acme", new: "Acme Inc" },
      { field: "active", label: "Status", old: "Active", new: "Inactive" },
    ]);
  });
  it("treats a creation as changes from nothing", () => {
    expect(diffForAudit<V>(null, { displayName: "New", email: "a@b.co", active: true }, [...fields])).toHaveLength(3);
  });
});
