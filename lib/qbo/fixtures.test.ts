/**
 * Contract fixtures (lib/qbo/fixtures, see its README): real-shape QBO bodies through the client's
 * schemas and fault parsing, then the sync core's parse → map → plan, asserted to the cent; and the
 * built-in sandbox's answers for the same records must have the same shape and parse the same way.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "@/lib/qbo-sandbox";
import { QboClient } from "@/lib/qbo/client";
import { builtInSandboxEndpoints } from "@/lib/qbo/config";
import { parseQboFault, QboError } from "@/lib/qbo/errors";
import { unlimitedRateBudget } from "@/lib/qbo/limiter";
import { requestIdFor } from "@/lib/qbo/requestid";
import { billPaymentSchema, billSchema, invoiceSchema, paymentSchema } from "@/lib/qbo/schemas";
import { fixedTokenProvider, scriptedFetch } from "@/lib/qbo/test-support";
import { appLinesTotalCents, qboTxnToAppFields } from "@/lib/sync/core/mappers";
import { planInboundPayments } from "@/lib/sync/core/payments-plan";
import { planEntitySync } from "@/lib/sync/core/plan";
import { parseQboParty, parseQboPayment, parseQboTxn } from "@/lib/sync/core/qbo-parse";
import { readyPrefs, STANDARD_REFS, tableResolver } from "@/lib/sync/core/test-fixtures";
import type { QboTxnSnapshot } from "@/lib/sync/core/types";
import { sandboxClientFactory } from "@/lib/sync/engine/sandbox-client-factory";

type Json = Record<string, unknown>;

function text(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
}
function body(name: string): Json {
  return JSON.parse(text(name)) as Json;
}
function entityOf(name: string, entity: string): Json {
  return body(name)[entity] as Json;
}

/** The fixtures' QBO ids, known to the app (vendor 56 = ven-1, item 5 = item-1, account 7 = acc-office, …). */
const resolver = tableResolver({
  ...STANDARD_REFS,
  vendor: { "ven-1": "56", "ven-2": "57" },
  customer: { "cus-1": "58" },
  item: { "item-1": "5", "item-services": "1" },
  bill: { "bill-146": "146", "bill-160": "160", "bill-161": "161" },
  invoice: { "inv-150": "150" },
});
const prefs = readyPrefs();

function txn(name: string, entity: string, kind: "bill" | "invoice"): QboTxnSnapshot {
  const parsed = parseQboTxn(entityOf(name, entity), kind);
  if ("deleted" in parsed) throw new Error(`${name} parsed as a tombstone`);
  return parsed;
}

