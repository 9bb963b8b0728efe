import { describe, expect, it } from "vitest";
import { can, canDo, isAdminOnly, PERMISSIONS, refusalMessage, ROLES } from "./permissions";

describe("can", () => {
  it("lets an admin do everything", () => {
    for (const permission of PERMISSIONS) expect(can("admin", permission)).toBe(true);
  });

  it("gives the approver what a clerk has and approving bills, but no settings or team", () => {
    for (const permission of PERMISSIONS) {
      if (can("clerk", permission)) expect(can("approver", permission)).toBe(true);
    }
    expect(can("approver", "bill.approve")).toBe(true);
    expect(can("clerk", "bill.approve")).toBe(false);
    expect(can("approver", "settings.manage")).toBe(false);
    expect(can("approver", "team.manage")).toBe(false);
  });

  it("lets a clerk change bills, invoices, parties, credits, payments and run Sync Now, not settings or the team", () => {
    for (const permission of ["bill.edit", "invoice.edit", "party.edit", "credit.edit", "payment.edit", "sync.run"] as const) {
      expect(can("clerk", permission)).toBe(true);
    }
    expect(can("clerk", "settings.manage")).toBe(false);
    expect(can("clerk", "team.manage")).toBe(false);
  });

  it("lets an accountant read and export only", () => {
    const granted = PERMISSIONS.filter((permission) => can("accountant", permission));
    expect(granted).toEqual(["data.read", "data.export"]);
  });

  it("lets every role read", () => {
    for (const role of ROLES) expect(can(role, "data.read")).toBe(true);
  });
});

describe("canDo and refusals", () => {
  it("reads the role of the context", () => {
    expect(canDo({ org: { role: "accountant" } }, "bill.edit")).toBe(false);
    expect(canDo({ org: { role: "clerk" } }, "bill.edit")).toBe(true);
  });

  it("says admin-only for settings and team, and names the role otherwise", () => {
    expect(isAdminOnly("team.manage")).toBe(true);
    expect(isAdminOnly("settings.manage")).toBe(true);
    expect(isAdminOnly("bill.edit")).toBe(false);
    expect(refusalMessage("settings.manage")).toBe("Only an admin of this organisation can do this.");
    expect(refusalMessage("bill.edit")).toMatch(/Your role/);
  });
});
