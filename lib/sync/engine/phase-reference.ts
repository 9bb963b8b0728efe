import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { accounts, classes, items, locations, terms } from "@/lib/db/schema";
import { amountToCents, contentHash, type CanonicalValue } from "@/lib/sync/core";
import type { RunContext } from "@/lib/sync/engine/context";
import type { MappingWrite } from "@/lib/sync/engine/mapping-store";
import type { SyncedEntity } from "@/lib/sync/engine/qbo-source";
import type { SyncObjectType } from "@/lib/sync/engine/types";

type ListTable = typeof accounts | typeof items | typeof classes | typeof locations | typeof terms;
type Fields = Record<string, string | number | boolean | null>;

interface ListSpec {
  entity: SyncedEntity;
  objectType: SyncObjectType;
  table: ListTable;
  /** App columns from the QBO object (account/item refs resolved through the mappings). */
  fields: (raw: Record<string, unknown>, ctx: RunContext) => Fields;
}

const ref = (raw: Record<string, unknown>, key: string): string | undefined => (raw[key] as { value?: string } | undefined)?.value;
const text = (raw: Record<string, unknown>, key: string): string | null => (typeof raw[key] === "string" ? (raw[key] as string) : null);
const num = (raw: Record<string, unknown>, key: string): number | null => (typeof raw[key] === "number" ? (raw[key] as number) : null);
const active = (raw: Record<string, unknown>): boolean => raw["Active"] !== false;

/** An account's app columns from its QBO object, and their hash as the reference phase stores it. */
export function accountFromQbo(raw: Record<string, unknown>): { fields: Fields; hash: string } {
  const fields = accountFields(raw);
  return { fields, hash: contentHash(fields as CanonicalValue) };
}

function accountFields(raw: Record<string, unknown>): Fields {
  return {
    name: String(raw["Name"]),
    fullyQualifiedName: text(raw, "FullyQualifiedName") ?? String(raw["Name"]),
    accountType: String(raw["AccountType"]),
    accountSubType: text(raw, "AccountSubType"),
    currency: ref(raw, "CurrencyRef") ?? "USD",
    active: active(raw),
  };
}

/** QBO name lists → app reference tables (QBO → app only). Accounts first: items refer to them. */
export const REFERENCE_LISTS: readonly ListSpec[] = [
  {
    entity: "Account",
    objectType: "account",
    table: accounts,
    fields: accountFields,
  },
  {
    entity: "Item",
    objectType: "item",
    table: items,
    fields: (raw, ctx) => {
      const income = ref(raw, "IncomeAccountRef");
      const expense = ref(raw, "ExpenseAccountRef");
      const price = num(raw, "UnitPrice");
      return {
        name: String(raw["Name"]),
        type: text(raw, "Type") ?? "Service",
        description: text(raw, "Description"),
        unitPriceCents: price === null ? null : amountToCents(price),
        incomeAccountId: (income && ctx.mappings.localIdOf("account", income)) ?? null,
        expenseAccountId: (expense && ctx.mappings.localIdOf("account", expense)) ?? null,
        active: active(raw),
      };
    },
  },
  { entity: "Class", objectType: "class", table: classes, fields: (raw) => ({ name: String(raw["Name"]), active: active(raw) }) },
  { entity: "Department", objectType: "location", table: locations, fields: (raw) => ({ name: String(raw["Name"]), active: active(raw) }) },
  {
    entity: "Term",
    objectType: "term",
    table: terms,
    fields: (raw) => ({
      name: String(raw["Name"]),
      active: active(raw),
      type: raw["Type"] === "DATE_DRIVEN" ? "date_driven" : "standard",
      dueDays: num(raw, "DueDays"),
      dayOfMonthDue: num(raw, "DayOfMonthDue"),
      dueNextMonthDays: num(raw, "DueNextMonthDays"),
    }),
  },
];

/**
 * Chart of accounts, items, classes, locations and terms from QBO. A QBO object is matched to its
 * app row by mapping, then by the row's stored QBO id, then (first link) by name; otherwise a row
 * is created. QBO wins every field: these lists are QBO → app only.
 */