describe("fixtures through the client's schemas", () => {
  function clientAnswering(status: number, bodyText: string, contentType = "application/json") {
    const fake = scriptedFetch(() => new Response(bodyText, { status, headers: { "Content-Type": contentType, intuit_tid: "tid-fixture" } }));
    return new QboClient({
      endpoints: builtInSandboxEndpoints("http://qbo.test"),
      realmId: "9130",
      tokenProvider: fixedTokenProvider().provider,
      limiter: unlimitedRateBudget,
      fetch: fake.fetch,
      sleep: async () => undefined,
    });
  }

  it.each([
    ["bill-item-and-account-lines.json", "Bill", "146"],
    ["invoice-discount-subtotal.json", "Invoice", "150"],
    ["invoice-voided.json", "Invoice", "155"],
    ["bill-payment-check.json", "BillPayment", "172"],
    ["bill-payment-credit-card.json", "BillPayment", "181"],
    ["payment-unapplied.json", "Payment", "190"],
  ] as const)("%s reads as a %s, every field kept", async (name, entity, id) => {
    const read = await clientAnswering(200, text(name)).read(entity, id);
    // Loose schemas: what the app does not model (LineEx, TaxCodeRef, BillAddr, …) survives for full updates.
    expect(read).toEqual(entityOf(name, entity));
  });

  it("the schemas hold the amounts the app relies on", () => {
    const bill = billSchema.parse(entityOf("bill-item-and-account-lines.json", "Bill"));
    expect(bill.LinkedTxn).toEqual([{ TxnId: "172", TxnType: "BillPaymentCheck" }]);
    expect(bill.Line.map((l) => l.Amount)).toEqual([149.97, 52.4]);
    const invoice = invoiceSchema.parse(entityOf("invoice-discount-subtotal.json", "Invoice"));
    expect(invoice.Line.map((l) => l.DetailType)).toEqual(["SalesItemLineDetail", "SalesItemLineDetail", "SubTotalLineDetail", "DiscountLineDetail"]);
    const card = billPaymentSchema.parse(entityOf("bill-payment-credit-card.json", "BillPayment"));
    expect(card.PayType).toBe("CreditCard");
    expect(card.CreditCardPayment?.CCAccountRef?.value).toBe("41");
    const payment = paymentSchema.parse(entityOf("payment-unapplied.json", "Payment"));
    expect([payment.TotalAmt, payment.UnappliedAmt]).toEqual([500, 125.5]);
  });

  it("a CDC answer splits changes from tombstones (status Deleted) per entity", async () => {
    const result = await clientAnswering(200, text("cdc-with-tombstones.json")).cdc(["Bill", "Invoice", "Vendor"], new Date("2026-11-02T00:00:00Z"));
    expect(result.changed.Bill?.map((b) => [b.Id, b.TotalAmt])).toEqual([["162", 310.1]]);
    expect(result.changed.Vendor?.map((v) => v.DisplayName)).toEqual(["Northwind Freight"]);
    expect(result.changed.Invoice).toBeUndefined();
    expect(result.deleted).toEqual({
      Bill: [{ domain: "QBO", status: "Deleted", Id: "147", MetaData: { LastUpdatedTime: "2026-11-03T08:30:00-08:00" } }],
      Invoice: [{ domain: "QBO", status: "Deleted", Id: "151", MetaData: { LastUpdatedTime: "2026-11-03T09:01:17-08:00" } }],
    });
    expect(result.limitReached).toBe(false);
  });

  it("reads the upper-case Fault.Error[] envelope", () => {
    const error = parseQboFault(400, { intuit_tid: "tid-1" }, text("fault-upper-case.json"));
    expect(error).toMatchObject({ code: "6140", kind: "duplicate", httpStatus: 400, faultType: "ValidationFault", intuitTid: "tid-1", message: "Duplicate Document Number Error" });
    expect(error?.detail).toMatch(/^Duplicate Document Number Error : You must specify a different number\./);
  });

  it("reads the lower-case fault.error[] envelope with element null", () => {
    const error = parseQboFault(403, undefined, text("fault-lower-case.json"));
    expect(error).toMatchObject({ code: "3100", kind: "auth", httpStatus: 403, faultType: "SERVICE", detail: "" });
    expect(error?.element).toBeUndefined();
  });

  it("reads an XML fault", () => {
    const error = parseQboFault(400, undefined, text("fault.xml"));
    expect(error).toMatchObject({ code: "5010", kind: "stale", faultType: "ValidationFault", message: "Stale Object Error" });
    expect(error?.detail).toContain("so your work was not saved");
  });

  it("reads the 401 body full of null keys as an authentication failure", async () => {
    const error = parseQboFault(401, undefined, text("unauthorized-401.json"));
    expect(error).toMatchObject({ code: "3200", kind: "auth", httpStatus: 401, faultType: "AUTHENTICATION" });
    expect(error?.detail).toMatch(/^Token expired/);
    // Through the client: refresh once, retry, then give up with the same auth error (never a crash on the nulls).
    const failure = await clientAnswering(401, text("unauthorized-401.json")).read("Bill", "146").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(QboError);
    expect(failure).toMatchObject({ code: "3200", kind: "auth" });
  });
});

