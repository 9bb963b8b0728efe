import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, or, sql, sum, type SQL } from "drizzle-orm";
import { z } from "zod";
import { searchText } from "@/lib/forms/search-text";
import {
  fieldErrorMap,
  formatMoney,
  planCreditApplication,
  planCreditUnapply,
  sumCents,
  vendorCreditEditRefusal,
  vendorCreditStatus,
  vendorCreditVoidRefusal,
  type VendorCreditApplicationForm,
  type VendorCreditForm,
} from "@/lib/ap";
import { diffForAudit, type AuditField } from "@/lib/audit/diff";
import { recordAudit } from "@/lib/audit/record-audit";
import { loadBillSummaries } from "@/lib/bills/bill-balances";
import type { Actor } from "@/lib/bills/bill-repository";
import { refreshBillStatus } from "@/lib/bills/refresh-bill-status";
import { checkDocumentReferences } from "@/lib/bills/references";
import type { Db, Tx } from "@/lib/db/connection";
import { duplicateMessage, refusingDuplicates } from "@/lib/db/duplicate-field-errors";
import { accounts, bills, classes, items, locations, vendorCreditApplications, vendorCreditLines, vendorCredits, vendors } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import { formLevelMessage } from "@/lib/payments/payment-repository";
import { appliedCentsOf, refreshVendorCreditBalance } from "./credit-balance";

export type VendorCreditRow = typeof vendorCredits.$inferSelect;

const creditAuditFields: AuditField<VendorCreditRow>[] = [
  { field: "vendorId", label: "Vendor" },
  { field: "creditNumber", label: "Credit number" },
  { field: "creditDate", label: "Credit date" },
  { field: "currency", label: "Currency" },
  { field: "memo", label: "Memo" },
  { field: "totalCents", label: "Total", format: (value) => (typeof value === "number" ? formatMoney(value) : null) },
];

/** The history shows vendors' names, not their ids. */
async function creditAuditFieldsFor(db: Db | Tx, organizationId: string, vendorIds: readonly string[]): Promise<AuditField<VendorCreditRow>[]> {
  const rows = await db
    .select({ id: vendors.id, name: vendors.displayName })
    .from(vendors)
    .where(and(eq(vendors.organizationId, organizationId), inArray(vendors.id, [...new Set(vendorIds)])));
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return creditAuditFields.map((field) =>
    field.field === "vendorId" ? { ...field, format: (value) => (typeof value === "string" ? (names.get(value) ?? value) : null) } : field,
  );
}

/**
 * True when another live credit of this vendor already uses the number, in any case: the rule of the
 * unique index vendor_credits_vendor_number_key, as for bills.
 */
async function creditNumberTaken(db: Db | Tx, organizationId: string, vendorId: string, creditNumber: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: vendorCredits.id })
    .from(vendorCredits)
    .where(
      and(
        eq(vendorCredits.organizationId, organizationId),
        eq(vendorCredits.vendorId, vendorId),
        sql`lower(${vendorCredits.creditNumber}) = ${creditNumber.toLowerCase()}`,
        isNull(vendorCredits.voidedAt),
        exceptId ? ne(vendorCredits.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return Boolean(row);
}

function creditLineValues(organizationId: string, vendorCreditId: string, input: VendorCreditForm) {
  return input.lines.map((line, position) => ({
    organizationId,
    vendorCreditId,
    position,
    accountId: line.accountId ?? null,
    itemId: line.itemId ?? null,
    description: line.description ?? null,
    amountCents: line.amountCents,
    classId: line.classId ?? null,
    locationId: line.locationId ?? null,
  }));
}

/** Creates a vendor credit with its lines; its whole total starts unapplied. */
export async function createVendorCredit(db: Db, actor: Actor, input: VendorCreditForm): Promise<{ id: string }> {
  return refusingDuplicates(input, () => db.transaction(async (tx) => {
    const errors = await checkDocumentReferences(tx, actor.organizationId, input);
    if (!errors.vendorId && (await creditNumberTaken(tx, actor.organizationId, input.vendorId, input.creditNumber))) {
      errors.creditNumber = [duplicateMessage("vendor_credits_vendor_number_key", input.creditNumber)];
    }
    if (Object.keys(errors).length > 0) throw new UserFacingError("Please correct the highlighted fields.", errors);
    const totalCents = sumCents(input.lines.map((line) => line.amountCents));
    const [credit] = await tx
      .insert(vendorCredits)
      .values({
        organizationId: actor.organizationId,
        vendorId: input.vendorId,
        creditNumber: input.creditNumber,
        creditDate: input.creditDate,
        currency: input.currency,
        memo: input.memo ?? null,
        totalCents,
        balanceCents: totalCents,
        createdBy: actor.userId,
      })
      .returning();
    await tx.insert(vendorCreditLines).values(creditLineValues(actor.organizationId, credit!.id, input));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "vendor_credit",
      entityId: credit!.id,
      action: "created",
      changes: diffForAudit(null, credit!, await creditAuditFieldsFor(tx, actor.organizationId, [input.vendorId])),
    });
    return { id: credit!.id };
  }));
}

