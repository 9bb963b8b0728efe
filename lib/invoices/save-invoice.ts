/**
 * Creating and editing invoices. Input comes from `invoiceSchema` (lib/ap); every id it names is
 * checked to belong to the organisation, and the invoice, its lines, its derived status and its audit
 * entry are written in one transaction, so bad input changes nothing.
 */
import { and, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { formatMoney, parseDecimal, decimalToCents, type InvoiceForm } from "@/lib/ap";
import { diffForAudit } from "@/lib/audit/diff";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db, Tx } from "@/lib/db/connection";
import { duplicateError, refusingDuplicates } from "@/lib/db/duplicate-field-errors";
import { classes, customers, invoiceLines, invoices, items, locations, terms } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import { BUNDLE_EDIT_MESSAGE } from "@/lib/invoices/line-groups";
import { describeLines, INVOICE_AUDIT_FIELDS, type InvoiceAuditSnapshot } from "./audit-snapshot";
import { refreshInvoiceStatus } from "./refresh-status";

export type Actor = { organizationId: string; userId: string | null };

type References = { customerName: string; termsName: string | null; locationName: string | null; itemNames: Map<string, string> };

function fail(field: string, message: string): never {
  throw new UserFacingError("Please correct the highlighted fields.", { [field]: [message] });
}

/** Loads the names of every referenced record, refusing ids that aren't this organisation's. */
async function checkReferences(tx: Tx, organizationId: string, input: InvoiceForm, options: { allowInactiveCustomer: boolean }): Promise<References> {
  const [customer] = await tx
    .select({ name: customers.displayName, active: customers.active })
    .from(customers)
    .where(and(eq(customers.organizationId, organizationId), eq(customers.id, input.customerId)));
  if (!customer) fail("customerId", "Choose a customer from the list.");
  if (!customer.active && !options.allowInactiveCustomer) fail("customerId", "This customer is inactive. Reactivate it or choose another.");

  let termsName: string | null = null;
  if (input.termsId) {
    const [row] = await tx.select({ name: terms.name }).from(terms).where(and(eq(terms.organizationId, organizationId), eq(terms.id, input.termsId)));
    if (!row) fail("termsId", "Choose terms from the list.");
    termsName = row.name;
  }
  let locationName: string | null = null;
  if (input.locationId) {
    const [row] = await tx
      .select({ name: locations.name })
      .from(locations)
      .where(and(eq(locations.organizationId, organizationId), eq(locations.id, input.locationId)));
    if (!row) fail("locationId", "Choose a location from the list.");
    locationName = row.name;
  }

  const itemIds = [...new Set(input.lines.map((line) => line.itemId))];
  const itemRows = await tx
    .select({ id: items.id, name: items.name })
    .from(items)
    .where(and(eq(items.organizationId, organizationId), inArray(items.id, itemIds)));
  const itemNames = new Map(itemRows.map((row) => [row.id, row.name]));
  const classIds = [...new Set(input.lines.flatMap((line) => (line.classId ? [line.classId] : [])))];
  const classRows = classIds.length
    ? await tx.select({ id: classes.id }).from(classes).where(and(eq(classes.organizationId, organizationId), inArray(classes.id, classIds)))
    : [];
  const knownClasses = new Set(classRows.map((row) => row.id));
  const fieldErrors: Record<string, string[]> = {};
  input.lines.forEach((line, index) => {
    if (!itemNames.has(line.itemId)) fieldErrors[`lines.${index}.itemId`] = ["Choose a product or service from the list."];
    if (line.classId && !knownClasses.has(line.classId)) fieldErrors[`lines.${index}.classId`] = ["Choose a class from the list."];
  });
  if (Object.keys(fieldErrors).length > 0) throw new UserFacingError("Please correct the highlighted fields.", fieldErrors);
  return { customerName: customer.name, termsName, locationName, itemNames };
}