describe("fixtures through the core's parse → map → plan, to the cent", () => {
  it("bill with an item line and an account line, partly paid (LinkedTxn BillPaymentCheck)", () => {
    const bill = txn("bill-item-and-account-lines.json", "Bill", "bill");
    expect(bill).toMatchObject({ id: "146", syncToken: "2", docNumber: "INV-88213", totalCents: 20_237, balanceCents: 10_237, voided: false, counterpartyQboId: "56" });
    expect(bill.lastUpdatedTime).toBe("2026-11-02T14:03:10-08:00");
    expect(bill.lines).toEqual([
      { detailType: "ItemBasedExpenseLineDetail", amountCents: 14_997, description: "Toner cartridge, black", itemQboId: "5", qty: 3, unitPrice: 49.99 },
      { detailType: "AccountBasedExpenseLineDetail", amountCents: 5_240, description: "Copy paper, 10 reams", accountQboId: "7" },
    ]);

    const mapped = qboTxnToAppFields(bill, "bill", { prefs, resolver });
    if (!mapped.ok) throw new Error(mapped.reason);
    expect(mapped.value).toMatchObject({ number: "INV-88213", counterpartyId: "ven-1", txnDate: "2026-10-05", dueDate: "2026-11-04", totalCents: 20_237 });
    expect(mapped.value.lines).toEqual([
      { amountCents: 14_997, description: "Toner cartridge, black", itemId: "item-1", qty: 3, unitPrice: 49.99 },
      { amountCents: 5_240, description: "Copy paper, 10 reams", accountId: "acc-office" },
    ]);
    expect(appLinesTotalCents(mapped.value.lines)).toBe(20_237);

    expect(planEntitySync({ kind: "bill", appRecords: [], qboRecords: [bill], mappings: [], prefs, resolver })).toEqual([
      expect.objectContaining({ type: "skip", reason: "PARTIALLY_PAID_IN_QBO", qboId: "146" }),
    ]);
    // Unpaid, the same bill comes in whole.
    const open = { ...bill, balanceCents: bill.totalCents };
    expect(planEntitySync({ kind: "bill", appRecords: [], qboRecords: [open], mappings: [], prefs, resolver })).toEqual([
      { type: "create-in-app", kind: "bill", qboId: "146", qbo: open },
    ]);
  });

  it("invoice with a SubTotal line and a 10% discount: lines add up to TotalAmt", () => {
    const invoice = txn("invoice-discount-subtotal.json", "Invoice", "invoice");
    expect(invoice).toMatchObject({ id: "150", docNumber: "1037", totalCents: 13_522, balanceCents: 13_522, counterpartyQboId: "58", customerMemo: "Thank you for your business." });
    // The SubTotal line is QBO's running sum, not an amount of its own: it is not a line in the app.
    expect(invoice.lines.map((l) => [l.detailType, l.amountCents])).toEqual([
      ["SalesItemLineDetail", 9_000],
      ["SalesItemLineDetail", 6_025],
      ["DiscountLineDetail", 1_503],
    ]);
    const mapped = qboTxnToAppFields(invoice, "invoice", { prefs, resolver });
    if (!mapped.ok) throw new Error(mapped.reason);
    expect(mapped.value.lines).toEqual([
      { amountCents: 9_000, description: "Garden design consultation", itemId: "item-services", qty: 2, unitPrice: 45, taxCode: "NON" },
      { amountCents: 6_025, description: "Soil test kit", itemId: "item-1", qty: 1, unitPrice: 60.25, taxCode: "NON" },
      { amountCents: 1_503, discount: true },
    ]);
    expect(appLinesTotalCents(mapped.value.lines)).toBe(13_522);
    expect(planEntitySync({ kind: "invoice", appRecords: [], qboRecords: [invoice], mappings: [], prefs, resolver })).toEqual([
      { type: "create-in-app", kind: "invoice", qboId: "150", qbo: invoice },
    ]);
  });

  it("voided invoice: recognised as voided (0/0 and a note starting Voided), skipped, its zeroed lines kept", () => {
    const voided = txn("invoice-voided.json", "Invoice", "invoice");
    expect(voided).toMatchObject({ id: "155", voided: true, totalCents: 0, balanceCents: 0 });
    expect(voided.lines).toEqual([{ detailType: "SalesItemLineDetail", amountCents: 0, description: "Hedge trimming", itemQboId: "1", qty: 0, unitPrice: 125, taxCodeQboId: "NON" }]);
    expect(planEntitySync({ kind: "invoice", appRecords: [], qboRecords: [voided], mappings: [], prefs, resolver })).toEqual([
      expect.objectContaining({ type: "skip", reason: "VOIDED_IN_QBO", qboId: "155" }),
    ]);
  });

  it("BillPayment by check and by credit card: one link per bill line, cents exact", () => {
    const check = parseQboPayment(entityOf("bill-payment-check.json", "BillPayment"), "bill_payment");
    expect(check).toEqual({ id: "172", kind: "bill_payment", syncToken: "0", voided: false, totalCents: 10_000, links: [{ txnId: "146", txnType: "Bill", amountCents: 10_000 }], counterpartyQboId: "56", txnDate: "2026-10-20" });
    const card = parseQboPayment(entityOf("bill-payment-credit-card.json", "BillPayment"), "bill_payment");
    expect(card).toMatchObject({ id: "181", totalCents: 32_550, links: [{ txnId: "160", txnType: "Bill", amountCents: 25_000 }, { txnId: "161", txnType: "Bill", amountCents: 7_550 }] });

    const inbound = planInboundPayments({ qboPayments: [check, card], paymentMappings: [], voidedAppPaymentIds: new Set(), prefs: readyPrefs({ twoWayPaymentSync: true }), resolver });
    expect(inbound).toEqual([
      { type: "record-payment-in-app", kind: "bill_payment", qboId: "172", syncToken: "0", totalCents: 10_000, txnDate: "2026-10-20", allocations: [{ localTxnId: "bill-146", amountCents: 10_000 }], credits: [] },
      {
        type: "record-payment-in-app",
        kind: "bill_payment",
        qboId: "181",
        syncToken: "0",
        totalCents: 32_550,
        txnDate: "2026-11-12",
        allocations: [{ localTxnId: "bill-160", amountCents: 25_000 }, { localTxnId: "bill-161", amountCents: 7_550 }],
        credits: [],
      },
    ]);
  });

  it("Payment with an unapplied amount: only the applied part is allocated to the invoice", () => {
    const payment = parseQboPayment(entityOf("payment-unapplied.json", "Payment"), "payment");
    expect(payment).toMatchObject({ id: "190", kind: "payment", totalCents: 50_000, links: [{ txnId: "150", txnType: "Invoice", amountCents: 37_450 }], counterpartyQboId: "58" });
    const [decision] = planInboundPayments({ qboPayments: [payment], paymentMappings: [], voidedAppPaymentIds: new Set(), prefs: readyPrefs({ twoWayPaymentSync: true }), resolver });
    expect(decision).toMatchObject({ type: "record-payment-in-app", totalCents: 50_000, allocations: [{ localTxnId: "inv-150", amountCents: 37_450 }] });
  });

  it("CDC: changed records parse, tombstones become deletions the planner applies", () => {
    const [group] = (body("cdc-with-tombstones.json")["CDCResponse"] as Array<{ QueryResponse: Json[] }>);
    const rows = (entity: string) => (group!.QueryResponse.find((g) => entity in g)?.[entity] as Json[]) ?? [];
    const bills = rows("Bill").map((row) => parseQboTxn(row, "bill"));
    expect(bills).toEqual([
      expect.objectContaining({ id: "162", totalCents: 31_010, balanceCents: 31_010, lines: [{ detailType: "AccountBasedExpenseLineDetail", amountCents: 31_010, accountQboId: "7" }] }),
      { id: "147", deleted: true, lastUpdatedTime: "2026-11-03T08:30:00-08:00" },
    ]);
    expect(rows("Invoice").map((row) => parseQboTxn(row, "invoice"))).toEqual([{ id: "151", deleted: true, lastUpdatedTime: "2026-11-03T09:01:17-08:00" }]);
    expect(rows("Vendor").map(parseQboParty)).toEqual([
      { id: "57", syncToken: "4", lastUpdatedTime: "2026-11-03T07:40:00-08:00", displayName: "Northwind Freight", active: true, currency: "USD", email: "billing@northwind.example.com" },
    ]);
    // A tombstone of a linked, unchanged bill deletes it in the app.
    const mapping = { localId: "bill-147", qboId: "147", syncToken: "0", lastUpdatedTime: "2026-11-01T00:00:00-07:00", contentHash: "h" };
    const appBill = { id: "bill-147", number: "B-147", counterpartyId: "ven-1", totalCents: 100, status: "open" as const, updatedAt: "2026-11-01T00:00:00Z", currency: "USD", contentHash: "h", txnDate: "2026-11-01", lines: [{ amountCents: 100, accountId: "acc-office" }] };
    const decisions = planEntitySync({ kind: "bill", appRecords: [appBill], qboRecords: bills, mappings: [mapping], prefs, resolver });
    expect(decisions).toContainEqual(expect.objectContaining({ type: "delete-in-app", localId: "bill-147", qboId: "147", mode: "deleted" }));
    expect(decisions).toContainEqual(expect.objectContaining({ type: "create-in-app", qboId: "162" }));
  });
});

