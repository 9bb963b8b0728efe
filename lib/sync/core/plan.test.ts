import { describe, expect, it } from "vitest";

import { countDecisions } from "@/lib/sync/core/decisions";
import {
  findDisplayNameClashes,
  matchByDisplayName,
  planEntitySync,
  type PartyPlanInput,
  type TxnPlanInput,
} from "@/lib/sync/core/plan";
import {
  STANDARD_REFS,
  appBill,
  appParty,
  mappingOf,
  qboBill,
  qboParty,
  readyPrefs,
  tableResolver,
} from "@/lib/sync/core/test-fixtures";
import type { SyncPreferences } from "@/lib/sync/core/types";

const resolver = tableResolver(STANDARD_REFS);
const LAST_SYNC = "2026-11-10T00:00:00.000Z";

function planBills(overrides: Partial<TxnPlanInput>) {
  return planEntitySync({
    kind: "bill",
    appRecords: [],
    qboRecords: [],
    mappings: [],
    prefs: readyPrefs(),
    lastSyncAt: LAST_SYNC,
    resolver,
    ...overrides,
  });
}

/** A linked pair: app bill-1 ↔ QBO 146, mapping at SyncToken "3" with the app's current hash. */
function linked(prefs: SyncPreferences = readyPrefs()) {
  const app = appBill();
  const mapping = mappingOf("bill-1", "146", { syncToken: "3", contentHash: app.contentHash });
  const appEdited = appBill({ memo: "edited in app" });
  const qboEdited = qboBill({ syncToken: "4", totalCents: 20_000, balanceCents: 20_000 });
  return { app, mapping, appEdited, qboEdited, prefs };
}

describe("planEntitySync — bills and invoices, unlinked", () => {
  it("imports an unpaid QBO bill whose vendor is synced", () => {
    const qbo = qboBill();
    expect(planBills({ qboRecords: [qbo] })).toEqual([{ type: "create-in-app", kind: "bill", qboId: "146", qbo }]);
  });

  it("lists skipped QBO bills with their reason", () => {
    const [decision] = planBills({ qboRecords: [qboBill({ balanceCents: 0 })] });
    expect(decision).toMatchObject({ type: "skip", qboId: "146", reason: "PAID_IN_QBO", severity: "skip" });
  });

  it("fails a QBO bill whose vendor did not sync", () => {
    const [decision] = planBills({ qboRecords: [qboBill({ counterpartyQboId: "999" })] });
    expect(decision).toMatchObject({ type: "skip", reason: "VENDOR_NOT_SYNCED", severity: "failure" });
  });

  it("sends unlinked app bills, holding back $0 ones and those whose vendor waits", () => {
    const ok = appBill({ id: "a" });
    const zero = appBill({ id: "z", totalCents: 0, lines: [] });
    const orphan = appBill({ id: "o", counterpartyId: "ven-unsynced" });
    const decisions = planBills({ appRecords: [ok, zero, orphan] });
    expect(decisions).toEqual([
      { type: "create-in-qbo", kind: "bill", localId: "a", app: ok },
      expect.objectContaining({ type: "skip", localId: "z", reason: "ZERO_AMOUNT" }),
      expect.objectContaining({ type: "skip", localId: "o", reason: "VENDOR_NOT_SYNCED" }),
    ]);
  });

  it("never sends app records deleted before they synced", () => {
    expect(planBills({ appRecords: [appBill({ deleted: true })] })).toEqual([]);
  });

  it("links an app bill and a QBO bill with the same number and vendor instead of duplicating", () => {
    const app = appBill({ number: "b-100" });
    const qbo = qboBill();
    expect(planBills({ appRecords: [app], qboRecords: [qbo] })).toEqual([
      { type: "link", kind: "bill", localId: "bill-1", qboId: "146", app, qbo, adopt: "quickbooks" },
    ]);
    const [appWins] = planBills({ appRecords: [app], qboRecords: [qbo], prefs: readyPrefs({ masterInConflict: "ledgerbridge" }) });
    expect(appWins).toMatchObject({ type: "link", adopt: "ledgerbridge" });
    const [oneWay] = planBills({ appRecords: [app], qboRecords: [qbo], prefs: readyPrefs({ direction: "app_to_qbo" }) });
    expect(oneWay).toMatchObject({ type: "link", adopt: "ledgerbridge" });
  });

  it("with preferences missing, skips both sides and links nothing", () => {
    const decisions = planBills({ appRecords: [appBill()], qboRecords: [qboBill()], prefs: undefined });
    expect(decisions.map((d) => d.type === "skip" && d.reason)).toEqual(["PREFERENCES_MISSING", "PREFERENCES_MISSING"]);
  });

  it("with direction app → QBO only, lists QBO bills as skipped and still sends app bills", () => {
    const decisions = planBills({ appRecords: [appBill({ id: "a", number: "X-1" })], qboRecords: [qboBill()], prefs: readyPrefs({ direction: "app_to_qbo" }) });
    expect(decisions).toEqual([
      expect.objectContaining({ type: "skip", qboId: "146", reason: "APP_TO_QBO_ONLY" }),
      expect.objectContaining({ type: "create-in-qbo", localId: "a" }),
    ]);
  });
});

