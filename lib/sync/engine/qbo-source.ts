import type { QboEntityName } from "@/lib/qbo";
import { isLaterQboTime, laterQboTime, splitCdcWindow, type CdcEntityResult, type CdcRequest, type QboDeletedSnapshot, type SyncWindow } from "@/lib/sync/core";
import type { QboGateway } from "@/lib/sync/engine/gateway";

/** Entities the sync reads. */
export const SYNCED_ENTITIES = [
  "Account",
  "Item",
  "Class",
  "Department",
  "Term",
  "Vendor",
  "Customer",
  "Bill",
  "Invoice",
  "VendorCredit",
  "BillPayment",
  "Payment",
] as const satisfies readonly QboEntityName[];
export type SyncedEntity = (typeof SYNCED_ENTITIES)[number];

/** Entities whose links the engine checks and repairs (link-check.ts). */
const LINKED_ENTITIES = new Set<SyncedEntity>(["Vendor", "Customer", "Bill", "Invoice", "VendorCredit"]);

/** Name lists: a full pull must ask for inactive rows explicitly (QBO.md). */
const NAME_LISTS = new Set<SyncedEntity>(["Account", "Item", "Class", "Department", "Term", "Vendor", "Customer"]);

export interface EntityRecords {
  /** Live objects as QBO sent them (validated by the client's schemas). */
  live: unknown[];
  deleted: QboDeletedSnapshot[];
  /** True when `live` is every object of the entity (a full pull), so a missing linked one was deleted. */
  complete: boolean;
}

interface Changes {
  byId: Map<string, { raw: unknown; updated: string }>;
  deleted: Map<string, QboDeletedSnapshot>;
}

function lastUpdated(raw: unknown): string {
  const meta = (raw as { MetaData?: { LastUpdatedTime?: string } }).MetaData;
  return meta?.LastUpdatedTime ?? "";
}

function idOf(raw: unknown): string {
  return String((raw as { Id: string }).Id);
}

/**
 * Where this run reads QBO from: full queries (first sync, or the last one is older than CDC's
 * window) or one change-data-capture pass for every entity at once, narrowed when it hits the cap.
 * Each entity is read at most once per run (reference data and lists are cached here).
 */
export class QboSource {
  private readonly cache = new Map<SyncedEntity, EntityRecords>();
  private readonly arriving = new Map<SyncedEntity, Promise<void>>();
  private cdcLoaded = false;
  private readonly cdcDeleted = new Map<SyncedEntity, QboDeletedSnapshot[]>();
  private verifying = false;

  constructor(
    private readonly gateway: QboGateway,
    readonly window: SyncWindow,
  ) {}

  get mode(): "full" | "incremental" {
    return this.window.mode === "full" ? "full" : "incremental";
  }

  /**
   * After a run that did not finish (or left writes to recover), every link is checked: vendors,
   * customers, bills, invoices and credits are read in full, together with CDC's deletions, so a
   * linked object that is gone without a deletion is known to be lost (see link-check.ts).
   */
  verifyAllLinks(): void {
    this.verifying = true;
  }

  /** The records carry every deletion since the last good sync (an incremental run reads CDC). */
  get deletionsKnown(): boolean {
    return this.window.mode === "cdc";
  }

  async records(entity: SyncedEntity): Promise<EntityRecords> {
    await this.arrival(entity);
    if (this.verifying && this.window.mode === "cdc" && LINKED_ENTITIES.has(entity)) {
      await this.loadCdc(this.window.changedSince);
      return this.fullList(entity);
    }
    const cached = this.cache.get(entity);
    if (cached) return cached;
    if (this.window.mode === "cdc") {
      await this.loadCdc(this.window.changedSince);
      const fromCdc = this.cache.get(entity);
      if (fromCdc) return fromCdc;
    }
    return this.fullList(entity);
  }

  /**
   * Replaces (or adds) one object in this run's view of QBO, read again after this run changed it
   * indirectly (e.g. a BillPayment voided bumps the bill's and credit's SyncTokens): later phases
   * then write with its current SyncToken instead of failing as stale (5010).
   */
  async refresh(entity: SyncedEntity, raw: unknown): Promise<void> {
    const records = await this.records(entity);
    const id = idOf(raw);
    const at = records.live.findIndex((record) => idOf(record) === id);
    if (at >= 0) records.live[at] = raw;
    else records.live.push(raw);
  }

  /** Every object of the entity, whatever the window (cached). */
  async fullList(entity: SyncedEntity): Promise<EntityRecords> {
    await this.fullLists([entity]);
    const full = this.cache.get(entity) as EntityRecords;
    // CDC read in this run: its deletions go with the complete list.
    const deleted = this.cdcDeleted.get(entity);
    return deleted && deleted.length > 0 ? { ...full, deleted } : full;
  }

