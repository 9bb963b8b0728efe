import { describe, expect, it } from "vitest";
import { isEcho, mappingObjectType, versionKey, type KnownVersion } from "./echo";
import type { WebhookEvent } from "./parse-notification";

const event = (overrides: Partial<WebhookEvent> = {}): WebhookEvent => ({
  realmId: "1",
  entity: "Bill",
  entityId: "146",
  operation: "update",
  occurredAt: "2026-11-25T15:29:14.000Z",
  ...overrides,
});
const known = (lastUpdatedTime: string | null, objectType = "bill", qboId = "146") =>
  new Map<string, KnownVersion>([[versionKey(objectType, qboId), { objectType, qboId, lastUpdatedTime }]]);

describe("isEcho", () => {
  it("is our own write coming back when the ledger holds that version or a later one (QBO's offset times included)", () => {
    expect(isEcho(event(), known("2026-11-25T07:29:14-08:00"))).toBe(true);
    expect(isEcho(event(), known("2026-11-25T07:29:20-08:00"))).toBe(true);
    expect(isEcho(event({ operation: "create" }), known("2026-11-25T15:29:14Z"))).toBe(true);
  });

  it("is a real change when QBO's version is newer than the synced one", () => {
    expect(isEcho(event(), known("2026-11-25T07:29:13-08:00"))).toBe(false);
  });

  it("never hides deletes, merges, undated events, unknown objects or entities the sync does not map", () => {
    expect(isEcho(event({ operation: "delete" }), known("2026-11-25T16:00:00Z"))).toBe(false);
    expect(isEcho(event({ operation: "merge" }), known("2026-11-25T16:00:00Z"))).toBe(false);
    expect(isEcho(event({ occurredAt: null }), known("2026-11-25T16:00:00Z"))).toBe(false);
    expect(isEcho(event({ entityId: "999" }), known("2026-11-25T16:00:00Z"))).toBe(false);
    expect(isEcho(event(), known(null))).toBe(false);
    expect(isEcho(event({ entity: "JournalEntry" }), known("2026-11-25T16:00:00Z", "funds_transfer"))).toBe(false);
  });

  it("reads both spellings of entity names", () => {
    expect(mappingObjectType("BillPayment")).toBe("bill_payment");
    expect(mappingObjectType("billpayment")).toBe("bill_payment");
    expect(mappingObjectType("Department")).toBe("location");
    expect(isEcho(event({ entity: "vendorcredit" }), known("2026-11-25T15:29:14Z", "vendor_credit"))).toBe(true);
  });
});