describe("planEntitySync — linked bills: changes and conflicts", () => {
  it("does nothing when neither side changed", () => {
    const { app, mapping } = linked();
    expect(planBills({ appRecords: [app], mappings: [mapping], qboRecords: [qboBill({ syncToken: "3" })] })).toEqual([
      { type: "noop", kind: "bill", localId: "bill-1", qboId: "146" },
    ]);
    expect(planBills({ appRecords: [app], mappings: [mapping] })).toEqual([{ type: "noop", kind: "bill", localId: "bill-1", qboId: "146" }]);
  });

  it("never re-imports the QBO twin of a linked record left out of appRecords", () => {
    const { mapping, qboEdited } = linked();
    expect(planBills({ mappings: [mapping], qboRecords: [qboEdited] })).toEqual([]);
    expect(
      planEntitySync({ kind: "vendor", appRecords: [], qboRecords: [qboParty({ syncToken: "9" })], mappings: [mappingOf("ven-1", "56")], prefs: readyPrefs() }),
    ).toEqual([]);
  });

  it("app changed → update in QBO with the mapping's token when CDC did not return the record", () => {
    const { appEdited, mapping } = linked();
    expect(planBills({ appRecords: [appEdited], mappings: [mapping] })).toEqual([
      { type: "update-in-qbo", kind: "bill", localId: "bill-1", qboId: "146", syncToken: "3", app: appEdited },
    ]);
  });

  it("QBO changed → update in app, payment state applied only with 2-way payment sync", () => {
    const { app, mapping } = linked();
    const paid = qboBill({ syncToken: "4", balanceCents: 0 });
    const [off] = planBills({ appRecords: [app], mappings: [mapping], qboRecords: [paid] });
    expect(off).toEqual({ type: "update-in-app", kind: "bill", localId: "bill-1", qboId: "146", qbo: paid, paymentState: "paid", applyPaymentState: false });
    const [on] = planBills({ appRecords: [app], mappings: [mapping], qboRecords: [paid], prefs: readyPrefs({ twoWayPaymentSync: true }) });
    expect(on).toMatchObject({ type: "update-in-app", paymentState: "paid", applyPaymentState: true });
  });

  it("both changed, QuickBooks is master → QBO wins, app version archived", () => {
    const { appEdited, mapping, qboEdited } = linked();
    const [decision] = planBills({ appRecords: [appEdited], mappings: [mapping], qboRecords: [qboEdited] });
    expect(decision).toEqual({
      type: "conflict",
      kind: "bill",
      localId: "bill-1",
      qboId: "146",
      winner: "quickbooks",
      decidedBy: "preference",
      since: LAST_SYNC,
      resolution: { type: "update-in-app", kind: "bill", localId: "bill-1", qboId: "146", qbo: qboEdited, paymentState: "unpaid", applyPaymentState: false },
      loser: { side: "app", app: appEdited },
    });
  });

  it("both changed, Ledgerbridge is master → app wins with QBO's current token, QBO version archived", () => {
    const { appEdited, mapping, qboEdited } = linked();
    const [decision] = planBills({ appRecords: [appEdited], mappings: [mapping], qboRecords: [qboEdited], prefs: readyPrefs({ masterInConflict: "ledgerbridge" }) });
    expect(decision).toMatchObject({
      type: "conflict",
      winner: "ledgerbridge",
      decidedBy: "preference",
      resolution: { type: "update-in-qbo", syncToken: "4", app: appEdited },
      loser: { side: "quickbooks", qbo: qboEdited },
    });
  });

  it("app → QBO only: QBO edits are not brought in, and the app wins conflicts by direction", () => {
    const prefs = readyPrefs({ direction: "app_to_qbo" });
    const { app, appEdited, mapping, qboEdited } = linked();
    expect(planBills({ appRecords: [app], mappings: [mapping], qboRecords: [qboEdited], prefs })).toEqual([
      { type: "noop", kind: "bill", localId: "bill-1", qboId: "146" },
    ]);
    const [conflict] = planBills({ appRecords: [appEdited], mappings: [mapping], qboRecords: [qboEdited], prefs });
    expect(conflict).toMatchObject({ type: "conflict", winner: "ledgerbridge", decidedBy: "direction", loser: { side: "quickbooks" } });
  });

  it("reports a rule instead of a conflict when the winning write is blocked", () => {
    const { mapping, qboEdited } = linked();
    const orphaned = appBill({ counterpartyId: "ven-unsynced" });
    const [decision] = planBills({ appRecords: [orphaned], mappings: [mapping], qboRecords: [qboEdited], prefs: readyPrefs({ masterInConflict: "ledgerbridge" }) });
    expect(decision).toMatchObject({ type: "skip", reason: "VENDOR_NOT_SYNCED", localId: "bill-1", qboId: "146" });
  });

  it("skips a QBO change that breaks a rule on a linked bill", () => {
    const { app, mapping } = linked();
    const [decision] = planBills({ appRecords: [app], mappings: [mapping], qboRecords: [qboBill({ syncToken: "4", currency: "EUR" })] });
    expect(decision).toMatchObject({ type: "skip", reason: "NON_USD_CURRENCY", localId: "bill-1", qboId: "146" });
  });
});

