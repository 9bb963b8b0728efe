import { and, desc, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/connection";
import { bills, documents, users } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import { checkDocument, safeFileName } from "./sniff";

/** Stores an uploaded file on a bill. Documents stay in Ledgerbridge; they never sync to QuickBooks. */
export async function attachBillDocument(
  db: Db,
  actor: { organizationId: string; userId: string | null },
  billId: string,
  file: { name: string; bytes: Uint8Array },
): Promise<{ id: string; fileName: string }> {
  const check = checkDocument(file.bytes);
  if (!check.ok) throw new UserFacingError(check.error, { file: [check.error] });
  const fileName = safeFileName(file.name, check.type);
  return db.transaction(async (tx) => {
    const [bill] = await tx
      .select({ id: bills.id })
      .from(bills)
      .where(and(eq(bills.organizationId, actor.organizationId), eq(bills.id, billId)));
    if (!bill) throw new UserFacingError("This bill no longer exists.");
    const [row] = await tx
      .insert(documents)
      .values({
        organizationId: actor.organizationId,
        billId,
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
      entityType: "bill",
      entityId: billId,
      action: "attached a document",
      changes: [{ field: "document", label: "Document", old: null, new: fileName }],
    });
    return { id: row!.id, fileName };
  });
}

/** A bill's documents without their content (the list shows names and sizes). */
export async function listBillDocuments(db: Db, organizationId: string, billId: string) {
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
    .where(and(eq(documents.organizationId, organizationId), eq(documents.billId, billId)))
    .orderBy(desc(documents.createdAt));
}

/** One document with its content, or null when it is not in this organisation. */
export async function getDocument(db: Db, organizationId: string, documentId: string) {
  const [row] = await db
    .select({ fileName: documents.fileName, contentType: documents.contentType, content: documents.content })
    .from(documents)
    .where(and(eq(documents.organizationId, organizationId), eq(documents.id, documentId)));
  return row ?? null;
}
