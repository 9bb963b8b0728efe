import { and, eq, inArray, sql } from "drizzle-orm";
import { bulkInsert } from "@/lib/db/bulk-insert";
import type { Db, Tx } from "@/lib/db/connection";
import { syncMappings } from "@/lib/db/schema";
import type { MappingEntry, QboTwinState, RefKind, RefResolver } from "@/lib/sync/core";
import type { SyncObjectType } from "@/lib/sync/engine/types";

/** RefKind of the core → the engine's object type (QBO "departments" are the app's locations). */
const OBJECT_TYPE_OF: Record<RefKind, SyncObjectType> = {
  account: "account",
  item: "item",
  class: "class",
  department: "location",
  term: "term",
  vendor: "vendor",
  customer: "customer",
  bill: "bill",
  invoice: "invoice",
  vendor_credit: "vendor_credit",
  bill_payment: "bill_payment",
  payment: "payment",
};

export interface MappingWrite {
  objectType: SyncObjectType;
  localId: string;
  qboId: string;
  syncToken: string;
  lastUpdatedTime?: string | null;
  contentHash: string;
  /** What the QBO twin is after this write (absent: live, the usual case of a create or update). */
  qboState?: QboTwinState;
}

/**
 * The mapping ledger of one organisation and realm, loaded once per run and kept in step with
 * every write. Writes are upserts only: a mapping is never deleted, so a QBO twin is never
 * imported twice.
 */
export class MappingStore {
  private readonly byLocal = new Map<string, Map<string, MappingEntry>>();
  private readonly byQbo = new Map<string, Map<string, string>>();

  constructor(
    readonly organizationId: string,
    readonly realmId: string,
  ) {}

  static async load(db: Db, organizationId: string, realmId: string): Promise<MappingStore> {
    const store = new MappingStore(organizationId, realmId);
    const rows = await db
      .select()
      .from(syncMappings)
      .where(and(eq(syncMappings.organizationId, organizationId), eq(syncMappings.realmId, realmId)));
    for (const row of rows) {
      store.remember({
        objectType: row.objectType as SyncObjectType,
        localId: row.localId,
        qboId: row.qboId,
        syncToken: row.syncToken,
        lastUpdatedTime: row.lastUpdatedTime,
        contentHash: row.contentHash,
        qboState: row.qboState,
        qboBalanceCents: row.qboBalanceCents,
      });
    }
    return store;
  }

  private remember(write: MappingWrite & { qboBalanceCents?: number | null }): void {
    let local = this.byLocal.get(write.objectType);
    if (!local) this.byLocal.set(write.objectType, (local = new Map()));
    let qbo = this.byQbo.get(write.objectType);
    if (!qbo) this.byQbo.set(write.objectType, (qbo = new Map()));
    const previous = local.get(write.localId);
    if (previous && previous.qboId !== write.qboId) qbo.delete(previous.qboId);
    local.set(write.localId, {
      localId: write.localId,
      qboId: write.qboId,
      syncToken: write.syncToken,
      lastUpdatedTime: write.lastUpdatedTime ?? "",
      contentHash: write.contentHash,
      qboState: write.qboState ?? "live",
      qboBalanceCents: write.qboBalanceCents !== undefined ? write.qboBalanceCents : (previous?.qboBalanceCents ?? null),
    });
    qbo.set(write.qboId, write.localId);
  }

  list(objectType: SyncObjectType): MappingEntry[] {
    return [...(this.byLocal.get(objectType)?.values() ?? [])];
  }

  get(objectType: SyncObjectType, localId: string): MappingEntry | undefined {
    return this.byLocal.get(objectType)?.get(localId);
  }

  localIdOf(objectType: SyncObjectType, qboId: string): string | undefined {
    return this.byQbo.get(objectType)?.get(qboId);
  }

  resolver(): RefResolver {
    return {
      toQbo: (kind, localId) => this.get(OBJECT_TYPE_OF[kind], localId)?.qboId,
      toLocal: (kind, qboId) => this.localIdOf(OBJECT_TYPE_OF[kind], qboId),
    };
  }