describe("planEntitySync — deletes and voids", () => {
  it("QBO-deleted (CDC tombstone) → deleted in the app with a reason", () => {
    const { app, mapping } = linked();
    expect(planBills({ appRecords: [app], mappings: [mapping], qboRecords: [{ id: "146", deleted: true }] })).toEqual([
      { type: "delete-in-app", kind: "bill", localId: "bill-1", qboId: "146", mode: "deleted", reason: "DELETED_IN_QBO", params: { record: "bill", docNumber: "B-100", counterpartyName: "Acme Supplies" } },
    ]);
  });

  it("a tombstone wins over a live copy in the same CDC window; an unlinked tombstone is a no-op that closes its issues", () => {
    const { app, mapping } = linked();
    const decisions = planBills({ appRecords: [app], mappings: [mapping], qboRecords: [qboBill({ syncToken: "4" }), { id: "146", deleted: true }, { id: "777", deleted: true }] });
    expect(decisions).toEqual([expect.objectContaining({ type: "delete-in-app", qboId: "146" }), { type: "noop", kind: "bill", qboId: "777" }]);
  });

  it("a linked record missing from a complete (full) pull was deleted in QBO; from CDC it is just unchanged", () => {
    const { app, mapping } = linked();
    expect(planBills({ appRecords: [app], mappings: [mapping], qboRecordsComplete: true })).toEqual([expect.objectContaining({ type: "delete-in-app" })]);
    expect(planBills({ appRecords: [app], mappings: [mapping] })).toEqual([expect.objectContaining({ type: "noop" })]);
  });

  it("app-deleted → delete in QBO with the current token", () => {
    const { mapping } = linked();
    const deleted = appBill({ deleted: true });
    expect(planBills({ appRecords: [deleted], mappings: [mapping], qboRecords: [qboBill({ syncToken: "5" })] })).toEqual([
      { type: "delete-in-qbo", kind: "bill", localId: "bill-1", qboId: "146", syncToken: "5", operation: "delete" },
    ]);
  });

  it("deleted on both sides → nothing to do", () => {
    const { mapping } = linked();
    expect(planBills({ appRecords: [appBill({ deleted: true })], mappings: [mapping], qboRecords: [{ id: "146", deleted: true }] })).toEqual([
      expect.objectContaining({ type: "noop" }),
    ]);
  });

  it("app void → QBO void for invoices, delete for bills (QBO bills cannot be voided)", () => {
    const { mapping } = linked();
    const voided = appBill({ status: "voided" });
    const [bill] = planBills({ appRecords: [voided], mappings: [mapping] });
    expect(bill).toMatchObject({ type: "delete-in-qbo", operation: "delete" });
    const [invoice] = planEntitySync({ kind: "invoice", appRecords: [voided], qboRecords: [], mappings: [mapping], prefs: readyPrefs(), resolver });
    expect(invoice).toMatchObject({ type: "delete-in-qbo", kind: "invoice", operation: "void", syncToken: "3" });
  });

  it("QBO void of a linked invoice → voided in the app", () => {
    const app = appBill({ counterpartyId: "cus-1" });
    const mapping = mappingOf("bill-1", "146", { syncToken: "3", contentHash: app.contentHash });
    const voided = qboBill({ syncToken: "4", voided: true, totalCents: 0, balanceCents: 0, counterpartyQboId: "58" });
    const [decision] = planEntitySync({ kind: "invoice", appRecords: [app], qboRecords: [voided], mappings: [mapping], prefs: readyPrefs(), resolver });
    expect(decision).toMatchObject({ type: "delete-in-app", mode: "voided", reason: "VOIDED_IN_QBO" });
  });
});