/**
 * "Apply to bills": validates the amounts with lib/ap `planCreditApplication` against the locked
 * credit and bills, writes the applications, and refreshes the credit balance and each bill's status
 * (a bill the credit fully covers becomes paid).
 */
export async function applyVendorCredit(
  db: Db,
  actor: Actor,
  input: VendorCreditApplicationForm,
): Promise<{ settledBillIds: string[]; balanceCents: number }> {
  return db.transaction(async (tx) => {
    const [credit] = await tx
      .select()
      .from(vendorCredits)
      .where(and(eq(vendorCredits.organizationId, actor.organizationId), eq(vendorCredits.id, input.vendorCreditId)))
      .for("update");
    if (!credit) throw new UserFacingError("This vendor credit no longer exists.");
    const appliedCents = await appliedCentsOf(tx, actor.organizationId, credit.id);
    const loaded = await loadBillSummaries(
      tx,
      actor.organizationId,
      input.applications.map((application) => application.billId),
      { lock: true },
    );
    const plan = planCreditApplication({
      credit: {
        id: credit.id,
        vendorId: credit.vendorId,
        currency: credit.currency,
        totalCents: credit.totalCents,
        voided: credit.voidedAt !== null,
        appliedCents,
      },
      bills: [...loaded.values()].map(({ bill, summary }) => ({
        id: bill.id,
        vendorId: bill.vendorId,
        currency: bill.currency,
        status: summary.status,
        openBalanceCents: summary.openBalanceCents,
        scheduledCents: summary.scheduledCents,
        paidCents: summary.paidCents,
      })),
      requests: input.applications,
    });
    if (!plan.ok) {
      const errors = fieldErrorMap(plan.errors);
      throw new UserFacingError(formLevelMessage(plan.errors), errors);
    }
    for (const application of plan.value.applications) {
      await tx.insert(vendorCreditApplications).values({
        organizationId: actor.organizationId,
        vendorCreditId: credit.id,
        billId: application.billId,
        amountCents: application.amountCents,
        createdBy: actor.userId,
      });
      const billNumber = loaded.get(application.billId)?.bill.billNumber ?? "";
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        entityType: "vendor_credit",
        entityId: credit.id,
        action: `applied to bill ${billNumber}`,
        changes: [{ field: "applied", label: "Applied", old: null, new: formatMoney(application.amountCents, credit.currency) }],
      });
      await refreshBillStatus(tx, actor.organizationId, application.billId, {
        actorUserId: actor.userId,
        action: `vendor credit ${credit.creditNumber} applied`,
      });
    }
    const balanceCents = (await refreshVendorCreditBalance(tx, actor.organizationId, credit.id)) ?? 0;
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "vendor_credit",
      entityId: credit.id,
      action: "balance updated",
      changes: [{ field: "balanceCents", label: "Balance", old: formatMoney(credit.balanceCents, credit.currency), new: formatMoney(balanceCents, credit.currency) }],
    });
    return {
      settledBillIds: plan.value.applications.filter((application) => application.settlesBill).map((application) => application.billId),
      balanceCents,
    };
  });
}

