import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceSchema, receivedPaymentSchema } from "@/lib/ap";
import { listAudit } from "@/lib/audit/record-audit";
import { createApOrg, billForm, type ApOrg } from "@/lib/bills/test-fixtures";
import { createBill } from "@/lib/bills/bill-repository";
import type { DatabaseHandle } from "@/lib/db/connection";
import { accounts, customers, documents, items } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import { createInvoice } from "@/lib/invoices/save-invoice";
import { markBillAsPaid } from "@/lib/payments/payment-repository";
import { receivePayment } from "@/lib/received-payments/receive-payment";
import { findMembership } from "@/lib/orgs/organizations";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createVendorCredit } from "@/lib/vendor-credits/credit-repository";
import { attachDocument, deleteDocument, getDocument, listDocuments, type DocumentRecord } from "./document-repository";
import { MAX_DOCUMENT_BYTES } from "./sniff";
import { DOCUMENT_RECORD_KINDS, type DocumentRecordKind } from "./record-kinds";
import { uploadDocumentResponse } from "./upload-route";

let handle: DatabaseHandle;
let a: ApOrg;
let b: ApOrg;
let recordsA: Record<DocumentRecordKind, string>;
let recordsB: Record<DocumentRecordKind, string>;
const TODAY = "2026-04-10";
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4 ${text}`);

/** One record of every kind a document can belong to, made through the app's own functions. */
async function recordsOf(org: ApOrg, n: string): Promise<Record<DocumentRecordKind, string>> {
  const db = handle.db;
  const bill = await createBill(db, org.actor, billForm(org, { billNumber: `B-${n}`, amounts: [100_00] }));
  const payment = await markBillAsPaid(db, org.actor, { billId: bill.id, bankAccountId: org.checking, paidDate: TODAY, amountCents: 10_00, reference: undefined, syncToQbo: true });
  const credit = await createVendorCredit(db, org.actor, { vendorId: org.nursery, creditNumber: `CR-${n}`, creditDate: TODAY, currency: "USD", memo: undefined, lines: billForm(org).lines, totalCents: 100_00 });
  const [customer] = await db.select().from(customers).where(eq(customers.organizationId, org.organizationId)).limit(1);
  const [item] = await db.select().from(items).where(eq(items.organizationId, org.organizationId)).limit(1);
  const [deposit] = await db.select().from(accounts).where(and(eq(accounts.organizationId, org.organizationId), eq(accounts.name, "Undeposited Funds")));
  const invoice = await createInvoice(
    db,
    org.actor,
    invoiceSchema.parse({ customerId: customer!.id, invoiceNumber: `I-${n}`, invoiceDate: TODAY, dueDate: TODAY, lines: [{ itemId: item!.id, quantity: "1", unitPrice: "50.00" }] }),
  );
  const received = await receivePayment(db, org.actor, receivedPaymentSchema.parse({ invoiceId: invoice.id, depositAccountId: deposit!.id, paymentDate: TODAY, amount: "5.00" }));
  return { bill: bill.id, invoice: invoice.id, vendor_credit: credit.id, bill_payment: payment.paymentId, received_payment: received.id };
}

async function userError(promise: Promise<unknown>): Promise<UserFacingError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  a = await createApOrg(handle.db, "Alpha");
  b = await createApOrg(handle.db, "Beta");
  recordsA = await recordsOf(a, "A");
  recordsB = await recordsOf(b, "B");
});
afterAll(async () => handle?.close());

describe("documents on every kind of record", () => {
  it.each(DOCUMENT_RECORD_KINDS)("attaches, lists, downloads and removes a document on a %s, with audit entries", async (kind) => {
    const record: DocumentRecord = { kind, id: recordsA[kind] };
    const saved = await attachDocument(handle.db, a.actor, record, { name: `${kind}.png`, bytes: pdf(kind) });
    expect(saved.fileName).toBe(`${kind}.pdf`); // named by its real type
    expect((await listDocuments(handle.db, a.organizationId, record)).map((row) => row.fileName)).toEqual([`${kind}.pdf`]);
    // Only that record lists it.
    for (const other of DOCUMENT_RECORD_KINDS.filter((k) => k !== kind)) {
      expect((await listDocuments(handle.db, a.organizationId, { kind: other, id: recordsA[other] })).some((row) => row.id === saved.id)).toBe(false);
    }
    const fetched = await getDocument(handle.db, a.organizationId, saved.id);
    expect(fetched?.contentType).toBe("application/pdf");
    expect(Buffer.from(fetched!.content).toString()).toBe(`%PDF-1.4 ${kind}`);

    expect(await deleteDocument(handle.db, a.actor, saved.id)).toBe(true);
    expect(await getDocument(handle.db, a.organizationId, saved.id)).toBeNull();
    const audit = await listAudit(handle.db, a.organizationId, kind, record.id);
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(["attached a document", "removed a document"]));
  });

  it("refuses a file that is not PDF, PNG or JPEG whatever its name says", async () => {
    const error = await userError(attachDocument(handle.db, a.actor, { kind: "invoice", id: recordsA.invoice }, { name: "x.pdf", bytes: new TextEncoder().encode("MZ...") }));
    expect(error.message).toMatch(/Only PDF, PNG and JPEG/);
    expect(await listDocuments(handle.db, a.organizationId, { kind: "invoice", id: recordsA.invoice })).toEqual([]);
  });

  it.each(DOCUMENT_RECORD_KINDS)("treats another organisation's %s as not found and changes nothing", async (kind) => {
    const docB = await attachDocument(handle.db, b.actor, { kind, id: recordsB[kind] }, { name: "b.pdf", bytes: pdf("b") });
    const error = await userError(attachDocument(handle.db, a.actor, { kind, id: recordsB[kind] }, { name: "x.pdf", bytes: pdf("x") }));
    expect(error.message).toMatch(/no longer exists/);
    expect(await listDocuments(handle.db, a.organizationId, { kind, id: recordsB[kind] })).toEqual([]);
    expect(await getDocument(handle.db, a.organizationId, docB.id)).toBeNull();
    expect(await deleteDocument(handle.db, a.actor, docB.id)).toBe(false);
    expect(await listDocuments(handle.db, b.organizationId, { kind, id: recordsB[kind] })).toHaveLength(1);
  });

  it("lets the database hold a document on exactly one record", async () => {
    const insert = (values: Partial<typeof documents.$inferInsert>) =>
      handle.db.insert(documents).values({ organizationId: a.organizationId, fileName: "x.pdf", contentType: "application/pdf", sizeBytes: 1, content: Buffer.from("x"), ...values });
    await expect(insert({})).rejects.toThrow();
    await expect(insert({ billId: recordsA.bill, invoiceId: recordsA.invoice })).rejects.toThrow();
  });
});

describe("the upload handler behind the documents routes", () => {
  async function ctxOf(org: ApOrg) {
    const membership = await findMembership(handle.db, org.actor.userId!, org.slug);
    return { db: handle.db, org: membership!, user: { id: org.actor.userId!, email: "clerk@example.com", name: "Clerk" } };
  }
  const uploadRequest = (bytes: Uint8Array, name = "scan.pdf") => {
    const body = new FormData();
    body.set("file", new File([Buffer.from(bytes)], name, { type: "application/pdf" }));
    return new Request("http://127.0.0.1/api/orgs/x/documents", { method: "POST", body });
  };

  it.each(DOCUMENT_RECORD_KINDS)("stores an upload on the organisation's own %s (201)", async (kind) => {
    const response = await uploadDocumentResponse(uploadRequest(pdf("route")), await ctxOf(a), kind, recordsA[kind]);
    expect(response.status).toBe(201);
    const saved = (await response.json()) as { id: string; fileName: string };
    expect(saved.fileName).toBe("scan.pdf");
    expect((await listDocuments(handle.db, a.organizationId, { kind, id: recordsA[kind] })).some((row) => row.id === saved.id)).toBe(true);
  });

  it.each(DOCUMENT_RECORD_KINDS)("answers 404 for another organisation's %s and a malformed id, storing nothing", async (kind) => {
    const before = await listDocuments(handle.db, b.organizationId, { kind, id: recordsB[kind] });
    const foreign = await uploadDocumentResponse(uploadRequest(pdf("x")), await ctxOf(a), kind, recordsB[kind]);
    expect(foreign.status).toBe(404);
    expect((await uploadDocumentResponse(uploadRequest(pdf("x")), await ctxOf(a), kind, "not-an-id")).status).toBe(404);
    expect(await listDocuments(handle.db, b.organizationId, { kind, id: recordsB[kind] })).toEqual(before);
  });

  it.each(DOCUMENT_RECORD_KINDS)("refuses a read-only accountant on a %s (403), storing nothing", async (kind) => {
    const ctx = await ctxOf(a);
    const accountant = { ...ctx, org: { ...ctx.org, role: "accountant" as const } };
    const before = (await listDocuments(handle.db, a.organizationId, { kind, id: recordsA[kind] })).length;
    expect((await uploadDocumentResponse(uploadRequest(pdf("ro")), accountant, kind, recordsA[kind])).status).toBe(403);
    expect((await listDocuments(handle.db, a.organizationId, { kind, id: recordsA[kind] })).length).toBe(before);
  });

  it("refuses a wrong type (400) and a file over 10 MB (413)", async () => {
    const ctx = await ctxOf(a);
    const record = { kind: "vendor_credit", id: recordsA.vendor_credit } as const;
    const before = (await listDocuments(handle.db, a.organizationId, record)).length;
    const wrong = await uploadDocumentResponse(uploadRequest(new TextEncoder().encode("MZ..."), "x.pdf"), ctx, record.kind, record.id);
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/Only PDF, PNG and JPEG/);
    const huge = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    huge.set(new TextEncoder().encode("%PDF-1.4"));
    const tooBig = await uploadDocumentResponse(uploadRequest(huge), ctx, record.kind, record.id);
    expect(tooBig.status).toBe(413);
    expect((await listDocuments(handle.db, a.organizationId, record)).length).toBe(before);
  });
});
