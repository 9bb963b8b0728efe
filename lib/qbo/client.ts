import { z } from "zod";
import { QboError, qboErrorFromFault } from "@/lib/qbo/errors";
import { QboHttp, type QboHttpConfig, type QboRequest } from "@/lib/qbo/http";
import { buildQboQuery } from "@/lib/qbo/query-builder";
import { requestIdFor } from "@/lib/qbo/requestid";
import {
  companyInfoSchema,
  deletedEntitySchema,
  entitySchemas,
  preferencesSchema,
  type QboCompanyInfo,
  type QboDeletedEntity,
  type QboEntity,
  type QboEntityName,
  type QboPreferences,
} from "@/lib/qbo/schemas";

export interface QboClientOptions extends QboHttpConfig {
  /** Items per batch request; QBO sources say 10–30 (QBO.md), default 30. */
  batchMaxItems?: number;
  /** Rows per query page (MAXRESULTS), at most 1000. */
  queryPageSize?: number;
}

export interface WriteOptions {
  /** Idempotency key (see requestIdFor); the same id on a retry returns the original result. */
  requestId: string;
}

export interface UpdateOptions extends WriteOptions {
  /** Send only the given fields (`"sparse": true`) instead of replacing the whole object. */
  sparse?: boolean;
}

export interface ObjectVersion {
  Id: string;
  SyncToken: string;
}

/** Body of a create or update: QBO's JSON for the entity (read-only fields are ignored by QBO). */
export type QboWriteBody = Record<string, unknown>;

export type BatchItem =
  | { operation: "create" | "update" | "delete"; entity: QboEntityName; body: QboWriteBody }
  | { query: string };

export type BatchItemResult =
  | { ok: true; kind: "entity"; entity: QboEntityName; value: QboEntity<QboEntityName> }
  | { ok: true; kind: "deleted"; entity: QboEntityName; value: QboDeletedEntity }
  | { ok: true; kind: "query"; response: Record<string, unknown> }
  | { ok: false; error: QboError };

export type CdcChanges = { [E in QboEntityName]?: QboEntity<E>[] };
export type CdcDeletions = { [E in QboEntityName]?: QboDeletedEntity[] };

export interface CdcResult {
  changed: CdcChanges;
  deleted: CdcDeletions;
  /** QBO returns at most 1000 objects per CDC call: when reached, narrow the window and repeat. */
  limitReached: boolean;
}

const CDC_MAX_OBJECTS = 1000;
const QUERY_GET_MAX_LENGTH = 1500;

const queryEnvelope = z.looseObject({
  QueryResponse: z.looseObject({ totalCount: z.number().optional() }).default({}),
});
const batchEnvelope = z.looseObject({
  BatchItemResponse: z.array(z.looseObject({ bId: z.string() })).default([]),
});
const cdcEnvelope = z.looseObject({
  CDCResponse: z
    .array(z.looseObject({ QueryResponse: z.array(z.record(z.string(), z.unknown())).default([]) }))
    .default([]),
});

const VOID_PARAMS: Partial<Record<QboEntityName, Record<string, string>>> = {
  Invoice: { operation: "void" },
  Payment: { operation: "update", include: "void" },
  BillPayment: { operation: "update", include: "void" },
};

/**
 * `changedSince` as public SDKs send it: ISO 8601 to the second in UTC (`2026-12-03T08:00:00Z`;
 * quickbooks-ruby's ChangeDataCapture#since formats with Time#iso8601). Rounded down, so the window
 * never starts later than asked.
 */