/** The credit row, locked for the rest of the transaction, or a user-facing "no longer exists". */
async function lockedCredit(tx: Tx, organizationId: string, creditId: string): Promise<VendorCreditRow> {
  const [credit] = await tx
    .select()
    .from(vendorCredits)
    .where(and(eq(vendorCredits.organizationId, organizationId), eq(vendorCredits.id, creditId)))
    .for("update");
  if (!credit) throw new UserFacingError("This vendor credit no longer exists.");
  return credit;
}

/**
 * Edits a credit that nothing is applied from yet (lib/ap `vendorCreditEditRefusal`): vendor,
 * number, date, currency, memo and lines. A synced credit then goes to QBO as an update of its
 * VendorCredit (with its current SyncToken, by the sync's planner).
 */
export async function updateVendorCredit(db: Db, actor: Actor, creditId: string, input: VendorCreditForm): Promise<{ id: string }> {
  return refusingDuplicates(input, () => db.transaction(async (tx) => {
    const before = await lockedCredit(tx, actor.organizationId, creditId);
    const appliedCents = await appliedCentsOf(tx, actor.organizationId, creditId);
    const refusal = vendorCreditEditRefusal({ voided: before.voidedAt !== null, appliedCents });
    if (refusal) throw new UserFacingError(refusal);
    const errors = await checkDocumentReferences(tx, actor.organizationId, input);
    if (!errors.vendorId && (await creditNumberTaken(tx, actor.organizationId, input.vendorId, input.creditNumber, creditId))) {
      errors.creditNumber = [duplicateMessage("vendor_credits_vendor_number_key", input.creditNumber)];
    }
    if (Object.keys(errors).length > 0) throw new UserFacingError("Please correct the highlighted fields.", errors);
    const totalCents = sumCents(input.lines.map((line) => line.amountCents));
    const [after] = await tx
      .update(vendorCredits)
      .set({
        vendorId: input.vendorId,
        creditNumber: input.creditNumber,
        creditDate: input.creditDate,
        currency: input.currency,
        memo: input.memo ?? null,
        totalCents,
        balanceCents: totalCents,
        updatedAt: new Date(),
      })
      .where(and(eq(vendorCredits.organizationId, actor.organizationId), eq(vendorCredits.id, creditId)))
      .returning();
    await tx.delete(vendorCreditLines).where(and(eq(vendorCreditLines.organizationId, actor.organizationId), eq(vendorCreditLines.vendorCreditId, creditId)));
    await tx.insert(vendorCreditLines).values(creditLineValues(actor.organizationId, creditId, input));
    const changes = diffForAudit(before, after!, await creditAuditFieldsFor(tx, actor.organizationId, [before.vendorId, input.vendorId]));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "vendor_credit",
      entityId: creditId,
      action: "updated",
      changes: changes.length > 0 ? changes : [{ field: "lines", label: "Lines", old: null, new: "edited" }],
    });
    return { id: creditId };
  }));
}

/**
 * "Unapply": takes one application of the credit back off its bill. The credit's balance and the
 * bill's open balance and status are derived again; the next sync changes the BillPayment that
 * applied it in QBO (lib/sync/core/credit-unapply.ts).
 */
