import { describe, expect, it } from "vitest";
import { deriveRecordStatus, linkableQboId, type RecordStatusInput } from "@/lib/sync/core/record-status";

const synced = new Date("2026-12-01T10:00:00Z");
const before = new Date("2026-12-01T09:00:00Z");
const after = new Date("2026-12-01T11:00:00Z");
const mapping = { qboId: "145", syncedAt: synced, qboState: "live" as const, qboBalanceCents: null };

function input(over: Partial<RecordStatusInput<string>> = {}): RecordStatusInput<string> {
  return {
    objectType: "bill",
    connection: "connected",
    mapping,
    issues: [],
    record: { voidedAt: null, totalCents: 10_000, openBalanceCents: 10_000 },
    twoWayPaymentSync: false,
    ...over,
  };
}

describe("deriveRecordStatus", () => {
  it("while a company switch awaits confirmation, says so and links only to the twin in the company the record is linked to", () => {
    const linked = deriveRecordStatus(input({ connection: "awaiting_confirmation" }));
    expect(linked).toEqual({ state: "awaiting_confirmation", qboId: "145" });
    expect(deriveRecordStatus(input({ connection: "awaiting_confirmation", mapping: null }))).toEqual({ state: "awaiting_confirmation" });
    expect(linkableQboId(deriveRecordStatus(input({ connection: "awaiting_confirmation", mapping: { ...mapping, qboState: "deleted" } })))).toBeNull();
  });

  it("a linked, live, open record is synced and links to QuickBooks", () => {
    const status = deriveRecordStatus(input());
    expect(status).toEqual({ state: "synced", qboId: "145", syncedAt: synced });
    expect(linkableQboId(status)).toBe("145");
  });

  it("a bill voided in the app after its last sync will be deleted in QuickBooks at the next sync", () => {
    const status = deriveRecordStatus(input({ record: { voidedAt: after, totalCents: 10_000, openBalanceCents: 0 } }));
    expect(status).toEqual({ state: "void_pending", qboId: "145", operation: "delete" });
  });

  it("an invoice voided in the app after its last sync will be voided in QuickBooks", () => {
    const status = deriveRecordStatus(input({ objectType: "invoice", record: { voidedAt: after } }));
    expect(status).toMatchObject({ state: "void_pending", operation: "void" });
  });

  it("a record deleted in QuickBooks says so and offers no QuickBooks link", () => {
    const status = deriveRecordStatus(input({ mapping: { ...mapping, qboState: "deleted" }, record: { voidedAt: synced } }));
    expect(status).toEqual({ state: "deleted_in_qbo", syncedAt: synced });
    expect(linkableQboId(status)).toBeNull();
  });

  it("a bill the sync deleted in QuickBooks after it was voided here offers no link", () => {
    const status = deriveRecordStatus(input({ mapping: { ...mapping, qboState: "removed" }, record: { voidedAt: before } }));
    expect(status).toEqual({ state: "removed", syncedAt: synced });
    expect(linkableQboId(status)).toBeNull();
  });

  it("an invoice voided on both sides keeps its link (the voided invoice stays in QuickBooks)", () => {
    const status = deriveRecordStatus(input({ objectType: "invoice", mapping: { ...mapping, qboState: "voided" }, record: { voidedAt: before } }));
    expect(status).toEqual({ state: "voided", qboId: "145", syncedAt: synced });
  });

  it("a void sent before the twin's state was kept: bills were deleted there, invoices voided", () => {
    expect(deriveRecordStatus(input({ record: { voidedAt: before } })).state).toBe("removed");
    expect(deriveRecordStatus(input({ objectType: "invoice", record: { voidedAt: before } })).state).toBe("voided");
  });

  it("a record voided before it ever synced has nothing to send", () => {
    expect(deriveRecordStatus(input({ mapping: null, record: { voidedAt: before } }))).toEqual({ state: "voided_unsynced" });
  });

  it("with 2-Way Payment Sync off, a bill paid in QuickBooks says it was paid there", () => {
    const status = deriveRecordStatus(input({ mapping: { ...mapping, qboBalanceCents: 0 } }));
    expect(status).toMatchObject({ state: "synced", paidInQbo: { balanceCents: 0, partly: false } });
  });

  it("a partial payment in QuickBooks is a partly paid notice", () => {
    const status = deriveRecordStatus(input({ mapping: { ...mapping, qboBalanceCents: 4_000 } }));
    expect(status).toMatchObject({ state: "synced", paidInQbo: { balanceCents: 4_000, partly: true } });
  });

  it("no paid-in-QuickBooks notice when 2-Way Payment Sync is on or the app already shows the payment", () => {
    expect(deriveRecordStatus(input({ twoWayPaymentSync: true, mapping: { ...mapping, qboBalanceCents: 0 } }))).not.toHaveProperty("paidInQbo");
    const paidHere = input({ mapping: { ...mapping, qboBalanceCents: 0 }, record: { voidedAt: null, totalCents: 10_000, openBalanceCents: 0 } });
    expect(deriveRecordStatus(paidHere)).not.toHaveProperty("paidInQbo");
  });

  it("open issues come first, with the link only while the twin exists", () => {
    expect(deriveRecordStatus(input({ issues: ["x"] }))).toEqual({ state: "issue", issues: ["x"], qboId: "145" });
    expect(deriveRecordStatus(input({ mapping: null, issues: ["x"] }))).toEqual({ state: "issue", issues: ["x"] });
  });

  it("an unlinked record is pending when connected and not connected otherwise", () => {
    expect(deriveRecordStatus(input({ mapping: null })).state).toBe("pending");
    expect(deriveRecordStatus(input({ mapping: null, connection: "disconnected" })).state).toBe("not_connected");
    expect(deriveRecordStatus(input({ mapping: null, connection: null })).state).toBe("not_connected");
  });
});
