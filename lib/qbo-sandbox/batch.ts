/**
 * `POST /batch`: up to `batchMaxItems` independent items (create / update / delete / void / query /
 * CDCQuery), each answered on its own with the entity, a QueryResponse, a CDCResponse, or a
 * per-item Fault. `CDCQuery: {Entities, ChangedSince}` is the item Intuit's Java SDK sends
 * (BatchItemRequestSerializer, "CDCQuery"); its answer carries one CDCResponse object.
 */
import { z } from "zod";
import { runCdc } from "./cdc";
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

export type WriteOperation = "create" | "update" | "delete" | "void";
const WRITE_OPERATIONS: readonly string[] = ["create", "update", "delete", "void"];
export type PerformWrite = (spec: EntitySpec, operation: WriteOperation, body: JsonObject) => WriteOutcome;

export interface BatchResult {
  body: JsonObject;
  writes: number;
  changes: ChangeEvent[];
}

const RESERVED_KEYS = new Set(["bId", "operation", "Query", "CDCQuery", "optionsData"]);

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

function isRead(item: JsonObject): boolean {
  return typeof item["Query"] === "string" || isObject(item["CDCQuery"]);
}

export function runBatch(company: CompanyState, items: JsonObject[], now: Date, performWrite: PerformWrite): BatchResult {
  const responses: JsonObject[] = [];
  // A query's rows must be snapshotted only when a later item of the batch may change them.
  const readOnly = items.every(isRead);
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
      const cdc = item["CDCQuery"];
      if (isObject(cdc)) {
        const entities = typeof cdc["Entities"] === "string" ? cdc["Entities"] : null;
        const since = typeof cdc["ChangedSince"] === "string" ? cdc["ChangedSince"] : null;
        const [block] = runCdc(company, entities, since, now)["CDCResponse"] as JsonObject[];
        responses.push({ bId, CDCResponse: readOnly ? (block ?? {}) : deepClone(block ?? {}) });
        continue;
      }
      const entityKey = Object.keys(item).find((key) => !RESERVED_KEYS.has(key));
      if (!entityKey) throw faults.requiredParam("BatchItemRequest entity");
      const spec = specForName(entityKey);
      if (!spec) throw faults.unknownResource(entityKey);
      const body = item[entityKey];
      if (!isObject(body)) throw faults.requiredParam(`BatchItemRequest ${entityKey}`);
      const operation = String(item["operation"] ?? "create");
      if (!WRITE_OPERATIONS.includes(operation)) throw faults.unsupportedOperation(operation);
      const outcome = performWrite(spec, operation as WriteOperation, body);
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