export async function unapplyVendorCredit(
  db: Db,
  actor: Actor,
  input: { vendorCreditId: string; applicationId: string },
): Promise<{ billId: string; balanceCents: number }> {
  return db.transaction(async (tx) => {
    const credit = await lockedCredit(tx, actor.organizationId, input.vendorCreditId);
    const [application] = await tx
      .select()
      .from(vendorCreditApplications)
      .where(and(eq(vendorCreditApplications.organizationId, actor.organizationId), eq(vendorCreditApplications.id, input.applicationId)));
    // The bill's row is locked too: its status is derived again below.
    const loaded = application ? await loadBillSummaries(tx, actor.organizationId, [application.billId], { lock: true }) : new Map();
    const appliedCents = await appliedCentsOf(tx, actor.organizationId, credit.id);
    const plan = planCreditUnapply({
      credit: { id: credit.id, vendorId: credit.vendorId, currency: credit.currency, totalCents: credit.totalCents, voided: credit.voidedAt !== null, appliedCents },
      application: application
        ? { id: application.id, vendorCreditId: application.vendorCreditId, billId: application.billId, amountCents: application.amountCents, removed: application.voidedAt !== null }
        : undefined,
    });
    if (!plan.ok) throw new UserFacingError(formLevelMessage(plan.errors));
    await tx
      .update(vendorCreditApplications)
      .set({ voidedAt: new Date() })
      .where(and(eq(vendorCreditApplications.organizationId, actor.organizationId), eq(vendorCreditApplications.id, plan.value.applicationId)));
    const billNumber = loaded.get(plan.value.billId)?.bill.billNumber ?? "";
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "vendor_credit",
      entityId: credit.id,
      action: `unapplied from bill ${billNumber}`,
      changes: [{ field: "applied", label: "Applied", old: formatMoney(plan.value.amountCents, credit.currency), new: null }],
    });
    await refreshBillStatus(tx, actor.organizationId, plan.value.billId, {
      actorUserId: actor.userId,
      action: `vendor credit ${credit.creditNumber} unapplied`,
    });
    const balanceCents = (await refreshVendorCreditBalance(tx, actor.organizationId, credit.id)) ?? 0;
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "vendor_credit",
      entityId: credit.id,
      action: "balance updated",
      changes: [{ field: "balanceCents", label: "Balance", old: formatMoney(credit.balanceCents, credit.currency), new: formatMoney(balanceCents, credit.currency) }],
    });
    return { billId: plan.value.billId, balanceCents };
  });
}

/**
 * Voids a credit nothing is applied from (lib/ap `vendorCreditVoidRefusal`). QBO cannot void a
 * VendorCredit, only delete it (Intuit's VendorCredit reference lists create, read, update, delete
 * and query: see the copy in abossenbroek/qbo-mcp qbo-api-docs/entities/vendorcredit.md), so the app
 * keeps it as "Voided" and the next sync deletes its QBO twin.
 */
export async function voidVendorCredit(db: Db, actor: Actor, creditId: string): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const credit = await lockedCredit(tx, actor.organizationId, creditId);
    const appliedCents = await appliedCentsOf(tx, actor.organizationId, creditId);
    const refusal = vendorCreditVoidRefusal({ voided: credit.voidedAt !== null, appliedCents });
    if (refusal) throw new UserFacingError(refusal);
    const now = new Date();
    await tx
      .update(vendorCredits)
      .set({ voidedAt: now, balanceCents: 0, updatedAt: now })
      .where(and(eq(vendorCredits.organizationId, actor.organizationId), eq(vendorCredits.id, creditId)));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "vendor_credit",
      entityId: creditId,
      action: "voided",
      changes: [{ field: "balanceCents", label: "Balance", old: formatMoney(credit.balanceCents, credit.currency), new: formatMoney(0, credit.currency) }],
    });
    return { id: creditId };
  });
}

export const CREDIT_PAGE_SIZE = 25;

