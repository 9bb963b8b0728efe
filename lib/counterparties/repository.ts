import { and, asc, count, eq, ilike, ne, or, sql } from "drizzle-orm";
import { diffForAudit, type AuditField } from "@/lib/audit/diff";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/connection";
import { duplicateError, refusingDuplicates } from "@/lib/db/duplicate-field-errors";
import { customers, vendors } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import type { CounterpartyInput, CounterpartyKind } from "./schemas";

export const PAGE_SIZE = 25;

const tableOf = (kind: CounterpartyKind) => (kind === "vendor" ? vendors : customers);
const otherKind = (kind: CounterpartyKind): CounterpartyKind => (kind === "vendor" ? "customer" : "vendor");
export const kindLabel = (kind: CounterpartyKind) => (kind === "vendor" ? "vendor" : "customer");
/** The unique index on (organisation, lower(display name)): the same rule as `nameTaken`. */
const nameIndexOf = (kind: CounterpartyKind) => (kind === "vendor" ? "vendors_org_name_key" : "customers_org_name_key");

/** A vendor or customer row; the vendor-only columns are absent on a customer. */
export type Counterparty = typeof customers.$inferSelect & Partial<Pick<typeof vendors.$inferSelect, "vendor1099" | "taxId">>;

/** The tax id never appears whole outside its own field: history shows its last four characters. */
export function maskedTaxId(value: unknown): string | null {
  if (typeof value !== "string" || value === "") return null;
  return `•••• ${value.slice(-4)}`;
}

const auditFields: AuditField<Counterparty>[] = [
  { field: "displayName", label: "Display name" },
  { field: "companyName", label: "Company name" },
  { field: "email", label: "Email" },
  { field: "phone", label: "Phone" },
  { field: "addressLine1", label: "Address line 1" },
  { field: "addressLine2", label: "Address line 2" },
  { field: "addressCity", label: "City" },
  { field: "addressRegion", label: "State / region" },
  { field: "addressPostalCode", label: "Postal code" },
  { field: "addressCountry", label: "Country" },
  { field: "vendor1099", label: "1099 contractor", format: (v) => (v === undefined ? null : v ? "Yes" : "No") },
  { field: "taxId", label: "Tax ID", format: maskedTaxId },
  { field: "active", label: "Status", format: (v) => (v ? "Active" : "Inactive") },
];

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listCounterparties(
  db: Db,
  organizationId: string,
  kind: CounterpartyKind,
  query: { q: string; page: number; status: "active" | "inactive" | "all" },
) {
  const t = tableOf(kind);
  const filters = [eq(t.organizationId, organizationId)];
  if (query.status !== "all") filters.push(eq(t.active, query.status === "active"));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(or(ilike(t.displayName, pattern), ilike(t.companyName, pattern), ilike(t.email, pattern))!);
  }
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(t)
      .where(where)
      .orderBy(asc(sql`lower(${t.displayName})`), asc(t.id))
      .limit(PAGE_SIZE)
      .offset((query.page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(t).where(where),
  ]);
  // The tax id stays on the record's own page: lists (and the list API) never carry it.
  const listed = rows.map((row) => {
    const rest: Counterparty = { ...row };
    delete rest.taxId;
    return rest;
  });
  return { rows: listed, total: total?.n ?? 0, page: query.page, pageSize: PAGE_SIZE };
}

export async function getCounterparty(db: Db, organizationId: string, kind: CounterpartyKind, id: string): Promise<Counterparty | null> {
  if (kind === "vendor") {
    const [row] = await db.select().from(vendors).where(and(eq(vendors.organizationId, organizationId), eq(vendors.id, id))).limit(1);
    return row ?? null;
  }
  const [row] = await db.select().from(customers).where(and(eq(customers.organizationId, organizationId), eq(customers.id, id))).limit(1);
  return row ?? null;
}

async function nameTaken(db: Db, organizationId: string, kind: CounterpartyKind, name: string, exceptId?: string) {
  const t = tableOf(kind);
  const filters = [eq(t.organizationId, organizationId), sql`lower(${t.displayName}) = ${name.toLowerCase()}`];
  if (exceptId) filters.push(ne(t.id, exceptId));
  const [row] = await db.select({ id: t.id }).from(t).where(and(...filters)).limit(1);
  return Boolean(row);
}