export function cdcChangedSince(at: Date): string {
  return new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/**
 * Typed QuickBooks Online Accounting API v3 client for one realm. Identical against Intuit and
 * the built-in sandbox; only `endpoints` differ.
 */
export class QboClient {
  private readonly http: QboHttp;
  private readonly batchMaxItems: number;
  private readonly pageSize: number;

  constructor(options: QboClientOptions) {
    this.http = new QboHttp(options);
    this.batchMaxItems = options.batchMaxItems ?? 30;
    this.pageSize = options.queryPageSize ?? 1000;
    if (this.batchMaxItems < 1 || this.batchMaxItems > 30) throw new Error("batchMaxItems must be 1–30");
    if (this.pageSize < 1 || this.pageSize > 1000) throw new Error("queryPageSize must be 1–1000");
  }

  get realmId(): string {
    return this.http.realmId;
  }

  /** All rows matching `where`, fetched page by page until a short page. */
  async query<E extends QboEntityName>(
    entity: E,
    where?: string,
    options: { orderBy?: string } = {},
  ): Promise<QboEntity<E>[]> {
    const rows: QboEntity<E>[] = [];
    for (let start = 1; ; start += this.pageSize) {
      const text = buildQboQuery({
        entity,
        ...(where ? { where } : {}),
        ...(options.orderBy ? { orderBy: options.orderBy } : {}),
        startPosition: start,
        maxResults: this.pageSize,
      });
      const response = await this.runQuery(text);
      const page = response[entity];
      const list = page === undefined ? [] : z.array(z.unknown()).parse(page);
      list.forEach((row, index) => rows.push(parseEntity(entity, row, `${entity} query row ${start + index}`)));
      if (list.length < this.pageSize) return rows;
    }
  }

  /**
   * Every row of several entities at once, in pages of `queryPageSize` carried by batch requests
   * instead of one request per page: one batch asks each entity's COUNT(*) together with its first
   * page; each entity with more rows then gets its remaining pages in batches of its own, sent
   * concurrently. Knowing the count avoids the empty page that plain paging needs to see the end.
   * Each entity's promise settles as soon as its own pages are in, so a caller can work on the
   * small lists while the large ones are still arriving. Rows created between the count and the
   * last page are left to the next change-data-capture pass (a sync reads changes since its start).
   */
  queryAllMany<E extends QboEntityName>(
    specs: ReadonlyArray<{ entity: E; where?: string }>,
    options: { pagesPerBatch?: number; onRequest?: () => void } = {},
  ): Map<E, Promise<QboEntity<E>[]>> {
    const pagesPerBatch = Math.min(options.pagesPerBatch ?? this.batchMaxItems, this.batchMaxItems);
    const page = (spec: { entity: E; where?: string }, startPosition: number) =>
      buildQboQuery({ entity: spec.entity, ...(spec.where ? { where: spec.where } : {}), startPosition, maxResults: this.pageSize });
    const rowsOf = (entity: E, response: Record<string, unknown>, startPosition: number) => {
      const list = response[entity] === undefined ? [] : z.array(z.unknown()).parse(response[entity]);
      return list.map((row, index) => parseEntity(entity, row, `${entity} query row ${startPosition + index}`));
    };

    const first = this.queryStatements(
      specs.flatMap((spec) => [buildQboQuery({ entity: spec.entity, select: "COUNT(*)", ...(spec.where ? { where: spec.where } : {}) }), page(spec, 1)]),
      this.batchMaxItems,
      options.onRequest,
    );
    const result = new Map<E, Promise<QboEntity<E>[]>>();
    specs.forEach((spec, i) => {
      const rows = (async () => {
        const answers = await first;
        const total = Number(answers[2 * i]?.totalCount ?? 0);
        const starts: number[] = [];
        for (let start = 1 + this.pageSize; start <= total; start += this.pageSize) starts.push(start);
        const rest = starts.length === 0 ? [] : await this.queryStatements(starts.map((start) => page(spec, start)), pagesPerBatch, options.onRequest);
        return [rowsOf(spec.entity, answers[2 * i + 1] ?? {}, 1), ...rest.map((response, k) => rowsOf(spec.entity, response, starts[k] as number))].flat();
      })();
      // Whoever asks for the entity sees its failure; an entity nobody asks for must not crash the process.
      rows.catch(() => undefined);
      result.set(spec.entity, rows);
    });
    return result;
  }

  /**
   * Query statements in batch requests of at most `perBatch`, sent concurrently (the rate budget
   * keeps them within QBO's limits); answers in input order. A failed item fails the read.
   */
  private async queryStatements(texts: readonly string[], perBatch: number, onRequest?: () => void): Promise<Array<Record<string, unknown>>> {
    const chunks: Array<{ offset: number; texts: string[] }> = [];
    for (let offset = 0; offset < texts.length; offset += perBatch) chunks.push({ offset, texts: texts.slice(offset, offset + perBatch) });
    const answered = await Promise.all(
      chunks.map(async ({ offset, texts: chunk }) => {
        onRequest?.();
        // Reads change nothing, so they carry no request id (QBO replays only writes).
        const response = await this.http.send({
          method: "POST",
          path: "batch",
          body: { BatchItemRequest: chunk.map((Query, i) => ({ bId: `q${offset + i}`, Query })) },
          kind: "batch",
        });
        const byBId = new Map(parseWith(batchEnvelope, response.json, "batch response").BatchItemResponse.map((r) => [r.bId, r]));
        return chunk.map((_, i) => {
          const bId = `q${offset + i}`;
          const answer = byBId.get(bId);
          if (!answer) throw invalidResponse(`batch item ${bId}`, "QBO returned no answer for this query");
          const fault = answer.Fault === undefined ? null : qboErrorFromFault(answer.Fault, response.status, response.intuitTid);
          if (fault) throw fault;
          return parseWith(queryEnvelope, answer, `batch item ${bId}`).QueryResponse;
        });
      }),
    );
    return answered.flat();
  }

  /** Several query statements (no paging) in batch requests of up to 30; their QueryResponses in order. */
  queryEach(texts: readonly string[], options: { onRequest?: () => void } = {}): Promise<Array<Record<string, unknown>>> {
    return texts.length === 0 ? Promise.resolve([]) : this.queryStatements(texts, this.batchMaxItems, options.onRequest);
  }

  async count(entity: QboEntityName, where?: string): Promise<number> {
    const response = await this.runQuery(buildQboQuery({ entity, select: "COUNT(*)", ...(where ? { where } : {}) }));
    return response.totalCount ?? 0;
  }

  /** Runs one query statement as given (no paging) and returns its QueryResponse. */
  async runQuery(text: string): Promise<z.infer<typeof queryEnvelope>["QueryResponse"]> {
    const request: QboRequest =
      text.length <= QUERY_GET_MAX_LENGTH
        ? { method: "GET", path: "query", params: { query: text } }
        : { method: "POST", path: "query", body: text, contentType: "application/text" };
    const { json } = await this.http.send(request);
    return parseWith(queryEnvelope, json, "query response").QueryResponse;
  }

  async read<E extends QboEntityName>(entity: E, id: string): Promise<QboEntity<E>> {
    const { json } = await this.http.send({ method: "GET", path: `${pathOf(entity)}/${encodeURIComponent(id)}` });
    return parseEntity(entity, envelopeValue(json, entity), `${entity} ${id}`);
  }

  async create<E extends QboEntityName>(entity: E, body: QboWriteBody, options: WriteOptions): Promise<QboEntity<E>> {
    return this.write(entity, body, options.requestId, {});
  }

  /** Full update (replaces the object) or sparse update; body must carry Id and SyncToken. */
  async update<E extends QboEntityName>(
    entity: E,
    body: QboWriteBody & ObjectVersion,
    options: UpdateOptions,
  ): Promise<QboEntity<E>> {
    const payload = options.sparse ? { ...body, sparse: true } : body;
    return this.write(entity, payload, options.requestId, {});
  }

  async delete(entity: QboEntityName, version: ObjectVersion, options: WriteOptions): Promise<QboDeletedEntity> {
    checkRequestId(options.requestId, 50);
    const { json } = await this.http.send({
      method: "POST",
      path: pathOf(entity),
      params: { operation: "delete", requestid: options.requestId },
      body: { Id: version.Id, SyncToken: version.SyncToken },
    });
    return parseWith(deletedEntitySchema, envelopeValue(json, entity), `${entity} delete response`);
  }

  /**
   * Voids a transaction (it keeps its Id; amounts become 0). Invoices use `operation=void`,
   * payments and bill payments a sparse update with `include=void`. Bills cannot be voided.
   */
  async void<E extends QboEntityName>(entity: E, version: ObjectVersion, options: WriteOptions): Promise<QboEntity<E>> {
    const params = VOID_PARAMS[entity];
    if (!params) {
      const hint = entity === "Bill" ? "QuickBooks Online bills cannot be voided, only deleted" : `${entity} cannot be voided through this client`;
      throw new QboError({ code: "not_voidable", message: hint, detail: "", httpStatus: 0, kind: "validation" });
    }
    const body =
      params.operation === "void"
        ? { Id: version.Id, SyncToken: version.SyncToken }
        : { Id: version.Id, SyncToken: version.SyncToken, sparse: true };
    return this.write(entity, body, options.requestId, params);
  }

  /**
   * Independent operations in batch requests of ≤ batchMaxItems. Results come back in input
   * order; each item succeeds or fails alone. Chunk i > 0 uses a request id derived from the
   * given one, so replaying the same call replays every chunk.
   */
  async batch(items: readonly BatchItem[], options: WriteOptions): Promise<BatchItemResult[]> {
    checkRequestId(options.requestId, 36);
    const results: BatchItemResult[] = [];
    for (let offset = 0; offset < items.length; offset += this.batchMaxItems) {
      const chunk = items.slice(offset, offset + this.batchMaxItems);
      const chunkIndex = offset / this.batchMaxItems;
      const requestId = chunkIndex === 0 ? options.requestId : chunkRequestId(options.requestId, chunkIndex);
      results.push(...(await this.sendBatch(chunk, offset, requestId)));
    }
    return results;
  }

    /** Objects changed since `changedSince` (≤ 30 days back), grouped by entity, deletions apart. */
  async cdc(entities: readonly QboEntityName[], changedSince: Date): Promise<CdcResult> {
    if (entities.length === 0) throw new Error("cdc needs at least one entity");
    const { json } = await this.http.send({
      method: "GET",
      path: "cdc",
      params: { entities: entities.join(","), changedSince: cdcChangedSince(changedSince) },
    });
    const changed: Record<string, unknown[]> = {};
    const deleted: Record<string, QboDeletedEntity[]> = {};
    let total = 0;
    for (const block of parseWith(cdcEnvelope, json, "CDC response").CDCResponse) {
      for (const group of block.QueryResponse) {
        for (const entity of entities) {
          const rows = group[entity];
          if (rows === undefined) continue;
          for (const row of z.array(z.unknown()).parse(rows)) {
            total++;
            const asDeleted = deletedEntitySchema.safeParse(row);
            if (asDeleted.success) (deleted[entity] ??= []).push(asDeleted.data);
            else (changed[entity] ??= []).push(parseEntity(entity, row, `${entity} in CDC`));
          }
        }
      }
    }
    // The records were validated per entity above; the index signature cannot express that.
    return { changed: changed as CdcChanges, deleted: deleted as CdcDeletions, limitReached: total >= CDC_MAX_OBJECTS };
  }

  async companyInfo(): Promise<QboCompanyInfo> {
    const { json } = await this.http.send({ method: "GET", path: `companyinfo/${encodeURIComponent(this.realmId)}` });
    return parseWith(companyInfoSchema, envelopeValue(json, "CompanyInfo"), "CompanyInfo");
  }

  async preferences(): Promise<QboPreferences> {
    const { json } = await this.http.send({ method: "GET", path: "preferences" });
    return parseWith(preferencesSchema, envelopeValue(json, "Preferences"), "Preferences");
  }

  private async write<E extends QboEntityName>(
    entity: E,
    body: QboWriteBody,
    requestId: string,
    params: Record<string, string>,
  ): Promise<QboEntity<E>> {
    checkRequestId(requestId, 50);
    const { json } = await this.http.send({
      method: "POST",
      path: pathOf(entity),
      params: { ...params, requestid: requestId },
      body,
    });
    return parseEntity(entity, envelopeValue(json, entity), `${entity} write response`);
  }

  private async sendBatch(chunk: readonly BatchItem[], offset: number, requestId: string): Promise<BatchItemResult[]> {
    const bIds = chunk.map((_, i) => `b${offset + i}`);
    const BatchItemRequest = chunk.map((item, i) =>
      "query" in item
        ? { bId: bIds[i], Query: item.query }
        : { bId: bIds[i], operation: item.operation, [item.entity]: item.body },
    );
    const response = await this.http.send({
      method: "POST",
      path: "batch",
      params: { requestid: requestId },
      body: { BatchItemRequest },
      kind: "batch",
    });
    const byBId = new Map(
      parseWith(batchEnvelope, response.json, "batch response").BatchItemResponse.map((r) => [r.bId, r]),
    );
    return chunk.map((item, i): BatchItemResult => {
      const bId = bIds[i] as string;
      const answer = byBId.get(bId);
      if (!answer) {
        return { ok: false, error: invalidResponse(`batch item ${bId}`, "QBO returned no answer for this batch item") };
      }
      const fault = answer.Fault === undefined ? null : qboErrorFromFault(answer.Fault, response.status, response.intuitTid);
      if (fault) return { ok: false, error: fault };
      try {
        if ("query" in item) {
          return { ok: true, kind: "query", response: parseWith(queryEnvelope, answer, `batch item ${bId}`).QueryResponse };
        }
        const value = answer[item.entity];
        if (item.operation === "delete") {
          return { ok: true, kind: "deleted", entity: item.entity, value: parseWith(deletedEntitySchema, value, `batch item ${bId}`) };
        }
        return { ok: true, kind: "entity", entity: item.entity, value: parseEntity(item.entity, value, `batch item ${bId}`) };
      } catch (error) {
        if (error instanceof QboError) return { ok: false, error };
        throw error;
      }
    });
  }
}

function pathOf(entity: QboEntityName): string {
  return entity.toLowerCase();
}

function envelopeValue(json: unknown, key: string): unknown {
  return typeof json === "object" && json !== null ? (json as Record<string, unknown>)[key] : undefined;
}

function parseEntity<E extends QboEntityName>(entity: E, value: unknown, context: string): QboEntity<E> {
  // Indexing the schema map by a generic key yields a union schema; its output is QboEntity<E>.
  return parseWith(entitySchemas[entity], value, context) as QboEntity<E>;
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, context: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw invalidResponse(context, z.prettifyError(parsed.error));
}

function invalidResponse(context: string, detail: string): QboError {
  return new QboError({
    code: "invalid_response",
    message: `Unexpected ${context} from QuickBooks Online`,
    detail,
    httpStatus: 200,
    kind: "fatal",
  });
}

function checkRequestId(requestId: string, maxLength: number): void {
  if (requestId.length === 0 || requestId.length > maxLength) {
    throw new Error(`requestid must be 1–${maxLength} characters (use requestIdFor)`);
  }
}

/** Deterministic, distinct, 36-char request id for batch chunk `index` of a larger batch. */
function chunkRequestId(requestId: string, index: number): string {
  return requestIdFor(`${requestId}#batch-chunk-${index}`);
}