describe("fixtures owned by the sales-tax and bundles change (issue 13 B1/B2)", () => {
  it("invoice with TxnTaxDetail (TotalTax, TaxLine[]) and TaxCodeRef per line: tax comes in, lines + tax = TotalAmt", () => {
    const invoice = txn("invoice-sales-tax.json", "Invoice", "invoice");
    expect(invoice).toMatchObject({ id: "151", totalCents: 18_325, taxCents: 825, txnTaxCodeQboId: "2" });
    expect(invoice.lines.map((l) => [l.amountCents, l.taxCodeQboId])).toEqual([
      [10_000, "TAX"],
      [7_500, "NON"],
    ]);
    const mapped = qboTxnToAppFields(invoice, "invoice", { prefs, resolver });
    if (!mapped.ok) throw new Error(mapped.reason);
    expect(mapped.value).toMatchObject({ totalCents: 18_325, taxCents: 825, txnTaxCode: "2" });
    expect(mapped.value.lines.map((l) => l.taxCode)).toEqual(["TAX", "NON"]);
    expect(appLinesTotalCents(mapped.value.lines) + 825).toBe(18_325);
    expect(planEntitySync({ kind: "invoice", appRecords: [], qboRecords: [invoice], mappings: [], prefs, resolver })).toEqual([
      { type: "create-in-app", kind: "invoice", qboId: "151", qbo: invoice },
    ]);
  });
  it("invoice with a bundle (GroupLineDetail with its component lines): lines add up to TotalAmt", () => {
    const bundleJson = entityOf("invoice-bundle.json", "Invoice");
    expect(invoiceSchema.parse(bundleJson).Line.map((l) => l.DetailType)).toEqual(["SalesItemLineDetail", "GroupLineDetail", "SubTotalLineDetail"]);
    const invoice = txn("invoice-bundle.json", "Invoice", "invoice");
    expect(invoice).toMatchObject({ id: "152", docNumber: "1046", totalCents: 24_075 });
    expect(invoice.unsupportedLines).toBeUndefined();
    // The bundle's components are the lines; the group line and the SubTotal are not counted again.
    const bundle = { key: "2", name: "Raised bed kit", qty: 3 };
    const mapped = qboTxnToAppFields(invoice, "invoice", { prefs, resolver });
    if (!mapped.ok) throw new Error(mapped.reason);
    expect(mapped.value.lines).toEqual([
      { amountCents: 9_000, description: "Garden design consultation", itemId: "item-services", qty: 2, unitPrice: 45, taxCode: "NON" },
      { amountCents: 6_075, description: "Soil test kit", itemId: "item-1", qty: 3, unitPrice: 20.25, bundle, taxCode: "NON" },
      { amountCents: 9_000, description: "Planting (hours)", itemId: "item-services", qty: 3, unitPrice: 30, bundle, taxCode: "NON" },
    ]);
    expect(appLinesTotalCents(mapped.value.lines)).toBe(24_075);
    expect(planEntitySync({ kind: "invoice", appRecords: [], qboRecords: [invoice], mappings: [], prefs, resolver })).toEqual([
      { type: "create-in-app", kind: "invoice", qboId: "152", qbo: invoice },
    ]);
  });
});