export const creditListQuerySchema = z.object({
  q: searchText().catch("").default(""),
  open: z.enum(["all", "open"]).catch("all"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type CreditListQuery = z.output<typeof creditListQuerySchema>;

export async function listVendorCredits(db: Db, organizationId: string, query: CreditListQuery) {
  const filters: SQL[] = [eq(vendorCredits.organizationId, organizationId)];
  if (query.open === "open") filters.push(sql`${vendorCredits.balanceCents} > 0`);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(vendorCredits.creditNumber, pattern), ilike(vendors.displayName, pattern))!);
  }
  const where = and(...filters);
  const [rows, [aggregate]] = await Promise.all([
    db
      .select({
        id: vendorCredits.id,
        creditNumber: vendorCredits.creditNumber,
        creditDate: vendorCredits.creditDate,
        currency: vendorCredits.currency,
        totalCents: vendorCredits.totalCents,
        balanceCents: vendorCredits.balanceCents,
        voidedAt: vendorCredits.voidedAt,
        vendorName: vendors.displayName,
      })
      .from(vendorCredits)
      .innerJoin(vendors, eq(vendors.id, vendorCredits.vendorId))
      .where(where)
      .orderBy(desc(vendorCredits.creditDate), desc(vendorCredits.id))
      .limit(CREDIT_PAGE_SIZE)
      .offset((query.page - 1) * CREDIT_PAGE_SIZE),
    db
      .select({ n: count(), total: sum(vendorCredits.totalCents), balance: sum(vendorCredits.balanceCents) })
      .from(vendorCredits)
      .innerJoin(vendors, eq(vendors.id, vendorCredits.vendorId))
      .where(where),
  ]);
  return {
    rows: rows.map((row) => ({
      ...row,
      status: vendorCreditStatus({ totalCents: row.totalCents, appliedCents: row.totalCents - row.balanceCents, voided: row.voidedAt !== null }),
    })),
    total: aggregate?.n ?? 0,
    totalCents: Number(aggregate?.total ?? 0),
    balanceCents: Number(aggregate?.balance ?? 0),
    page: query.page,
    pageSize: CREDIT_PAGE_SIZE,
  };
}

/** A credit with its lines and applications, or null when it is not in this organisation. */
export async function getVendorCreditDetail(db: Db, organizationId: string, creditId: string) {
  const [credit] = await db
    .select({ credit: vendorCredits, vendorName: vendors.displayName })
    .from(vendorCredits)
    .innerJoin(vendors, eq(vendors.id, vendorCredits.vendorId))
    .where(and(eq(vendorCredits.organizationId, organizationId), eq(vendorCredits.id, creditId)));
  if (!credit) return null;
  const [lines, applications] = await Promise.all([
    db
      .select({
        id: vendorCreditLines.id,
        description: vendorCreditLines.description,
        amountCents: vendorCreditLines.amountCents,
        accountId: vendorCreditLines.accountId,
        itemId: vendorCreditLines.itemId,
        classId: vendorCreditLines.classId,
        locationId: vendorCreditLines.locationId,
        accountName: accounts.name,
        itemName: items.name,
        className: classes.name,
        locationName: locations.name,
      })
      .from(vendorCreditLines)
      .leftJoin(accounts, eq(accounts.id, vendorCreditLines.accountId))
      .leftJoin(items, eq(items.id, vendorCreditLines.itemId))
      .leftJoin(classes, eq(classes.id, vendorCreditLines.classId))
      .leftJoin(locations, eq(locations.id, vendorCreditLines.locationId))
      .where(and(eq(vendorCreditLines.organizationId, organizationId), eq(vendorCreditLines.vendorCreditId, creditId)))
      .orderBy(asc(vendorCreditLines.position)),
    db
      .select({
        id: vendorCreditApplications.id,
        billId: vendorCreditApplications.billId,
        billNumber: bills.billNumber,
        billStatus: bills.status,
        amountCents: vendorCreditApplications.amountCents,
        voidedAt: vendorCreditApplications.voidedAt,
        createdAt: vendorCreditApplications.createdAt,
      })
      .from(vendorCreditApplications)
      .innerJoin(bills, eq(bills.id, vendorCreditApplications.billId))
      .where(and(eq(vendorCreditApplications.organizationId, organizationId), eq(vendorCreditApplications.vendorCreditId, creditId)))
      .orderBy(desc(vendorCreditApplications.createdAt)),
  ]);
  const appliedCents = sumCents(applications.filter((application) => !application.voidedAt).map((application) => application.amountCents));
  return {
    credit: credit.credit,
    vendorName: credit.vendorName,
    lines,
    applications,
    appliedCents,
    status: vendorCreditStatus({ totalCents: credit.credit.totalCents, appliedCents, voided: credit.credit.voidedAt !== null }),
  };
}

export type VendorCreditDetail = NonNullable<Awaited<ReturnType<typeof getVendorCreditDetail>>>;