describe("planEntitySync — vendor credits (app → QBO only)", () => {
  const plan = (overrides: Partial<TxnPlanInput>) =>
    planEntitySync({ kind: "vendor_credit", appRecords: [], qboRecords: [], mappings: [], prefs: readyPrefs(), resolver, ...overrides });

  it("creates and updates in QBO, never imports QBO-made credits", () => {
    const credit = appBill({ id: "vc-1", number: "VC-1" });
    expect(plan({ appRecords: [credit], qboRecords: [qboBill({ id: "300", docNumber: "VC-9" })] })).toEqual([
      { type: "create-in-qbo", kind: "vendor_credit", localId: "vc-1", app: credit },
    ]);
  });

  it("ignores QBO-side edits of a linked credit", () => {
    const credit = appBill({ id: "vc-1" });
    const mapping = mappingOf("vc-1", "300", { contentHash: credit.contentHash });
    expect(plan({ appRecords: [credit], mappings: [mapping], qboRecords: [qboBill({ id: "300", syncToken: "1" })] })).toEqual([
      { type: "noop", kind: "vendor_credit", localId: "vc-1", qboId: "300" },
    ]);
  });
});

describe("planEntitySync — vendors and customers", () => {
  const planVendors = (overrides: Partial<PartyPlanInput>) =>
    planEntitySync({ kind: "vendor", appRecords: [], qboRecords: [], mappings: [], prefs: readyPrefs(), ...overrides });

  it("links by DisplayName case-insensitively on first sync", () => {
    const app = appParty({ displayName: "  acme   SUPPLIES " });
    const qbo = qboParty();
    expect(planVendors({ appRecords: [app], qboRecords: [qbo] })).toEqual([
      { type: "link", kind: "vendor", localId: "ven-1", qboId: "56", app, qbo, adopt: "quickbooks" },
    ]);
  });

  it("imports active unmatched QBO names, not inactive ones", () => {
    const active = qboParty({ id: "60", displayName: "New Co" });
    const inactive = qboParty({ id: "61", displayName: "Old Co", active: false });
    expect(planVendors({ qboRecords: [active, inactive] })).toEqual([
      { type: "create-in-app", kind: "vendor", qboId: "60", qbo: active },
      { type: "noop", kind: "vendor", qboId: "61" },
    ]);
  });

  it("creates unmatched app names in QBO, failing DUPLICATE_NAME on clashes", () => {
    const fresh = appParty({ id: "v-a", displayName: "Fresh" });
    const clashWithCustomer = appParty({ id: "v-b", displayName: "Bob's Diner" });
    const twin1 = appParty({ id: "v-c", displayName: "Twin" });
    const twin2 = appParty({ id: "v-d", displayName: "TWIN" });
    const decisions = planVendors({ appRecords: [fresh, clashWithCustomer, twin1, twin2], namesTakenInQbo: ["bob's diner"] });
    expect(decisions).toEqual([
      { type: "create-in-qbo", kind: "vendor", localId: "v-a", app: fresh },
      expect.objectContaining({ type: "skip", localId: "v-b", reason: "DUPLICATE_NAME", severity: "failure", params: { record: "vendor", displayName: "Bob's Diner" } }),
      { type: "create-in-qbo", kind: "vendor", localId: "v-c", app: twin1 },
      expect.objectContaining({ type: "skip", localId: "v-d", reason: "DUPLICATE_NAME" }),
    ]);
  });

  it("fails an app vendor named like a QBO vendor already linked to another app vendor", () => {
    const linkedApp = appParty({ id: "ven-1" });
    const copy = appParty({ id: "ven-2", displayName: "ACME SUPPLIES" });
    const decisions = planVendors({ appRecords: [linkedApp, copy], qboRecords: [qboParty()], mappings: [mappingOf("ven-1", "56", { contentHash: linkedApp.contentHash })] });
    expect(decisions).toEqual([expect.objectContaining({ type: "noop" }), expect.objectContaining({ type: "skip", localId: "ven-2", reason: "DUPLICATE_NAME" })]);
  });

  it("syncs name changes both ways even when transactions sync app → QBO only", () => {
    const app = appParty();
    const mapping = mappingOf("ven-1", "56", { contentHash: app.contentHash });
    const renamedInQbo = qboParty({ syncToken: "1", displayName: "Acme Supplies Inc" });
    expect(planVendors({ appRecords: [app], qboRecords: [renamedInQbo], mappings: [mapping], prefs: readyPrefs({ direction: "app_to_qbo" }) })).toEqual([
      { type: "update-in-app", kind: "vendor", localId: "ven-1", qboId: "56", qbo: renamedInQbo, applyPaymentState: false },
    ]);
  });

  it("resolves conflicts by Master in Case of Conflict, both settings", () => {
    const original = appParty();
    const mapping = mappingOf("ven-1", "56", { contentHash: original.contentHash });
    const app = appParty({ email: "ap@acme.test" });
    const qbo = qboParty({ syncToken: "2", email: "billing@acme.test" });
    const [qbWins] = planVendors({ appRecords: [app], qboRecords: [qbo], mappings: [mapping] });
    expect(qbWins).toMatchObject({ type: "conflict", winner: "quickbooks", resolution: { type: "update-in-app" }, loser: { side: "app", app } });
    const [appWins] = planVendors({ appRecords: [app], qboRecords: [qbo], mappings: [mapping], prefs: readyPrefs({ masterInConflict: "ledgerbridge" }) });
    expect(appWins).toMatchObject({ type: "conflict", winner: "ledgerbridge", resolution: { type: "update-in-qbo", syncToken: "2" }, loser: { side: "quickbooks", qbo } });
  });

  it("app rename onto a name QBO already uses fails DUPLICATE_NAME", () => {
    const original = appParty();
    const mapping = mappingOf("ven-1", "56", { contentHash: original.contentHash });
    const renamed = appParty({ displayName: "Bob's Diner" });
    const [decision] = planVendors({ appRecords: [renamed], qboRecords: [qboParty()], mappings: [mapping], namesTakenInQbo: ["Bob's Diner"] });
    expect(decision).toMatchObject({ type: "skip", reason: "DUPLICATE_NAME", localId: "ven-1", qboId: "56" });
  });

  it("app-deleted name → deactivated in QBO (names cannot be deleted); QBO merge → deleted in app", () => {
    const app = appParty();
    const mapping = mappingOf("ven-1", "56", { contentHash: app.contentHash, syncToken: "1" });
    expect(planVendors({ appRecords: [appParty({ deleted: true })], mappings: [mapping] })).toEqual([
      { type: "delete-in-qbo", kind: "vendor", localId: "ven-1", qboId: "56", syncToken: "1", operation: "deactivate" },
    ]);
    expect(planVendors({ appRecords: [appParty({ deleted: true })], mappings: [mapping], qboRecords: [qboParty({ active: false, syncToken: "2" })] })).toEqual([
      expect.objectContaining({ type: "noop" }),
    ]);
    expect(planVendors({ appRecords: [app], mappings: [mapping], qboRecords: [{ id: "56", deleted: true }] })).toEqual([
      expect.objectContaining({ type: "delete-in-app", reason: "DELETED_IN_QBO", params: { record: "vendor", displayName: "Acme Supplies" } }),
    ]);
  });
});

