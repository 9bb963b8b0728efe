/**
 * `POST /batch`: up to `batchMaxItems` independent items (create / update / delete / query), each
 * answered on its own with the entity, a QueryResponse, or a per-item Fault.
 */
import { z } from "zod";
import { specForName, type EntitySpec } from "./entity-specs";
import type { WriteOutcome } from "./engine";
import { faults, QboFault } from "./faults";
import { deepClone, isObject } from "./json";
import { executeQuery } from "./query-executor";
import { parseQuery } from "./query-parser";
import type { CompanyState } from "./store";
import type { ChangeEvent, JsonObject } from "./types";

const batchRequestSchema = z.object({
  BatchItemRequest: z.array(z.record(z.string(), z.json())),
});

export type WriteOperation = "create" | "update" | "delete";
export type PerformWrite = (spec: EntitySpec, operation: WriteOperation, body: JsonObject) => WriteOutcome;

export interface BatchResult {
  body: JsonObject;
  writes: number;
  changes: ChangeEvent[];
}

const RESERVED_KEYS = new Set(["bId", "operation", "Query", "optionsData"]);

function batchItemFault(fault: QboFault): JsonObject {
  return fault.toJson();
}

export function parseBatchRequest(input: unknown, maxItems: number): JsonObject[] {
  const parsed = batchRequestSchema.safeParse(input);
  if (!parsed.success) throw faults.requiredParam("BatchItemRequest");
  const items = parsed.data.BatchItemRequest as JsonObject[];
  if (items.length === 0) throw faults.requiredParam("BatchItemRequest");
  if (items.length > maxItems) {
    throw new QboFault(
      "2010",
      "Request has invalid or unsupported property",
      `Property Name:BatchItemRequest specified is unsupported or invalid: a batch may contain at most ${maxItems} items, got ${items.length}`,
      "BatchItemRequest",
    );
  }
  return items;
}

export function runBatch(company: CompanyState, items: JsonObject[], performWrite: PerformWrite): BatchResult {
  const responses: JsonObject[] = [];
  // A query's rows must be snapshotted only when a later item of the batch may change them.
  const readOnly = items.every((item) => typeof item["Query"] === "string");
  const changes: ChangeEvent[] = [];
  let writes = 0;
  for (const item of items) {
    const bId = typeof item["bId"] === "string" ? item["bId"] : String(item["bId"] ?? "");
    try {
      const query = item["Query"];
      if (typeof query === "string") {
        const result = executeQuery(company, parseQuery(query));
        responses.push({ bId, QueryResponse: readOnly ? result : deepClone(result) });
        continue;
      }
      const entityKey = Object.keys(item).find((key) => !RESERVED_KEYS.has(key));
      const spec = entityKey ? specForName(entityKey) : undefined;
      const body = entityKey ? item[entityKey] : undefined;
      if (!entityKey || !spec || !isObject(body)) throw faults.requiredParam("BatchItemRequest entity");
      const operation = item["operation"] ?? "create";
      if (operation !== "create" && operation !== "update" && operation !== "delete") {
        throw faults.unsupportedOperation(String(operation));
      }
      const outcome = performWrite(spec, operation, body);
      if (outcome.changes.length > 0) writes += 1;
      changes.push(...outcome.changes);
      // Snapshot now: a later item may change this record again (e.g. pay the bill just created).
      responses.push({ bId, [outcome.entity]: deepClone(outcome.body) });
    } catch (error) {
      if (!(error instanceof QboFault)) throw error;
      responses.push({ bId, Fault: batchItemFault(error) });
    }
  }
  return { body: { BatchItemResponse: responses }, writes, changes };
}
