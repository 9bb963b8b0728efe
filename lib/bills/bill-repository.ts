import { and, eq, inArray, isNull } from "drizzle-orm";
import { formatMoney, sumCents, type BillForm } from "@/lib/ap";
import { diffForAudit, type AuditField } from "@/lib/audit/diff";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db, Tx } from "@/lib/db/connection";
import { duplicateMessage, refusingDuplicates } from "@/lib/db/duplicate-field-errors";
import { billLines, bills, locations, terms, vendorCreditApplications, vendors } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import { runBulk, type BulkResult } from "@/lib/lists/bulk";
import { loadBillSummaries, type BillRow } from "./bill-balances";
import { billNumberTaken } from "./bill-queries";
import { checkDocumentReferences } from "./references";
import { refreshVendorCreditBalance } from "@/lib/vendor-credits/credit-balance";
import { refreshBillStatus } from "./refresh-bill-status";

/** The organisation and person a change is made for. */
export type Actor = { organizationId: string; userId: string | null };

const money = (value: unknown) => (typeof value === "number" ? formatMoney(value) : null);

/**
 * What the bill's history shows for each field. Vendor and terms are stored as ids; the history
 * shows their names as they were when the change was made.
 */
async function billAuditFields(db: Db | Tx, organizationId: string, rows: readonly Partial<BillRow>[]): Promise<AuditField<BillRow>[]> {
  const vendorIds = [...new Set(rows.flatMap((row) => (row.vendorId ? [row.vendorId] : [])))];
  const termIds = [...new Set(rows.flatMap((row) => (row.termsId ? [row.termsId] : [])))];
  const locationIds = [...new Set(rows.flatMap((row) => (row.locationId ? [row.locationId] : [])))];
  const [vendorRows, termRows, locationRows] = await Promise.all([
    vendorIds.length === 0
      ? Promise.resolve([])
      : db.select({ id: vendors.id, name: vendors.displayName }).from(vendors).where(and(eq(vendors.organizationId, organizationId), inArray(vendors.id, vendorIds))),
    termIds.length === 0
      ? Promise.resolve([])
      : db.select({ id: terms.id, name: terms.name }).from(terms).where(and(eq(terms.organizationId, organizationId), inArray(terms.id, termIds))),
    locationIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: locations.id, name: locations.name })
          .from(locations)
          .where(and(eq(locations.organizationId, organizationId), inArray(locations.id, locationIds))),
  ]);
  const names = new Map([...vendorRows, ...termRows, ...locationRows].map((row) => [row.id, row.name]));
  const nameOf = (value: unknown) => (typeof value === "string" && value !== "" ? (names.get(value) ?? value) : null);
  return [
    { field: "vendorId", label: "Vendor", format: nameOf },
    ...baseAuditFields.slice(0, 3),
    { field: "termsId", label: "Terms", format: nameOf },
    { field: "locationId", label: "Location", format: nameOf },
    ...baseAuditFields.slice(3),
  ];
}

const baseAuditFields: AuditField<BillRow>[] = [
  { field: "billNumber", label: "Bill number" },
  { field: "billDate", label: "Bill date" },
  { field: "dueDate", label: "Due date" },
  { field: "currency", label: "Currency" },
  { field: "memo", label: "Memo" },
  { field: "totalCents", label: "Total", format: money },
];

function lineValues(organizationId: string, billId: string, input: BillForm) {
  return input.lines.map((line, position) => ({
    organizationId,
    billId,
    position,
    accountId: line.accountId ?? null,
    itemId: line.itemId ?? null,
    description: line.description ?? null,
    amountCents: line.amountCents,
    classId: line.classId ?? null,
    locationId: line.locationId ?? null,
  }));
}

async function assertValidReferences(db: Db | Tx, actor: Actor, input: BillForm, exceptBillId?: string) {
  const errors = await checkDocumentReferences(db, actor.organizationId, input);
  if (!errors.vendorId && (await billNumberTaken(db, actor.organizationId, input.vendorId, input.billNumber, exceptBillId))) {
    // Two saves at the same moment both pass this read: the unique index refuses the second.
    errors.billNumber = [duplicateMessage("bills_vendor_number_key", input.billNumber)];
  }
  if (Object.keys(errors).length > 0) throw new UserFacingError("Please correct the highlighted fields.", errors);
}

/** Creates a bill with its lines; the total is computed here, never taken from the form. */
export async function createBill(db: Db, actor: Actor, input: BillForm): Promise<{ id: string }> {
  return refusingDuplicates(input, () => db.transaction(async (tx) => {
    await assertValidReferences(tx, actor, input);
    const totalCents = sumCents(input.lines.map((line) => line.amountCents));
    const [bill] = await tx
      .insert(bills)
      .values({
        organizationId: actor.organizationId,
        vendorId: input.vendorId,
        billNumber: input.billNumber,
        billDate: input.billDate,
        dueDate: input.dueDate,
        termsId: input.termsId ?? null,
        locationId: input.locationId ?? null,
        currency: input.currency,
        memo: input.memo ?? null,
        totalCents,
        openBalanceCents: totalCents,
        status: "unpaid",
        createdBy: actor.userId,
      })
      .returning();
    await tx.insert(billLines).values(lineValues(actor.organizationId, bill!.id, input));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "bill",
      entityId: bill!.id,
      action: "created",
      changes: diffForAudit(null, bill!, await billAuditFields(tx, actor.organizationId, [bill!])),
    });
    return { id: bill!.id };
  }));
}