/* ─────────────── the sandbox answers the same records with the same shape ─────────────── */

/** The paths the app reads (client schemas and lib/sync/core/qbo-parse.ts); arrays as `[]`. */
const APP_READS = new Set([
  "Id", "SyncToken", "MetaData.CreateTime", "MetaData.LastUpdatedTime", "DocNumber", "TxnDate", "DueDate", "PrivateNote", "TxnSource",
  "CurrencyRef.value", "TotalAmt", "Balance", "UnappliedAmt", "VendorRef.value", "CustomerRef.value", "CustomerMemo.value",
  "PayType", "CheckPayment.BankAccountRef.value", "CreditCardPayment.CCAccountRef.value", "DepositToAccountRef.value", "PaymentRefNum",
  "LinkedTxn[].TxnId", "LinkedTxn[].TxnType",
  "Line[].Amount", "Line[].DetailType", "Line[].Description", "Line[].LinkedTxn[].TxnId", "Line[].LinkedTxn[].TxnType",
  "Line[].AccountBasedExpenseLineDetail.AccountRef.value",
  "Line[].ItemBasedExpenseLineDetail.ItemRef.value", "Line[].ItemBasedExpenseLineDetail.Qty", "Line[].ItemBasedExpenseLineDetail.UnitPrice",
  "Line[].SalesItemLineDetail.ItemRef.value", "Line[].SalesItemLineDetail.Qty", "Line[].SalesItemLineDetail.UnitPrice",
]);

