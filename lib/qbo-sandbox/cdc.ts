/**
 * Change data capture: every object of the listed entities changed since `changedSince`, full
 * objects first then deletions as `{Id, status: "Deleted", MetaData}`, each group ordered by
 * LastUpdatedTime. Lookback is limited to 30 days. A response holds at most 1000 objects: the
 * sandbox keeps the 1000 *oldest* changes across all entities, so a client that hits the cap can
 * continue from the newest LastUpdatedTime it received (or narrow its window).
 */
import { parseQboDateTime } from "./clock";
import { specForName } from "./entity-specs";
import { faults, QboFault } from "./faults";
import { objectAt, stringAt } from "./json";
import type { CompanyState } from "./store";
import type { EntityName, JsonObject } from "./types";

export const CDC_MAX_OBJECTS = 1000;
export const CDC_LOOKBACK_DAYS = 30;

interface Candidate {
  entity: EntityName;
  record: JsonObject;
  time: number;
  deleted: boolean;
}

function updatedAt(record: JsonObject): number {
  const meta = objectAt(record, "MetaData");
  const text = meta ? stringAt(meta, "LastUpdatedTime") : undefined;
  return text ? parseQboDateTime(text) : Number.NaN;
}

export function cdcValidationFault(detail: string, element: string): QboFault {
  return new QboFault("4000", "Invalid CDC request", detail, element);
}

export function runCdc(company: CompanyState, entitiesParam: string | null, changedSinceParam: string | null, now: Date): JsonObject {
  if (!entitiesParam) throw faults.requiredParam("entities");
  if (!changedSinceParam) throw faults.requiredParam("changedSince");
  const since = parseQboDateTime(changedSinceParam);
  if (Number.isNaN(since)) throw cdcValidationFault(`changedSince is not a valid date-time: ${changedSinceParam}`, "changedSince");
  if (since < now.getTime() - CDC_LOOKBACK_DAYS * 86_400_000) {
    throw cdcValidationFault(`changedSince must be within the last ${CDC_LOOKBACK_DAYS} days.`, "changedSince");
  }
  const entities: EntityName[] = [];
  for (const name of entitiesParam.split(",").map((part) => part.trim()).filter(Boolean)) {
    const spec = specForName(name);
    if (!spec) throw cdcValidationFault(`Entity ${name} is not supported by change data capture.`, "entities");
    if (!entities.includes(spec.name)) entities.push(spec.name);
  }

  const candidates: Candidate[] = [];
  for (const entity of entities) {
    for (const record of company.table(entity).values()) {
      const time = updatedAt(record);
      if (time >= since) candidates.push({ entity, record, time, deleted: false });
    }
    for (const record of company.tombstoneTable(entity).values()) {
      const time = updatedAt(record);
      if (time >= since) candidates.push({ entity, record, time, deleted: true });
    }
  }
  candidates.sort((a, b) => a.time - b.time || Number(a.record["Id"]) - Number(b.record["Id"]));
  const kept = candidates.slice(0, CDC_MAX_OBJECTS);

  const groups: JsonObject[] = entities.map((entity) => {
    const live = kept.filter((c) => c.entity === entity && !c.deleted).map((c) => c.record);
    const deleted = kept.filter((c) => c.entity === entity && c.deleted).map((c) => c.record);
    const objects = [...live, ...deleted];
    const group: JsonObject = {};
    if (objects.length === 0) return group;
    group[entity] = objects;
    group["startPosition"] = 1;
    group["maxResults"] = objects.length;
    return group;
  });
  return { CDCResponse: [{ QueryResponse: groups }] };
}