  /** Drops a link (a broken one, see link-repair.ts) from the in-memory view. */
  forget(objectType: SyncObjectType, localId: string): void {
    const entry = this.byLocal.get(objectType)?.get(localId);
    if (!entry) return;
    this.byLocal.get(objectType)?.delete(localId);
    if (this.byQbo.get(objectType)?.get(entry.qboId) === localId) this.byQbo.get(objectType)?.delete(entry.qboId);
  }

  /**
   * Upsert mappings (inside the caller's transaction) and keep the in-memory view in step. A write
   * that would link a QBO object already linked to another record of its type is not made (the
   * unique index would refuse the whole statement, and with it every later run): it is returned,
   * for the caller to report.
   */
  async upsert(tx: Db | Tx, writes: readonly MappingWrite[]): Promise<MappingWrite[]> {
    if (writes.length === 0) return [];
    // Postgres refuses to upsert the same key twice in one statement: the last write wins.
    const latest = new Map(writes.map((w) => [`${w.objectType}\u0000${w.localId}`, w]));
    const rejected: MappingWrite[] = [];
    const claimed = new Map<string, string>();
    const unique = new Map<string, MappingWrite>();
    for (const [key, write] of latest) {
      const qboKey = `${write.objectType}\u0000${write.qboId}`;
      // The index is checked row by row: a link must be dropped (link-repair.ts) before its QBO id moves.
      const holder = this.localIdOf(write.objectType, write.qboId);
      const takenHere = claimed.get(qboKey);
      if ((holder !== undefined && holder !== write.localId) || (takenHere !== undefined && takenHere !== write.localId)) {
        rejected.push(write);
        continue;
      }
      claimed.set(qboKey, write.localId);
      unique.set(key, write);
    }
    if (unique.size === 0) return rejected;
    const rows = [...unique.values()].map((w) => ({
      organizationId: this.organizationId,
      objectType: w.objectType,
      localId: w.localId,
      realmId: this.realmId,
      qboId: w.qboId,
      syncToken: w.syncToken,
      lastUpdatedTime: w.lastUpdatedTime ?? null,
      contentHash: w.contentHash,
      qboState: w.qboState ?? "live",
      syncedAt: new Date(),
    }));
    await bulkInsert(tx, syncMappings, rows, {
      onConflict: {
        target: ["organizationId", "objectType", "localId"],
        update: ["realmId", "qboId", "syncToken", "lastUpdatedTime", "contentHash", "qboState", "syncedAt"],
      },
    });
    for (const write of unique.values()) this.remember(write);
    return rejected;
  }

  /**
   * Remembers the QBO Balance of linked twins (null when it equals the total: unpaid), so a page
   * can say "Paid in QuickBooks" while 2-Way Payment Sync keeps the payment there. Only changed
   * balances are written: one statement per 500.
   */
  async recordQboBalances(tx: Db | Tx, objectType: SyncObjectType, balances: ReadonlyArray<{ localId: string; qboBalanceCents: number | null }>): Promise<void> {
    for (let i = 0; i < balances.length; i += 500) {
      const chunk = balances.slice(i, i + 500);
      const cases = sql.join(
        chunk.map((b) => sql`when ${b.localId}::uuid then ${b.qboBalanceCents}::bigint`),
        sql` `,
      );
      await tx
        .update(syncMappings)
        .set({ qboBalanceCents: sql`case ${syncMappings.localId} ${cases} end` })
        .where(
          and(
            eq(syncMappings.organizationId, this.organizationId),
            eq(syncMappings.objectType, objectType),
            inArray(syncMappings.localId, chunk.map((b) => b.localId)),
          ),
        );
      for (const b of chunk) {
        const entry = this.byLocal.get(objectType)?.get(b.localId);
        if (entry) entry.qboBalanceCents = b.qboBalanceCents;
      }
    }
  }
}