async function refuseDuplicateNumber(tx: Tx, organizationId: string, invoiceNumber: string, exceptId?: string) {
  const filters = [
    eq(invoices.organizationId, organizationId),
    sql`lower(${invoices.invoiceNumber}) = ${invoiceNumber.toLowerCase()}`,
    isNull(invoices.voidedAt),
  ];
  if (exceptId) filters.push(ne(invoices.id, exceptId));
  const [clash] = await tx.select({ id: invoices.id }).from(invoices).where(and(...filters)).limit(1);
  // QuickBooks rejects duplicate document numbers by default, so the app does too. Two saves at the
  // same moment both pass this read: the unique index invoices_org_number_key refuses the second.
  if (clash) throw duplicateError("invoices_org_number_key", invoiceNumber);
}

/** The invoice's total: its lines plus the sales tax QuickBooks computed (0 for an app-only invoice). */
function snapshotOf(input: InvoiceForm, refs: References, totalCents: number = input.totalCents): InvoiceAuditSnapshot {
  return {
    customer: refs.customerName,
    invoiceNumber: input.invoiceNumber,
    invoiceDate: input.invoiceDate,
    dueDate: input.dueDate,
    terms: refs.termsName,
    location: refs.locationName,
    currency: input.currency,
    memo: input.memo ?? null,
    customerMemo: input.customerMemo ?? null,
    total: formatMoney(totalCents, input.currency),
    lines: describeLines(
      input.lines.map((line) => ({ itemName: refs.itemNames.get(line.itemId) ?? "Item", quantity: line.quantity, amountCents: line.amountCents })),
      input.currency,
    ),
  };
}

function headerValues(input: InvoiceForm, taxCents = 0) {
  return {
    customerId: input.customerId,
    invoiceNumber: input.invoiceNumber,
    invoiceDate: input.invoiceDate,
    dueDate: input.dueDate,
    termsId: input.termsId ?? null,
    locationId: input.locationId ?? null,
    currency: input.currency,
    memo: input.memo ?? null,
    customerMemo: input.customerMemo ?? null,
    totalCents: input.totalCents + taxCents,
  };
}

async function insertLines(tx: Tx, organizationId: string, invoiceId: string, input: InvoiceForm) {
  await tx.insert(invoiceLines).values(
    input.lines.map((line, position) => {
      const rate = parseDecimal(line.unitPrice, { maxScale: 4 });
      return {
        organizationId,
        invoiceId,
        position,
        itemId: line.itemId,
        description: line.description ?? null,
        quantity: line.quantity,
        // The column holds cents; rates with more than 2 decimals are rounded here, the amount stays exact.
        unitPriceCents: rate.ok ? decimalToCents(rate.value) : null,
        amountCents: line.amountCents,
        classId: line.classId ?? null,
        taxCodeRef: line.taxCode ?? null,
      };
    }),
  );
}

export async function createInvoice(db: Db, actor: Actor, input: InvoiceForm): Promise<{ id: string }> {
  return refusingDuplicates(input, () => db.transaction(async (tx) => {
    const refs = await checkReferences(tx, actor.organizationId, input, { allowInactiveCustomer: false });
    await refuseDuplicateNumber(tx, actor.organizationId, input.invoiceNumber);
    const [row] = await tx
      .insert(invoices)
      .values({ organizationId: actor.organizationId, ...headerValues(input), openBalanceCents: input.totalCents, createdBy: actor.userId })
      .returning({ id: invoices.id });
    const invoiceId = row!.id;
    await insertLines(tx, actor.organizationId, invoiceId, input);
    await refreshInvoiceStatus(tx, actor.organizationId, invoiceId);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      entityType: "invoice",
      entityId: invoiceId,
      action: "created",
      changes: diffForAudit(null, snapshotOf(input, refs), INVOICE_AUDIT_FIELDS),
    });
    return { id: invoiceId };
  }));
}

