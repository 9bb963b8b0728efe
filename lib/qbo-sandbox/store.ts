/**
 * In-memory state of one sandbox company: a Map per entity, tombstones of deleted objects (for CDC),
 * the payment-link and party indexes that keep balances cheap to recompute, request-id replays,
 * and request counters. Everything here is plain data so it can be snapshotted to JSON.
 */
import type { CompanyChangeEntry } from "./persistence";
import { emptyStats } from "./stats";
import { ENTITY_NAMES, type ChangeEvent, type CompanySettings, type EntityName, type JsonObject, type SandboxStats } from "./types";

export interface ReplayEntry {
  status: number;
  body: string;
}

export interface CompanySnapshot {
  realmId: string;
  /** Who the company belongs to when a host app serves several tenants (see caller.ts); absent in older files. */
  tenant?: string | null;
  settings: CompanySettings;
  nextId: number;
  tables: Partial<Record<EntityName, JsonObject[]>>;
  tombstones: Partial<Record<EntityName, JsonObject[]>>;
  voided: string[];
  replays: [string, ReplayEntry][];
}

/** "Bill:12" — a record key unique within a company. */
export function recordKey(entity: EntityName, id: string): string {
  return `${entity}:${id}`;
}

export function splitKey(key: string): { entity: EntityName; id: string } {
  const index = key.indexOf(":");
  return { entity: key.slice(0, index) as EntityName, id: key.slice(index + 1) };
}

export class CompanyState {
  readonly tables = new Map<EntityName, Map<string, JsonObject>>();
  readonly tombstones = new Map<EntityName, Map<string, JsonObject>>();
  /** Keys of voided transactions (QBO shows them only through amounts and the PrivateNote). */
  readonly voided = new Set<string>();
  /** Target ("Bill:12") → payment key ("BillPayment:40") → cents applied. */
  readonly linksByTarget = new Map<string, Map<string, number>>();
  /** Payment key → the target keys it links (to undo its links on update/void/delete). */
  readonly linksByPayment = new Map<string, string[]>();
  /** Party ("Vendor:5") → keys of its transactions (bills, credits, payments). */
  readonly txnsByParty = new Map<string, Set<string>>();
  readonly replays = new Map<string, ReplayEntry>();
  stats: SandboxStats = emptyStats();
  /** The tenant (e.g. an app organisation) this company was created for; null when nobody's in particular. */
  tenant: string | null = null;
  private nextId = 1;

  constructor(
    readonly realmId: string,
    public settings: CompanySettings,
  ) {
    for (const name of ENTITY_NAMES) {
      this.tables.set(name, new Map());
      this.tombstones.set(name, new Map());
    }
  }

  allocateId(): string {
    const id = String(this.nextId);
    this.nextId += 1;
    return id;
  }

  table(entity: EntityName): Map<string, JsonObject> {
    const table = this.tables.get(entity);
    if (!table) throw new Error(`no table for ${entity}`);
    return table;
  }

  tombstoneTable(entity: EntityName): Map<string, JsonObject> {
    const table = this.tombstones.get(entity);
    if (!table) throw new Error(`no tombstones for ${entity}`);
    return table;
  }

  get(entity: EntityName, id: string): JsonObject | undefined {
    return this.table(entity).get(id);
  }

  get companyName(): string {
    const info = this.get("CompanyInfo", "1");
    const name = info?.["CompanyName"];
    return typeof name === "string" ? name : `Sandbox Company ${this.realmId}`;
  }

  toSnapshot(): CompanySnapshot {
    const tables: Partial<Record<EntityName, JsonObject[]>> = {};
    const tombstones: Partial<Record<EntityName, JsonObject[]>> = {};
    for (const name of ENTITY_NAMES) {
      tables[name] = [...this.table(name).values()];
      tombstones[name] = [...this.tombstoneTable(name).values()];
    }
    return {
      realmId: this.realmId,
      tenant: this.tenant,
      settings: this.settings,
      nextId: this.nextId,
      tables,
      tombstones,
      voided: [...this.voided],
      replays: [...this.replays],
    };
  }

  /**
   * What a write left behind, for the journal: every record its change events name, as it now is
   * (or its tombstone), the id counter and the request-id answer. Balances and links are derived
   * and rebuilt on load, so they need not be carried.
   */
  changeEntry(changes: readonly ChangeEvent[], replay?: [string, ReplayEntry]): CompanyChangeEntry {
    const put: Array<[EntityName, JsonObject]> = [];
    const removed: Array<[EntityName, JsonObject]> = [];
    const voided: Array<[string, boolean]> = [];
    const seen = new Set<string>();
    for (const change of changes) {
      const key = recordKey(change.entity, change.id);
      if (seen.has(key)) continue;
      seen.add(key);
      const record = this.get(change.entity, change.id);
      const tombstone = this.tombstoneTable(change.entity).get(change.id);
      if (record) put.push([change.entity, record]);
      else if (tombstone) removed.push([change.entity, tombstone]);
      voided.push([key, this.voided.has(key)]);
    }
    return { type: "company", realmId: this.realmId, nextId: this.nextId, put, removed, voided, ...(replay ? { replay } : {}) };
  }

  /** Re-applies a journalled write (on load); the caller rebuilds the indexes afterwards. */
  applyChange(entry: CompanyChangeEntry): void {
    this.nextId = Math.max(this.nextId, entry.nextId);
    for (const [entity, record] of entry.put) {
      const id = String(record["Id"]);
      this.table(entity).set(id, record);
      this.tombstoneTable(entity).delete(id);
    }
    for (const [entity, tombstone] of entry.removed) {
      const id = String(tombstone["Id"]);
      this.table(entity).delete(id);
      this.tombstoneTable(entity).set(id, tombstone);
    }
    for (const [key, isVoided] of entry.voided) {
      if (isVoided) this.voided.add(key);
      else this.voided.delete(key);
    }
    if (entry.replay) this.replays.set(entry.replay[0], entry.replay[1]);
  }

  /** Restores records; the caller rebuilds the link and party indexes afterwards. */
  static fromSnapshot(snapshot: CompanySnapshot): CompanyState {
    const company = new CompanyState(snapshot.realmId, snapshot.settings);
    company.nextId = snapshot.nextId;
    company.tenant = snapshot.tenant ?? null;
    for (const name of ENTITY_NAMES) {
      for (const record of snapshot.tables[name] ?? []) {
        const id = record["Id"];
        if (typeof id === "string") company.table(name).set(id, record);
      }
      for (const record of snapshot.tombstones[name] ?? []) {
        const id = record["Id"];
        if (typeof id === "string") company.tombstoneTable(name).set(id, record);
      }
    }
    for (const key of snapshot.voided) company.voided.add(key);
    for (const [requestId, entry] of snapshot.replays) company.replays.set(requestId, entry);
    return company;
  }
}
