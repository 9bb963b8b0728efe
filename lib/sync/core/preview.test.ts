import { describe, expect, it } from "vitest";
import { planEntitySync } from "@/lib/sync/core/plan";
import {
  appChangesOf,
  bodyAmountCents,
  conflictOf,
  formatPreviewTable,
  inboundPaymentChangesOf,
  previewNothingToDo,
  summarizePreview,
  type PartyNames,
  type SyncPreview,
} from "@/lib/sync/core/preview";
import { STANDARD_REFS, appBill, appParty, mappingOf, qboBill, qboParty, readyPrefs, tableResolver } from "@/lib/sync/core/test-fixtures";
import type { SyncPreferences } from "@/lib/sync/core/types";

const names: PartyNames = (kind, id) => (kind === "vendor" && id === "ven-1" ? "Acme Supplies" : undefined);
const LAST_SYNC = "2026-11-10T00:00:00.000Z";

function planBills(input: { app?: ReturnType<typeof appBill>[]; qbo?: ReturnType<typeof qboBill>[]; mappings?: ReturnType<typeof mappingOf>[]; prefs?: SyncPreferences }) {
  return planEntitySync({
    kind: "bill",
    appRecords: input.app ?? [],
    qboRecords: input.qbo ?? [],
    mappings: input.mappings ?? [],
    prefs: input.prefs ?? readyPrefs(),
    lastSyncAt: LAST_SYNC,
    resolver: tableResolver(STANDARD_REFS),
  });
}

function readyPreview(parts: Partial<Extract<SyncPreview, { status: "ready" }>> = {}): Extract<SyncPreview, { status: "ready" }> {
  return { status: "ready", generatedAt: LAST_SYNC, mode: "incremental", counts: {}, changes: [], conflicts: [], skipped: [], preferencesMissing: [], error: null, apiCalls: 2, ...parts };
}

describe("a planned decision as the preview shows it", () => {
  it("an import from QuickBooks is a create in the app, told apart by number, amount, party, date and QBO id", () => {
    const [decision] = planBills({ qbo: [qboBill()] });
    expect(appChangesOf(decision!)).toEqual([
      { objectType: "bill", direction: "to_app", action: "create", record: { title: "B-100", amountCents: 12_550, party: "Acme Supplies", date: "2026-11-01", qboId: "146" } },
    ]);
  });

  it("a change to send to QuickBooks is not counted here (the writes are)", () => {
    const app = appBill();
    const [decision] = planBills({ app: [appBill({ memo: "edited" })], mappings: [mappingOf("bill-1", "146", { syncToken: "3", contentHash: app.contentHash })] });
    expect(decision?.type).toBe("update-in-qbo");
    expect(appChangesOf(decision!)).toEqual([]);
  });

  it("a conflict won by QuickBooks shows both versions of the fields that differ, and updates the app", () => {
    const app = appBill();
    const mapping = mappingOf("bill-1", "146", { syncToken: "3", contentHash: app.contentHash });
    const appEdited = appBill({ memo: "edited in app", counterpartyName: undefined });
    const qboEdited = qboBill({ syncToken: "4", totalCents: 20_000, balanceCents: 20_000, privateNote: "edited in QuickBooks" });
    const [decision] = planBills({ app: [appEdited], qbo: [qboEdited], mappings: [mapping] });
    expect(conflictOf(decision!, names)).toEqual({
      objectType: "bill",
      record: { title: "B-100", amountCents: 12_550, party: "Acme Supplies", date: "2026-11-01", qboId: "146" },
      winner: "quickbooks",
      fields: [
        { label: "Due date", app: "2026-12-01", qbo: null },
        { label: "Total", app: "$125.50", qbo: "$200.00" },
        { label: "Memo", app: "edited in app", qbo: "edited in QuickBooks" },
      ],
    });
    expect(appChangesOf(decision!)).toEqual([expect.objectContaining({ direction: "to_app", action: "update" })]);
  });

  it("a vendor conflict won by Ledgerbridge compares the party fields", () => {
    const original = appParty();
    const [decision] = planEntitySync({
      kind: "vendor",
      appRecords: [appParty({ email: "ap@acme.test" })],
      qboRecords: [qboParty({ syncToken: "2", email: "billing@acme.test" })],
      mappings: [mappingOf("ven-1", "56", { contentHash: original.contentHash })],
      prefs: readyPrefs({ masterInConflict: "ledgerbridge" }),
    });
    expect(conflictOf(decision!, names)).toMatchObject({ winner: "ledgerbridge", record: { title: "Acme Supplies" }, fields: [{ label: "E-mail", app: "ap@acme.test", qbo: "billing@acme.test" }] });
    expect(appChangesOf(decision!)).toEqual([]);
  });

  it("decisions that are no conflict have none", () => {
    const [decision] = planBills({ qbo: [qboBill()] });
    expect(conflictOf(decision!, names)).toBeNull();
  });
});

describe("payments QuickBooks holds (2-Way Payment Sync)", () => {
  it("a new one is recorded in the app; one voided there is voided here", () => {
    expect(inboundPaymentChangesOf({ type: "record-payment-in-app", kind: "bill_payment", qboId: "301", syncToken: "0", totalCents: 5_000, txnDate: "2026-11-20", allocations: [], credits: [] })).toEqual([
      { objectType: "bill_payment", direction: "to_app", action: "create", record: { title: "Bill payment 301", amountCents: 5_000, qboId: "301", date: "2026-11-20" } },
    ]);
    expect(inboundPaymentChangesOf({ type: "void-payment-in-app", kind: "payment", localId: "p-1", qboId: "302" })).toEqual([
      { objectType: "payment", direction: "to_app", action: "update", record: { title: "Payment 302 (voided in QuickBooks)", qboId: "302" } },
    ]);
    expect(inboundPaymentChangesOf({ type: "noop", qboId: "303" })).toEqual([]);
  });
});