/** The stored invoice as the audit snapshot, for comparing with an edit. */
async function currentSnapshot(tx: Tx, organizationId: string, invoiceId: string): Promise<InvoiceAuditSnapshot> {
  const [row] = await tx
    .select({ invoice: invoices, customerName: customers.displayName, termsName: terms.name, locationName: locations.name })
    .from(invoices)
    .innerJoin(customers, and(eq(customers.id, invoices.customerId), eq(customers.organizationId, organizationId)))
    .leftJoin(terms, and(eq(terms.id, invoices.termsId), eq(terms.organizationId, organizationId)))
    .leftJoin(locations, and(eq(locations.id, invoices.locationId), eq(locations.organizationId, organizationId)))
    .where(and(eq(invoices.organizationId, organizationId), eq(invoices.id, invoiceId)));
  const lines = await tx
    .select({ itemName: items.name, quantity: invoiceLines.quantity, amountCents: invoiceLines.amountCents })
    .from(invoiceLines)
    .leftJoin(items, and(eq(items.id, invoiceLines.itemId), eq(items.organizationId, organizationId)))
    .where(and(eq(invoiceLines.organizationId, organizationId), eq(invoiceLines.invoiceId, invoiceId)))
    .orderBy(invoiceLines.position);
  const invoice = row!.invoice;
  return {
    customer: row!.customerName,
    invoiceNumber: invoice.invoiceNumber,
    invoiceDate: invoice.invoiceDate,
    dueDate: invoice.dueDate,
    terms: row!.termsName,
    location: row!.locationName,
    currency: invoice.currency,
    memo: invoice.memo,
    customerMemo: invoice.customerMemo,
    total: formatMoney(invoice.totalCents, invoice.currency),
    lines: describeLines(
      lines.map((line) => ({ itemName: line.itemName ?? "Item", quantity: line.quantity ?? "1", amountCents: line.amountCents })),
      invoice.currency,
    ),
  };
}

export async function updateInvoice(db: Db, actor: Actor, invoiceId: string, input: InvoiceForm): Promise<{ id: string }> {
  return refusingDuplicates(input, () => db.transaction(async (tx) => {
    // Row lock: a payment recorded at the same moment can't slip under a lowered total.
    const [existing] = await tx
      .select({
        voidedAt: invoices.voidedAt,
        totalCents: invoices.totalCents,
        taxCents: invoices.taxCents,
        openBalanceCents: invoices.openBalanceCents,
        customerId: invoices.customerId,
      })
      .from(invoices)
      .where(and(eq(invoices.organizationId, actor.organizationId), eq(invoices.id, invoiceId)))
      .for("update");
    if (!existing) throw new UserFacingError("This invoice no longer exists.");
    if (existing.voidedAt) throw new UserFacingError("A voided invoice can't be edited.");
    const bundled = await tx
      .select({ id: invoiceLines.id })
      .from(invoiceLines)
      .where(and(eq(invoiceLines.organizationId, actor.organizationId), eq(invoiceLines.invoiceId, invoiceId), isNotNull(invoiceLines.bundleKey)))
      .limit(1);
    // Saving would replace the bundle's components with plain lines that the sync would then push to QBO.
    if (bundled.length > 0) throw new UserFacingError(BUNDLE_EDIT_MESSAGE);
    const receivedCents = existing.totalCents - existing.openBalanceCents;
    if (receivedCents > 0 && input.customerId !== existing.customerId) {
      fail("customerId", "Payments were received from this customer, so the customer can't change.");
    }
    // The sales tax stays QuickBooks' figure until QuickBooks recomputes it on the next sync.
    const totalCents = input.totalCents + existing.taxCents;
    if (totalCents < receivedCents) {
      fail("lines", `The total can't be less than the ${formatMoney(receivedCents, input.currency)} already received.`);
    }
    const refs = await checkReferences(tx, actor.organizationId, input, { allowInactiveCustomer: input.customerId === existing.customerId });
    await refuseDuplicateNumber(tx, actor.organizationId, input.invoiceNumber, invoiceId);
    const before = await currentSnapshot(tx, actor.organizationId, invoiceId);
    await tx
      .update(invoices)
      .set(headerValues(input, existing.taxCents))
      .where(and(eq(invoices.organizationId, actor.organizationId), eq(invoices.id, invoiceId)));
    await tx.delete(invoiceLines).where(and(eq(invoiceLines.organizationId, actor.organizationId), eq(invoiceLines.invoiceId, invoiceId)));
    await insertLines(tx, actor.organizationId, invoiceId, input);
    await refreshInvoiceStatus(tx, actor.organizationId, invoiceId);
    const changes = diffForAudit(before, snapshotOf(input, refs, totalCents), INVOICE_AUDIT_FIELDS);
    if (changes.length > 0) {
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        entityType: "invoice",
        entityId: invoiceId,
        action: "updated",
        changes,
      });
    }
    return { id: invoiceId };
  }));
}