/** path → JSON types seen there, for the paths the app reads. */
function shapeOf(value: unknown, path = "", out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  if (Array.isArray(value)) {
    for (const item of value) shapeOf(item, `${path}[]`, out);
    return out;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) shapeOf(child, path ? `${path}.${key}` : key, out);
    return out;
  }
  if (APP_READS.has(path)) (out.get(path) ?? out.set(path, new Set()).get(path)!).add(value === null ? "null" : typeof value);
  return out;
}
function shape(value: unknown): Record<string, string> {
  return Object.fromEntries([...shapeOf(value).entries()].sort(([a], [b]) => a.localeCompare(b)).map(([path, types]) => [path, [...types].sort().join("|")]));
}

const READ_ONLY = new Set(["Id", "SyncToken", "MetaData", "domain", "sparse", "Balance", "LinkedTxn", "HomeBalance", "UnappliedAmt"]);

/** A fixture record as a create body for the sandbox: read-only fields out, refs to the sandbox's ids. */
function createBody(record: Json, refs: Record<string, string>, drop: readonly string[] = []): Json {
  const remap = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => remap(v));
    if (value === null || typeof value !== "object") return value;
    const obj = value as Json;
    if (key && (key.endsWith("Ref") || key === "LinkedTxn") && typeof obj["value"] === "string") {
      const mapped = refs[`${key}:${obj["value"]}`];
      return mapped === undefined ? { value: obj["value"] } : { value: mapped };
    }
    if (typeof obj["TxnId"] === "string") return { ...obj, TxnId: refs[`TxnId:${obj["TxnId"]}`] ?? obj["TxnId"] };
    const out: Json = {};
    for (const [k, v] of Object.entries(obj)) if (k !== "Id" && k !== "LineNum" && k !== "TaxCodeRef" && k !== "LineEx") out[k] = remap(v, k);
    return out;
  };
  const bodyOut: Json = {};
  for (const [k, v] of Object.entries(record)) if (!READ_ONLY.has(k) && !drop.includes(k)) bodyOut[k] = remap(v, k);
  return bodyOut;
}

/** What the core makes of a record, without the ids and times that differ between two companies. */
function coreView(snapshot: QboTxnSnapshot) {
  return {
    totalCents: snapshot.totalCents,
    balanceCents: snapshot.balanceCents,
    voided: snapshot.voided,
    docNumber: snapshot.docNumber,
    privateNote: snapshot.privateNote,
    lines: snapshot.lines.map((l) => ({ detailType: l.detailType, amountCents: l.amountCents, qty: l.qty, unitPrice: l.unitPrice, description: l.description })),
  };
}

