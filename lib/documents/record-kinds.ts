import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";

/** The kinds of record a document can belong to (documents.* FK columns, exactly one is set). */
export const DOCUMENT_RECORD_KINDS = ["bill", "invoice", "vendor_credit", "bill_payment", "received_payment"] as const;
export type DocumentRecordKind = (typeof DOCUMENT_RECORD_KINDS)[number];
export const documentRecordKindSchema = z.enum(DOCUMENT_RECORD_KINDS);

/** What the user calls each kind, for "This … no longer exists." messages. */
export const DOCUMENT_RECORD_LABELS: Record<DocumentRecordKind, string> = {
  bill: "bill",
  invoice: "invoice",
  vendor_credit: "vendor credit",
  bill_payment: "payment",
  received_payment: "received payment",
};

export const recordMissingMessage = (kind: DocumentRecordKind) => `This ${DOCUMENT_RECORD_LABELS[kind]} no longer exists.`;

/** Who may attach or remove a document: whoever may edit its record (lib/auth/permissions.ts). */
export const DOCUMENT_EDIT_PERMISSION: Record<DocumentRecordKind, Permission> = {
  bill: "bill.edit",
  invoice: "invoice.edit",
  vendor_credit: "credit.edit",
  bill_payment: "payment.edit",
  received_payment: "payment.edit",
};