/**
 * Edits a bill. Money already committed to it (paid, credited or in flight) stays valid: the total
 * can't drop below it, and the vendor can't change once money is linked.
 */
export async function updateBill(db: Db, actor: Actor, billId: string, input: BillForm): Promise<{ id: string }> {
  return refusingDuplicates(input, () => db.transaction(async (tx) => {
    const loaded = (await loadBillSummaries(tx, actor.organizationId, [billId], { lock: true })).get(billId);
    if (!loaded) throw new UserFacingError("This bill no longer exists.");
    const { bill: before, summary } = loaded;
    if (before.voidedAt) throw new UserFacingError("A voided bill can't be edited.");
    await assertValidReferences(tx, actor, input, billId);
    const totalCents = sumCents(input.lines.map((line) => line.amountCents));
    const committedCents = summary.paidCents + summary.creditedCents + summary.scheduledCents;
    if (committedCents > 0 && input.vendorId !== before.vendorId) {
      throw new UserFacingError("Please correct the highlighted fields.", {
        vendorId: ["This bill already has payments or credits, so its vendor can't change."],
      });
    }
    if (totalCents < committedCents) {
      const message = `This bill already has ${formatMoney(committedCents, before.currency)} paid, credited or scheduled, so its total can't be lower than that.`;
      throw new UserFacingError(message, { lines: [message] });
    }
    if (committedCents > 0 && input.currency !== before.currency) {
      throw new UserFacingError("Please correct the highlighted fields.", {
        currency: ["This bill already has payments or credits, so its currency can't change."],
      });
    }
    const [after] = await tx
      .update(bills)
      .set({
        vendorId: input.vendorId,
        billNumber: input.billNumber,
        billDate: input.billDate,
        dueDate: input.dueDate,
        termsId: input.termsId ?? null,
        locationId: input.locationId ?? null,
        currency: input.currency,
        memo: input.memo ?? null,
        totalCents,
      })
      .where(and(eq(bills.organizationId, actor.organizationId), eq(bills.id, billId)))
      .returning();
    await tx.delete(billLines).where(and(eq(billLines.organizationId, actor.organizationId), eq(billLines.billId, billId)));
    await tx.insert(billLines).values(lineValues(actor.organizationId, billId, input));
    const changes = diffForAudit(before, after!, await billAuditFields(tx, actor.organizationId, [before, after!]));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "bill",
      entityId: billId,
      action: "updated",
      changes: changes.length > 0 ? changes : [{ field: "lines", label: "Lines", old: null, new: "edited" }],
    });
    // The total may have changed: status and open balance follow.
    await refreshBillStatus(tx, actor.organizationId, billId, { actorUserId: actor.userId, action: "recalculated after edit" });
    return { id: billId };
  }));
}

/**
 * Voids a bill. Payments must be voided first (money really moved); credit applications are
 * released so the credit's balance can be used elsewhere.
 */
export async function voidBill(db: Db, actor: Actor, billId: string): Promise<{ id: string; releasedCreditIds: string[] }> {
  return db.transaction(async (tx) => {
    const loaded = (await loadBillSummaries(tx, actor.organizationId, [billId], { lock: true })).get(billId);
    if (!loaded) throw new UserFacingError("This bill no longer exists.");
    const { bill, summary } = loaded;
    if (bill.voidedAt) throw new UserFacingError("This bill is already voided.");
    if (summary.paidCents > 0 || summary.scheduledCents > 0) {
      throw new UserFacingError("Void this bill's payments first: money was paid or scheduled against it.");
    }
    const now = new Date();
    const released = await tx
      .update(vendorCreditApplications)
      .set({ voidedAt: now })
      .where(
        and(
          eq(vendorCreditApplications.organizationId, actor.organizationId),
          eq(vendorCreditApplications.billId, billId),
          isNull(vendorCreditApplications.voidedAt),
        ),
      )
      .returning({ vendorCreditId: vendorCreditApplications.vendorCreditId });
    await tx.update(bills).set({ voidedAt: now }).where(and(eq(bills.organizationId, actor.organizationId), eq(bills.id, billId)));
    await recordAudit(tx, { organizationId: actor.organizationId, actorUserId: actor.userId, entityType: "bill", entityId: billId, action: "voided" });
    await refreshBillStatus(tx, actor.organizationId, billId, { actorUserId: actor.userId, action: "recalculated after void" });
    for (const row of released) await refreshVendorCreditBalance(tx, actor.organizationId, row.vendorCreditId);
    return { id: billId, releasedCreditIds: [...new Set(released.map((row) => row.vendorCreditId))] };
  });
}

/**
 * Bulk "Void": each bill through `voidBill`, in its own transaction with the bill row locked, so
 * the same bill voided by several requests at once is voided (and audited) exactly once and the
 * others report "already voided".
 */
export async function voidBills(db: Db, actor: Actor, billIds: readonly string[]): Promise<BulkResult> {
  return runBulk(billIds, (billId) => voidBill(db, actor, billId), { action: "bulk void bills", org: actor.organizationId });
}