  /**
   * Every object of several entities, read together: their pages travel in a few batch requests
   * instead of one request per page (cached).
   */
  async fullLists(entities: readonly SyncedEntity[]): Promise<void> {
    this.startFullLists(entities);
    for (const entity of entities) await this.arrival(entity);
  }

  /**
   * What a full run will read, requested at once without waiting: each entity is ready as soon as
   * its own pages are in, so the first phases work while the large lists are still arriving.
   */
  prefetch(entities: readonly SyncedEntity[]): void {
    if (this.window.mode === "full") this.startFullLists(entities);
    else if (this.verifying) this.startFullLists(entities.filter((entity) => LINKED_ENTITIES.has(entity)));
  }

  private startFullLists(entities: readonly SyncedEntity[]): void {
    const missing = entities.filter((entity) => !this.cache.get(entity)?.complete && !this.arriving.has(entity));
    if (missing.length === 0) return;
    const rows = this.gateway.queryAllMany(missing.map((entity) => (NAME_LISTS.has(entity) ? { entity, where: "Active IN (true, false)" } : { entity })));
    for (const entity of missing) {
      const arrived = (rows.get(entity) ?? Promise.resolve([])).then((live) => {
        this.cache.set(entity, { live, deleted: [], complete: true });
      });
      arrived.catch(() => undefined); // surfaced to whoever waits for the entity
      this.arriving.set(entity, arrived);
    }
  }

  /** Waits for an entity requested earlier (a read failure surfaces here, in the phase that needs it). */
  private async arrival(entity: SyncedEntity): Promise<void> {
    const arriving = this.arriving.get(entity);
    if (!arriving) return;
    try {
      await arriving;
    } finally {
      this.arriving.delete(entity);
    }
  }

  private async loadCdc(changedSince: string): Promise<void> {
    if (this.cdcLoaded) return;
    this.cdcLoaded = true;
    const changes = new Map<SyncedEntity, Changes>(SYNCED_ENTITIES.map((e) => [e, { byId: new Map(), deleted: new Map() }]));
    const needsFullQuery = new Set<SyncedEntity>();
    const queue: CdcRequest[] = [{ entities: [...SYNCED_ENTITIES], changedSince }];
    while (queue.length > 0) {
      const request = queue.shift() as CdcRequest;
      const entities = request.entities as SyncedEntity[];
      const result = await this.gateway.cdc(entities, new Date(request.changedSince));
      const perEntity: CdcEntityResult[] = [];
      for (const entity of entities) {
        const target = changes.get(entity) as Changes;
        const live = (result.changed[entity] ?? []) as unknown[];
        const deleted = result.deleted[entity] ?? [];
        let max: string | undefined;
        for (const raw of live) {
          const updated = lastUpdated(raw);
          max = laterQboTime(max, updated);
          // Narrowed requests overlap: the newest version (as an instant, not as text) wins.
          const previous = target.byId.get(idOf(raw));
          if (!previous || !isLaterQboTime(previous.updated, updated)) target.byId.set(idOf(raw), { raw, updated });
        }
        for (const tomb of deleted) {
          const snapshot: QboDeletedSnapshot = { id: tomb.Id, deleted: true };
          const at = tomb.MetaData?.LastUpdatedTime;
          if (at) snapshot.lastUpdatedTime = at;
          target.deleted.set(tomb.Id, snapshot);
        }
        const entry: CdcEntityResult = { entity, count: live.length + deleted.length };
        if (max) entry.maxLastUpdatedTime = max;
        perEntity.push(entry);
      }
      const followUp = splitCdcWindow(request, perEntity);
      queue.push(...followUp.requests);
      for (const entity of followUp.fullQueryEntities) needsFullQuery.add(entity as SyncedEntity);
    }
    for (const [entity, change] of changes) {
      this.cdcDeleted.set(entity, [...change.deleted.values()]);
      if (needsFullQuery.has(entity)) continue;
      // A complete list read earlier in this run (verifying links) stays; CDC adds its deletions.
      if (this.cache.get(entity)?.complete) continue;
      this.cache.set(entity, {
        live: [...change.byId.values()].map((v) => v.raw),
        deleted: [...change.deleted.values()],
        complete: false,
      });
    }
    await this.fullLists([...needsFullQuery]);
    for (const entity of needsFullQuery) {
      (this.cache.get(entity) as EntityRecords).deleted = [...(changes.get(entity)?.deleted.values() ?? [])];
    }
  }
}