export async function syncReferenceData(ctx: RunContext): Promise<void> {
  const loaded = [];
  for (const spec of REFERENCE_LISTS) loaded.push({ spec, records: await ctx.source.records(spec.entity) });
  ctx.progress.setPhase("reference_data", loaded.reduce((n, l) => n + l.records.live.length + l.records.deleted.length, 0));
  for (const { spec, records } of loaded) {
    await ctx.db.transaction(async (tx) => applyList(tx, ctx, spec, records.live as Record<string, unknown>[], records.deleted.map((d) => d.id)));
  }
}

async function applyList(tx: Tx, ctx: RunContext, spec: ListSpec, live: Record<string, unknown>[], deletedIds: string[]): Promise<void> {
  // Every list table has these columns; narrowing to one of them keeps the query builder typed.
  const table = spec.table as typeof classes;
  const { organizationId, mappings, progress } = ctx;
  const rows = await tx
    .select({ id: table.id, name: table.name, qboId: table.qboId })
    .from(table)
    .where(eq(table.organizationId, organizationId));
  const byQboColumn = new Map(rows.filter((r) => r.qboId).map((r) => [r.qboId as string, r.id]));
  const linked = new Set(mappings.list(spec.objectType).map((m) => m.localId));
  const unlinkedByName = new Map(rows.filter((r) => !r.qboId && !linked.has(r.id)).map((r) => [r.name.trim().toLowerCase(), r.id]));
  const mappingWrites: MappingWrite[] = [];
  const inserts: Array<Record<string, unknown>> = [];

  for (const raw of live) {
    const qboId = String(raw["Id"]);
    const syncToken = String(raw["SyncToken"]);
    const fields = spec.fields(raw, ctx);
    const hash = contentHash(fields as CanonicalValue);
    const meta = raw["MetaData"] as { LastUpdatedTime?: string } | undefined;
    const name = String(fields["name"]).trim().toLowerCase();
    const localId = mappings.localIdOf(spec.objectType, qboId) ?? byQboColumn.get(qboId) ?? unlinkedByName.get(name);
    progress.tick();
    if (localId) {
      unlinkedByName.delete(name);
      const mapping = mappings.get(spec.objectType, localId);
      if (mapping && mapping.syncToken === syncToken && mapping.contentHash === hash) continue;
      await tx
        .update(table)
        .set({ ...fields, qboId } as Partial<typeof classes.$inferInsert>)
        .where(and(eq(table.organizationId, organizationId), eq(table.id, localId)));
      mappingWrites.push({ objectType: spec.objectType, localId, qboId, syncToken, lastUpdatedTime: meta?.LastUpdatedTime ?? null, contentHash: hash });
      progress.count(spec.objectType, "updated");
      ctx.observer?.listChanged(spec.objectType, "update", String(fields["name"]), qboId);
      continue;
    }
    const id = randomUUID();
    inserts.push({ ...fields, id, organizationId, qboId });
    mappingWrites.push({ objectType: spec.objectType, localId: id, qboId, syncToken, lastUpdatedTime: meta?.LastUpdatedTime ?? null, contentHash: hash });
    progress.count(spec.objectType, "created");
    ctx.observer?.listChanged(spec.objectType, "create", String(fields["name"]), qboId);
  }
  for (let i = 0; i < inserts.length; i += 500) {
    await tx.insert(table).values(inserts.slice(i, i + 500) as Array<typeof classes.$inferInsert>);
  }
  // Deleted in QBO (name lists are only deleted by merging): keep the row for history, inactive.
  for (const qboId of deletedIds) {
    progress.tick();
    const localId = mappings.localIdOf(spec.objectType, qboId);
    if (!localId) continue;
    await tx.update(table).set({ active: false }).where(and(eq(table.organizationId, organizationId), eq(table.id, localId)));
    progress.count(spec.objectType, "updated");
    ctx.observer?.listChanged(spec.objectType, "update", `QuickBooks ID ${qboId} (deleted in QuickBooks: made inactive)`, qboId);
  }
  await mappings.upsert(tx, mappingWrites);
}

/** The QBO name lists this phase reads, in order. */
export const REFERENCE_ENTITIES: readonly SyncedEntity[] = REFERENCE_LISTS.map((spec) => spec.entity);