describe("summarizePreview", () => {
  it("counts per object type and direction, in the order a run handles them", () => {
    const rows = summarizePreview(
      readyPreview({
        changes: [
          { objectType: "bill", direction: "to_app", action: "create", record: { title: "1" } },
          { objectType: "bill", direction: "to_app", action: "create", record: { title: "2" } },
          { objectType: "bill", direction: "to_qbo", action: "update", record: { title: "3" } },
          { objectType: "vendor", direction: "to_qbo", action: "create", record: { title: "Acme" } },
          { objectType: "invoice", direction: "to_qbo", action: "delete", record: { title: "9" } },
        ],
        skipped: [
          { objectType: "bill", direction: "to_app", label: "Bill 4", reasonCode: "ALREADY_PAID", severity: "skip", detail: "" },
          { objectType: "bill", direction: "to_app", label: "Bill 5", reasonCode: "LINES_NOT_SUPPORTED", severity: "failure", detail: "" },
        ],
        conflicts: [{ objectType: "bill", record: { title: "3" }, winner: "ledgerbridge", fields: [] }],
      }),
    );
    expect(rows.map((r) => [r.label, r.direction, r.create, r.update, r.delete, r.skipped, r.failed, r.conflicts])).toEqual([
      ["Vendors", "to_qbo", 1, 0, 0, 0, 0, 0],
      ["Bills", "to_qbo", 0, 1, 0, 0, 0, 1],
      ["Bills", "to_app", 2, 0, 0, 1, 1, 0],
      ["Invoices", "to_qbo", 0, 0, 1, 0, 0, 0],
    ]);
  });
});

describe("previewNothingToDo", () => {
  it("is true when nothing would be written, even with records that stay skipped", () => {
    expect(previewNothingToDo(readyPreview())).toBe(true);
    expect(previewNothingToDo(readyPreview({ skipped: [{ objectType: "bill", direction: "to_app", label: "Bill 4", reasonCode: "ALREADY_PAID", severity: "skip", detail: "" }] }))).toBe(true);
  });

  it("is false with a change, a conflict, an error, or no preview at all", () => {
    expect(previewNothingToDo(readyPreview({ changes: [{ objectType: "bill", direction: "to_qbo", action: "create", record: { title: "1" } }] }))).toBe(false);
    expect(previewNothingToDo(readyPreview({ conflicts: [{ objectType: "bill", record: { title: "3" }, winner: "quickbooks", fields: [] }] }))).toBe(false);
    expect(previewNothingToDo(readyPreview({ error: "QuickBooks could not be reached" }))).toBe(false);
    expect(previewNothingToDo({ status: "sync-running", generatedAt: LAST_SYNC, message: "A sync is running." })).toBe(false);
  });
});

describe("formatPreviewTable", () => {
  it("prints a row per type and direction, the conflicts with both versions, and the skipped reasons", () => {
    const text = formatPreviewTable(
      readyPreview({
        changes: [{ objectType: "bill", direction: "to_qbo", action: "create", record: { title: "1" } }],
        conflicts: [{ objectType: "vendor", record: { title: "Acme" }, winner: "quickbooks", fields: [{ label: "E-mail", app: "a@x.test", qbo: null }] }],
        skipped: [{ objectType: "bill", direction: "to_app", label: "Bill 4 from Acme", reasonCode: "ALREADY_PAID", severity: "skip", detail: "Already paid." }],
      }),
    );
    expect(text).toContain("nothing was written");
    expect(text).toMatch(/Bills\s+→ QuickBooks\s+1\s+0\s+0\s+0\s+0\s+0/);
    expect(text).toMatch(/Bills\s+→ Ledgerbridge\s+0\s+0\s+0\s+1\s+0\s+0/);
    expect(text).toContain("Conflict: Vendors Acme — keeps the QuickBooks version");
    expect(text).toContain("E-mail: Ledgerbridge a@x.test · QuickBooks —");
    expect(text).toContain("Bill 4 from Acme: Already paid.");
    expect(text).not.toContain("Nothing to do");
  });

  it("says there is nothing to do, or why there is no preview", () => {
    expect(formatPreviewTable(readyPreview())).toContain("Nothing to do: both sides are in sync.");
    expect(formatPreviewTable({ status: "sync-running", generatedAt: LAST_SYNC, message: "A sync is running. Preview again when it finishes." })).toBe(
      "A sync is running. Preview again when it finishes.",
    );
  });
});

describe("amounts", () => {
  it("a write body's amount is its TotalAmt, else its lines less discounts", () => {
    expect(bodyAmountCents({ TotalAmt: 12.5 })).toBe(1_250);
    expect(bodyAmountCents({ Line: [{ Amount: 10, DetailType: "SalesItemLineDetail" }, { Amount: 2.25, DetailType: "DiscountLineDetail" }] })).toBe(775);
    expect(bodyAmountCents({ DisplayName: "Acme" })).toBeUndefined();
  });

});