describe("name helpers", () => {
  it("matchByDisplayName matches each record once", () => {
    expect(
      matchByDisplayName(
        [{ id: "a", displayName: "Acme" }, { id: "b", displayName: "ACME" }, { id: "c", displayName: "Other" }],
        [{ id: "1", displayName: "acme" }],
      ),
    ).toEqual([{ localId: "a", qboId: "1" }]);
  });

  it("findDisplayNameClashes finds a vendor and a customer with the same name", () => {
    expect(
      findDisplayNameClashes(
        [{ id: "v1", displayName: "Bob's Diner" }, { id: "v2", displayName: "Acme" }],
        [{ id: "c1", displayName: "bob's diner " }, { id: "c2", displayName: "Zed" }],
      ),
    ).toEqual([{ name: "Bob's Diner", vendorIds: ["v1"], customerIds: ["c1"] }]);
  });
});

describe("countDecisions", () => {
  it("counts created, updated, deleted, skipped, failed, conflicts", () => {
    const { appEdited, mapping, qboEdited } = linked();
    const decisions = [
      ...planBills({ appRecords: [appEdited], mappings: [mapping], qboRecords: [qboEdited] }),
      ...planBills({ qboRecords: [qboBill({ id: "2", balanceCents: 0 }), qboBill({ id: "3", docNumber: "N" }), qboBill({ id: "4", counterpartyQboId: "x" })] }),
    ];
    expect(countDecisions(decisions)).toEqual({ created: 1, updated: 1, deleted: 0, skipped: 1, failed: 1, conflicts: 1, unchanged: 0 });
  });
});