/** QBO wants DisplayName unique across vendors AND customers: a clash is allowed here but will not sync. */
export async function crossKindClash(db: Db, organizationId: string, kind: CounterpartyKind, name: string) {
  return nameTaken(db, organizationId, otherKind(kind), name);
}

export type SaveResult = { id: string; warning?: string };

export function clashWarning(kind: CounterpartyKind, name: string) {
  return `A ${kindLabel(otherKind(kind))} is also named "${name}". QuickBooks needs names to be unique across vendors and customers, so this ${kindLabel(kind)} will not sync until one of them is renamed.`;
}

export async function createCounterparty(
  db: Db,
  ctx: { organizationId: string; userId: string },
  kind: CounterpartyKind,
  input: CounterpartyInput,
): Promise<SaveResult> {
  if (await nameTaken(db, ctx.organizationId, kind, input.displayName)) throw duplicateError(nameIndexOf(kind), input.displayName);
  const t = tableOf(kind);
  const id = await refusingDuplicates(input, () => db.transaction(async (tx) => {
    const [row] = await tx
      .insert(t)
      .values({ organizationId: ctx.organizationId, ...normalise(kind, input) })
      .returning();
    await recordAudit(tx, {
      organizationId: ctx.organizationId,
      actorUserId: ctx.userId,
      entityType: kind,
      entityId: row!.id,
      action: "created",
      changes: diffForAudit(null, row!, auditFields),
    });
    return row!.id;
  }));
  const warning = (await crossKindClash(db, ctx.organizationId, kind, input.displayName))
    ? clashWarning(kind, input.displayName)
    : undefined;
  return { id, warning };
}

export async function updateCounterparty(
  db: Db,
  ctx: { organizationId: string; userId: string },
  kind: CounterpartyKind,
  id: string,
  patch: Partial<CounterpartyInput> & { active?: boolean },
): Promise<SaveResult> {
  const before = await getCounterparty(db, ctx.organizationId, kind, id);
  if (!before) throw new UserFacingError(`This ${kindLabel(kind)} no longer exists.`);
  if (patch.displayName && (await nameTaken(db, ctx.organizationId, kind, patch.displayName, id))) {
    throw duplicateError(nameIndexOf(kind), patch.displayName);
  }
  const t = tableOf(kind);
  const values = { ...normalise(kind, { ...before, ...patch } as CounterpartyInput), active: patch.active ?? before.active };
  await refusingDuplicates(values, () => db.transaction(async (tx) => {
    const [after] = await tx
      .update(t)
      .set(values)
      .where(and(eq(t.organizationId, ctx.organizationId), eq(t.id, id)))
      .returning();
    const changes = diffForAudit(before, after!, auditFields);
    if (changes.length > 0) {
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actorUserId: ctx.userId,
        entityType: kind,
        entityId: id,
        action: patch.active === false && before.active ? "deactivated" : patch.active && !before.active ? "reactivated" : "updated",
        changes,
      });
    }
  }));
  const name = patch.displayName ?? before.displayName;
  const warning = (await crossKindClash(db, ctx.organizationId, kind, name)) ? clashWarning(kind, name) : undefined;
  return { id, warning };
}

function normalise(kind: CounterpartyKind, input: CounterpartyInput) {
  const common = {
    displayName: input.displayName,
    companyName: input.companyName ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    addressLine1: input.addressLine1 ?? null,
    addressLine2: input.addressLine2 ?? null,
    addressCity: input.addressCity ?? null,
    addressRegion: input.addressRegion ?? null,
    addressPostalCode: input.addressPostalCode ?? null,
    addressCountry: input.addressCountry ?? null,
  };
  // A customer has no 1099 flag or tax id (QBO Customer defines neither).
  return kind === "vendor" ? { ...common, vendor1099: input.vendor1099 ?? false, taxId: input.taxId ?? null } : common;
}

/** Every vendor (or customer) of the organisation by name, inactive ones too: the list pages' filter choices. */
export async function counterpartyChoices(db: Db, organizationId: string, kind: CounterpartyKind): Promise<{ id: string; name: string }[]> {
  const t = tableOf(kind);
  return db
    .select({ id: t.id, name: t.displayName })
    .from(t)
    .where(eq(t.organizationId, organizationId))
    .orderBy(asc(sql`lower(${t.displayName})`), asc(t.id));
}