describe("the sandbox answers the fixtures' records with the same shape", () => {
  let server: SandboxServer;
  let client: QboClient;
  const refs: Record<string, string> = {};
  let writes = 0;
  const options = () => ({ requestId: requestIdFor(`fixture-${++writes}`) });

  beforeAll(async () => {
    server = await startSandboxServer({ port: 0, throttling: false });
    const factory = sandboxClientFactory(server);
    const { realmId } = server.sandbox.createCompany({ name: "Fixture Co" });
    factory.connect("fixture-org", realmId);
    client = (await factory.factory("fixture-org"))!.client;

    const accounts = await client.query("Account");
    const account = (name: string) => String(accounts.find((a) => a.Name === name)!.Id);
    const items = await client.query("Item");
    const item = (name: string) => String(items.find((i) => i.Name === name)!.Id);
    const terms = await client.query("Term");
    const vendor56 = await client.create("Vendor", { DisplayName: "Harbor Office Supply" }, options());
    const vendor57 = await client.create("Vendor", { DisplayName: "Northwind Freight" }, options());
    const customer = await client.create("Customer", { DisplayName: "Willow Creek Landscaping" }, options());
    Object.assign(refs, {
      "VendorRef:56": vendor56.Id,
      "VendorRef:57": vendor57.Id,
      "CustomerRef:58": customer.Id,
      "ItemRef:5": item("Materials"),
      "ItemRef:1": item("Services"),
      "AccountRef:7": account("Office Supplies & Software"),
      "APAccountRef:33": account("Accounts Payable (A/P)"),
      "BankAccountRef:35": account("Business Checking"),
      "CCAccountRef:41": account("Company Credit Card"),
      "DepositToAccountRef:4": account("Undeposited Funds"),
      "DiscountAccountRef:86": account("Uncategorized Income"),
      "SalesTermRef:3": String(terms.find((t) => t.Name === "Net 30")!.Id),
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  /** A one-line bill of `amount` for vendor 57 (the credit-card payment's bills). */
  async function plainBill(docNumber: string, amount: number): Promise<string> {
    const template = (body("cdc-with-tombstones.json")["CDCResponse"] as Array<{ QueryResponse: Array<{ Bill?: Json[] }> }>)[0]!.QueryResponse[0]!.Bill![0]!;
    const line = (template["Line"] as Json[])[0]!;
    const created = await client.create("Bill", createBody({ ...template, DocNumber: docNumber, TotalAmt: amount, Line: [{ ...line, Amount: amount }] }, refs, ["TotalAmt"]), options());
    return created.Id;
  }

  it("bill (item + account lines) paid in part by a check: same shape, same cents, LinkedTxn BillPaymentCheck", async () => {
    const fixture = entityOf("bill-item-and-account-lines.json", "Bill");
    const created = await client.create("Bill", createBody(fixture, refs, ["TotalAmt"]), options());
    refs["TxnId:146"] = created.Id;
    const payment = entityOf("bill-payment-check.json", "BillPayment");
    const paid = await client.create("BillPayment", createBody(payment, refs), options());
    const bill = await client.read("Bill", created.Id);

    expect(shape(bill)).toEqual(shape(fixture));
    expect(bill.LinkedTxn).toEqual([{ TxnId: paid.Id, TxnType: "BillPaymentCheck" }]);
    expect(coreView(parseQboTxn(bill, "bill") as QboTxnSnapshot)).toEqual(coreView(txn("bill-item-and-account-lines.json", "Bill", "bill")));

    const readPayment = await client.read("BillPayment", paid.Id);
    expect(shape(readPayment)).toEqual(shape(payment));
    const parsed = parseQboPayment(readPayment, "bill_payment");
    expect([parsed.totalCents, parsed.links.map((l) => [l.txnType, l.amountCents])]).toEqual([10_000, [["Bill", 10_000]]]);
  });

  it("bill payment by credit card over two bills", async () => {
    refs["TxnId:160"] = await plainBill("NW-160", 250);
    refs["TxnId:161"] = await plainBill("NW-161", 75.5);
    const fixture = entityOf("bill-payment-credit-card.json", "BillPayment");
    const created = await client.create("BillPayment", createBody(fixture, refs), options());
    const read = await client.read("BillPayment", created.Id);
    expect(shape(read)).toEqual(shape(fixture));
    const parsed = parseQboPayment(read, "bill_payment");
    expect([parsed.totalCents, parsed.links.map((l) => l.amountCents)]).toEqual([32_550, [25_000, 7_550]]);
    const bill = await client.read("Bill", refs["TxnId:160"]!);
    expect(bill.LinkedTxn).toEqual([{ TxnId: created.Id, TxnType: "BillPaymentCreditCard" }]);
  });

  it("invoice with a SubTotal line and a percent discount", async () => {
    const fixture = entityOf("invoice-discount-subtotal.json", "Invoice");
    const created = await client.create("Invoice", createBody(fixture, refs, ["TotalAmt", "TxnTaxDetail"]), options());
    refs["TxnId:150"] = created.Id;
    const read = await client.read("Invoice", created.Id);
    expect(shape(read)).toEqual(shape(fixture));
    // Same kinds of lines; where QBO puts the SubTotal line relative to the discount is not pinned here
    // (no source found, and the app ignores SubTotal lines), so compare them as a set.
    const kinds = (record: Json) => ((record["Line"] as Json[]) ?? []).map((l) => String(l["DetailType"])).sort();
    expect(kinds(read)).toEqual(kinds(fixture));
    expect(coreView(parseQboTxn(read, "invoice") as QboTxnSnapshot)).toEqual(coreView(txn("invoice-discount-subtotal.json", "Invoice", "invoice")));
  });

  it("invoice with a bundle: the components come back and parse to the same lines and cents", async () => {
    const kit = await client.create(
      "Item",
      { Name: "Raised bed kit", Type: "Group", ItemGroupDetail: { ItemGroupLine: [{ ItemRef: { value: refs["ItemRef:5"]! }, Qty: 1 }, { ItemRef: { value: refs["ItemRef:1"]! }, Qty: 1 }] } },
      options(),
    );
    const fixture = entityOf("invoice-bundle.json", "Invoice");
    const created = await client.create("Invoice", createBody(fixture, { ...refs, "GroupItemRef:19": kit.Id }, ["TotalAmt", "TxnTaxDetail"]), options());
    const read = await client.read("Invoice", created.Id);
    expect(shape(read)).toEqual(shape(fixture));
    const fromSandbox = parseQboTxn(read, "invoice") as QboTxnSnapshot;
    const fromFixture = txn("invoice-bundle.json", "Invoice", "invoice");
    expect(coreView(fromSandbox)).toEqual(coreView(fromFixture));
    expect(fromSandbox.lines.map((l) => l.bundle && { name: l.bundle.name, qty: l.bundle.qty })).toEqual(fromFixture.lines.map((l) => l.bundle && { name: l.bundle.name, qty: l.bundle.qty }));
  });

  it("payment with an unapplied amount", async () => {
    // The fixture applies 374.50 to its invoice: the sandbox invoice it pays must be at least that.
    const template = entityOf("invoice-discount-subtotal.json", "Invoice");
    const line = (template["Line"] as Json[])[1]!;
    const invoice = await client.create(
      "Invoice",
      createBody({ ...template, DocNumber: "1038", Line: [{ ...line, Amount: 374.5, SalesItemLineDetail: { ItemRef: { value: "5" }, Qty: 1, UnitPrice: 374.5 } }] }, refs, ["TotalAmt", "TxnTaxDetail"]),
      options(),
    );
    refs["TxnId:150"] = invoice.Id;
    const fixture = entityOf("payment-unapplied.json", "Payment");
    const created = await client.create("Payment", createBody({ ...fixture }, refs), options());
    const read = await client.read("Payment", created.Id);
    expect(shape(read)).toEqual(shape(fixture));
    expect([read.TotalAmt, read.UnappliedAmt]).toEqual([500, 125.5]);
    const parsed = parseQboPayment(read, "payment");
    expect(parsed.links.map((l) => [l.txnType, l.amountCents])).toEqual([["Invoice", 37_450]]);
  });

  it("voided invoice: zeroed lines kept, note starting Voided", async () => {
    const fixture = entityOf("invoice-voided.json", "Invoice");
    const source = { ...fixture, Line: [{ ...(fixture["Line"] as Json[])[0]!, Amount: 125, SalesItemLineDetail: { ItemRef: { value: "1" }, Qty: 1, UnitPrice: 125 } }], PrivateNote: "Ordered twice" };
    const created = await client.create("Invoice", createBody(source, refs, ["TotalAmt", "TxnTaxDetail"]), options());
    await client.void("Invoice", { Id: created.Id, SyncToken: created.SyncToken }, options());
    const read = await client.read("Invoice", created.Id);
    expect(shape(read)).toEqual(shape(fixture));
    const parsed = parseQboTxn(read, "invoice") as QboTxnSnapshot;
    expect(parsed).toMatchObject({ voided: true, totalCents: 0, balanceCents: 0 });
    expect(parsed.privateNote).toMatch(/^Voided/);
    expect(parsed.lines.map((l) => [l.detailType, l.amountCents])).toEqual([["SalesItemLineDetail", 0]]);
  });
});
