/** Reading received payments: the paginated, searchable list of the Received payments page and one payment's page. Org-scoped. */
import { and, count, desc, eq, gte, ilike, inArray, isNull, lte, or, sum, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { isRecordId } from "@/lib/forms/record-id";
import { accounts, customers, fundsTransfers, invoices, qboConnections, receivedPayments, syncIssues } from "@/lib/db/schema";
import { describeReason, isReasonCode } from "@/lib/sync/core/reasons";
import type { ReceivedPaymentListQuery } from "./list-query";

export const RECEIVED_PAYMENT_PAGE_SIZE = 25;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Where the payment stands with QuickBooks, in the words the list shows. */
export type ReceivedPaymentSyncState =
  | { state: "synced"; qboId: string }
  | { state: "pending" }
  | { state: "issue"; severity: "skip" | "failure"; title: string }
  | { state: "not_connected" }
  | { state: "not_synced" };

/** The list's filters (search, date range) as SQL over received payments joined to customers and invoices; the CSV export shares it. */
export function receivedPaymentListFilter(organizationId: string, query: Pick<ReceivedPaymentListQuery, "q" | "from" | "to">): SQL {
  const filters: SQL[] = [eq(receivedPayments.organizationId, organizationId)];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(or(ilike(customers.displayName, pattern), ilike(invoices.invoiceNumber, pattern), ilike(receivedPayments.reference, pattern))!);
  }
  if (query.from) filters.push(gte(receivedPayments.receivedDate, query.from));
  if (query.to) filters.push(lte(receivedPayments.receivedDate, query.to));
  return and(...filters)!;
}

/**
 * One shape for a received payment wherever it is shown: with its invoice, customer, deposit account
 * and funds transfer. Join conditions repeat the organisation so a foreign id could never match.
 */
function selectReceivedPayments(db: Db) {
  return db
    .select({
      id: receivedPayments.id,
      kind: receivedPayments.kind,
      status: receivedPayments.status,
      amountCents: receivedPayments.amountCents,
      receivedDate: receivedPayments.receivedDate,
      reference: receivedPayments.reference,
      qboId: receivedPayments.qboId,
      voidedAt: receivedPayments.voidedAt,
      createdAt: receivedPayments.createdAt,
      invoiceId: receivedPayments.invoiceId,
      invoiceNumber: invoices.invoiceNumber,
      currency: invoices.currency,
      customerId: receivedPayments.customerId,
      customerName: customers.displayName,
      depositAccountName: accounts.name,
      fundsTransferId: receivedPayments.fundsTransferId,
      transferDate: fundsTransfers.transferDate,
      transferAmountCents: fundsTransfers.amountCents,
      transferQboId: fundsTransfers.qboId,
    })
    .from(receivedPayments)
    .innerJoin(customers, and(eq(customers.id, receivedPayments.customerId), eq(customers.organizationId, receivedPayments.organizationId)))
    .innerJoin(invoices, and(eq(invoices.id, receivedPayments.invoiceId), eq(invoices.organizationId, receivedPayments.organizationId)))
    .leftJoin(accounts, and(eq(accounts.id, receivedPayments.depositAccountId), eq(accounts.organizationId, receivedPayments.organizationId)))
    .leftJoin(fundsTransfers, and(eq(fundsTransfers.id, receivedPayments.fundsTransferId), eq(fundsTransfers.organizationId, receivedPayments.organizationId)))
    .$dynamic();
}

export async function listReceivedPayments(db: Db, organizationId: string, query: ReceivedPaymentListQuery, pageSize = RECEIVED_PAYMENT_PAGE_SIZE) {
  const where = receivedPaymentListFilter(organizationId, query);
  // Join conditions repeat the organisation so a foreign id could never match.
  const joinCustomer = and(eq(customers.id, receivedPayments.customerId), eq(customers.organizationId, receivedPayments.organizationId));
  const joinInvoice = and(eq(invoices.id, receivedPayments.invoiceId), eq(invoices.organizationId, receivedPayments.organizationId));

  const [aggregate] = await db
    .select({ n: count(), totalCents: sum(receivedPayments.amountCents) })
    .from(receivedPayments)
    .innerJoin(customers, joinCustomer)
    .innerJoin(invoices, joinInvoice)
    .where(and(where, isNull(receivedPayments.voidedAt)));
  const [all] = await db.select({ n: count() }).from(receivedPayments).innerJoin(customers, joinCustomer).innerJoin(invoices, joinInvoice).where(where);
  const total = all?.n ?? 0;
  // A page past the end (an old link, a narrower search) shows the last page instead of nothing.
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, lastPage);

  const rows = await selectReceivedPayments(db)
    .where(where)
    .orderBy(desc(receivedPayments.receivedDate), desc(receivedPayments.createdAt), desc(receivedPayments.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  const [connection] = await db.select({ status: qboConnections.status }).from(qboConnections).where(eq(qboConnections.organizationId, organizationId));
  const connected = Boolean(connection && connection.status !== "disconnected");
  const ids = rows.map((row) => row.id);
  const issues =
    ids.length === 0
      ? []
      : await db
          .select({ localId: syncIssues.localId, reasonCode: syncIssues.reasonCode, severity: syncIssues.severity })
          .from(syncIssues)
          .where(and(eq(syncIssues.organizationId, organizationId), eq(syncIssues.objectType, "payment"), inArray(syncIssues.localId, ids), isNull(syncIssues.resolvedAt)));
  const issueOf = new Map(issues.filter((issue) => issue.localId).map((issue) => [issue.localId!, issue]));

  return {
    rows: rows.map((row) => {
      const issue = issueOf.get(row.id);
      const sync: ReceivedPaymentSyncState = issue
        ? { state: "issue", severity: issue.severity, title: isReasonCode(issue.reasonCode) ? describeReason(issue.reasonCode).title : "Not synced" }
        : row.qboId
          ? { state: "synced", qboId: row.qboId }
          : row.status === "voided"
            ? { state: "not_synced" }
            : connected
              ? { state: "pending" }
              : { state: "not_connected" };
      return { ...row, sync };
    }),
    total,
    /** Sum of the matching payments that are not voided (all pages). */
    totalCents: Number(aggregate?.totalCents ?? 0),
    page,
    pageSize,
  };
}

export type ReceivedPaymentListRow = Awaited<ReturnType<typeof listReceivedPayments>>["rows"][number];

/** One received payment of this organisation with its invoice, customer, deposit account and funds transfer, or null. */
export async function getReceivedPaymentDetail(db: Db, organizationId: string, paymentId: string) {
  if (!isRecordId(paymentId)) return null;
  const [row] = await selectReceivedPayments(db).where(and(eq(receivedPayments.organizationId, organizationId), eq(receivedPayments.id, paymentId)));
  return row ?? null;
}

export type ReceivedPaymentDetail = NonNullable<Awaited<ReturnType<typeof getReceivedPaymentDetail>>>;
