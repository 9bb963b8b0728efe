import { and, desc, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/connection";
import { billPayments, bills, documents, invoices, receivedPayments, users, vendorCredits } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import { type DocumentRecordKind, recordMissingMessage } from "./record-kinds";
import { checkDocument, safeFileName } from "./sniff";

export type DocumentRecord = { kind: DocumentRecordKind; id: string };
type Actor = { organizationId: string; userId: string | null };
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The record table and the documents column that points at it, per kind. */
const RECORDS = {
  bill: { table: bills, column: documents.billId, field: "billId" },
  invoice: { table: invoices, column: documents.invoiceId, field: "invoiceId" },
  vendor_credit: { table: vendorCredits, column: documents.vendorCreditId, field: "vendorCreditId" },
  bill_payment: { table: billPayments, column: documents.billPaymentId, field: "billPaymentId" },
  received_payment: { table: receivedPayments, column: documents.receivedPaymentId, field: "receivedPaymentId" },
} as const;

async function recordExists(db: Db | Tx, organizationId: string, record: DocumentRecord): Promise<boolean> {
  const { table } = RECORDS[record.kind];
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.organizationId, organizationId), eq(table.id, record.id)));
  return Boolean(row);
}

/** Stores an uploaded file on a record of this organisation. Documents stay in Ledgerbridge; they never sync to QuickBooks. */
export async function attachDocument(
  db: Db,
  actor: Actor,
  record: DocumentRecord,
  file: { name: string; bytes: Uint8Array },
): Promise<{ id: string; fileName: string }> {
  const check = checkDocument(file.bytes);
  if (!check.ok) throw new UserFacingError(check.error, { file: [check.error] });
  const fileName = safeFileName(file.name, check.type);
  return db.transaction(async (tx) => {
    if (!(await recordExists(tx, actor.organizationId, record))) throw new UserFacingError(recordMissingMessage(record.kind));
    const [row] = await tx
      .insert(documents)
      .values({
        organizationId: actor.organizationId,
        [RECORDS[record.kind].field]: record.id,
        fileName,
        contentType: check.type.contentType,
        sizeBytes: file.bytes.length,
        content: Buffer.from(file.bytes),
        uploadedBy: actor.userId,
      })
      .returning({ id: documents.id });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: record.kind,
      entityId: record.id,
      action: "attached a document",
      changes: [{ field: "document", label: "Document", old: null, new: fileName }],
    });
    return { id: row!.id, fileName };
  });
}

/** A record's documents without their content (the list shows names and sizes). */
export async function listDocuments(db: Db, organizationId: string, record: DocumentRecord) {
  return db
    .select({
      id: documents.id,
      fileName: documents.fileName,
      contentType: documents.contentType,
      sizeBytes: documents.sizeBytes,
      createdAt: documents.createdAt,
      uploadedByName: users.name,
    })
    .from(documents)
    .leftJoin(users, eq(users.id, documents.uploadedBy))
    .where(and(eq(documents.organizationId, organizationId), eq(RECORDS[record.kind].column, record.id)))
    .orderBy(desc(documents.createdAt));
}

export const attachBillDocument = (db: Db, actor: Actor, billId: string, file: { name: string; bytes: Uint8Array }) =>
  attachDocument(db, actor, { kind: "bill", id: billId }, file);
export const listBillDocuments = (db: Db, organizationId: string, billId: string) =>
  listDocuments(db, organizationId, { kind: "bill", id: billId });

/** One document with its content, or null when it is not in this organisation. */
export async function getDocument(db: Db, organizationId: string, documentId: string) {
  const [row] = await db
    .select({ fileName: documents.fileName, contentType: documents.contentType, content: documents.content })
    .from(documents)
    .where(and(eq(documents.organizationId, organizationId), eq(documents.id, documentId)));
  return row ?? null;
}

function recordOf(row: Record<(typeof RECORDS)[DocumentRecordKind]["field"], string | null>): DocumentRecord {
  for (const [kind, { field }] of Object.entries(RECORDS) as [DocumentRecordKind, (typeof RECORDS)[DocumentRecordKind]][]) {
    const id = row[field];
    if (id) return { kind, id };
  }
  throw new Error("documents_one_record violated"); // the CHECK constraint makes this unreachable
}

/** Removes a document of this organisation (audited on its record); false when it is not found. */
/**
 * Removes a document of this organisation, audited on its record. `mayEdit` decides by the record's
 * kind (the person's role); refused, nothing is deleted and a DocumentEditRefused is thrown.
 */
export async function deleteDocument(db: Db, actor: Actor, documentId: string, mayEdit: (kind: DocumentRecordKind) => boolean = () => true): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(documents)
      .where(and(eq(documents.organizationId, actor.organizationId), eq(documents.id, documentId)))
      .returning({
        fileName: documents.fileName,
        billId: documents.billId,
        invoiceId: documents.invoiceId,
        vendorCreditId: documents.vendorCreditId,
        billPaymentId: documents.billPaymentId,
        receivedPaymentId: documents.receivedPaymentId,
      });
    if (!row) return false;
    const record = recordOf(row);
    if (!mayEdit(record.kind)) throw new DocumentEditRefused(record.kind);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: record.kind,
      entityId: record.id,
      action: "removed a document",
      changes: [{ field: "document", label: "Document", old: row.fileName, new: null }],
    });
    return true;
  });
}

/** Thrown (rolling the delete back) when the person's role may not edit the document's record. */
export class DocumentEditRefused extends Error {
  constructor(readonly kind: DocumentRecordKind) {
    super(`Not allowed to change the documents of a ${kind}`);
  }
}
