/**
 * The QBO v3 API surface: `/v3/company/{realmId}/…`. Order per request mirrors Intuit's stack:
 * counters → rate limits (429) → injected faults → bearer auth (401/403) → the operation.
 */
import { runBatch, parseBatchRequest, type WriteOperation } from "./batch";
import { runCdc } from "./cdc";
import { formatQboEnvelopeTime } from "./clock";
import type { SandboxCore } from "./core";
import { createRecord, deleteRecord, readRecord, updateRecord, voidRecord, type WriteOutcome } from "./engine";
import { specForResource, type EntitySpec } from "./entity-specs";
import { authenticationFailedBody, faultBody, SERVICE_UNAVAILABLE_HTML, faults, QboFault, xmlServerErrorBody } from "./faults";
import { jsonResponse, rawJsonResponse, readJson, sleep } from "./http";
import { isObject, stringAt } from "./json";
import { maskResponse } from "./masking";
import { executeQuery } from "./query-executor";
import { parseQuery } from "./query-parser";
import type { ActiveFault } from "./fault-injector";
import type { CompanyState, ReplayEntry } from "./store";
import type { ChangeEvent, JsonObject, RequestKind } from "./types";
import { acceptsJson, toIntuitXml, XML_TYPE } from "./xml";

/** QBO's request id limits: 50 characters, 36 for a batch (QBO.md, Idempotency). */
const REQUEST_ID_MAX = 50;
const BATCH_REQUEST_ID_MAX = 36;

/** JSON when the request accepts it, XML otherwise, as QBO answers. */
function answer(request: Request, status: number, stored: JsonObject, headers: Record<string, string> = {}): Response {
  const body = maskResponse(stored);
  if (acceptsJson(request.headers.get("accept"))) return jsonResponse(status, body, headers);
  return new Response(toIntuitXml(body), { status, headers: { "content-type": XML_TYPE, ...headers } });
}

function faultAnswer(request: Request, fault: QboFault, time: string): Response {
  return answer(request, fault.httpStatus, faultBody(fault, time));
}

/** A stored (replayed) JSON body, rendered for this request. */
function answerText(request: Request, status: number, text: string): Response {
  if (acceptsJson(request.headers.get("accept"))) return rawJsonResponse(status, text);
  return answer(request, status, JSON.parse(text) as JsonObject);
}

export function classifyRequest(method: string, segments: string[]): RequestKind {
  const resource = segments[0]?.toLowerCase();
  if (resource === "query") return "query";
  if (resource === "cdc") return "cdc";
  if (resource === "batch") return "batch";
  if (resource === "companyinfo") return method === "GET" ? "companyinfo" : "write";
  if (resource === "preferences") return method === "GET" ? "preferences" : "write";
  if (resource && specForResource(resource)) return method === "GET" ? "read" : "write";
  return "other";
}

interface ApiRequest {
  core: SandboxCore;
  request: Request;
  url: URL;
  realmId: string;
  segments: string[];
}

export async function handleApiRequest(core: SandboxCore, request: Request, url: URL, realmId: string, segments: string[]): Promise<Response> {
  const time = formatQboEnvelopeTime(core.now());
  const company = core.companies.get(realmId);
  const kind = classifyRequest(request.method, segments);
  if (company) {
    company.stats.total += 1;
    company.stats.byKind[kind] += 1;
  }
  let admitted = false;
  if (core.throttling) {
    admitted = core.throttle.tryEnter(realmId, kind === "batch", core.now().getTime());
    if (!admitted) {
      if (company) company.stats.throttled += 1;
      return faultAnswer(request, faults.throttled(), time);
    }
  }
  try {
    const injected = await applyInjectedFault(core, request, url, realmId, company, time);
    if (injected) return injected;
    const auth = core.oauth.authenticate(request.headers.get("authorization"), core.now().getTime());
    if (!auth.ok) {
      if (company) company.stats.unauthorized += 1;
      const detail = auth.reason === "expired" ? "Token expired" : auth.reason === "missing" ? "Authorization header missing" : "Token invalid or revoked";
      return answer(request, 401, authenticationFailedBody(detail, time), { "www-authenticate": 'Bearer realm="Intuit", error="invalid_token"' });
    }
    if (auth.realmId !== realmId || !company) {
      return faultAnswer(request, faults.authorization(`The access token is not authorized for company ${realmId}.`), time);
    }
    return await route({ core, request, url, realmId, segments }, company, time);
  } catch (error) {
    if (error instanceof QboFault) return faultAnswer(request, error, time);
    throw error;
  } finally {
    if (admitted) core.throttle.leave(realmId);
  }
}

async function applyInjectedFault(
  core: SandboxCore,
  request: Request,
  url: URL,
  realmId: string,
  company: CompanyState | undefined,
  time: string,
): Promise<Response | undefined> {
  const fault = core.faults.take(realmId, url.pathname + url.search);
  if (!fault) return undefined;
  if (company) {
    company.stats.injectedFaults += 1;
    if (fault.kind === "429") company.stats.throttled += 1;
  }
  return renderInjectedFault(fault, request, time);
}

/** The response of an injected fault, or undefined when the request should proceed (after "slow"). */
export async function renderInjectedFault(fault: ActiveFault, request: Request, time: string): Promise<Response | undefined> {
  switch (fault.kind) {
    case "429":
      return faultAnswer(request, faults.throttled(), time);
    case "500":
      return new Response(xmlServerErrorBody(time), { status: 500, headers: { "content-type": "application/xml" } });
    case "503":
      return new Response(SERVICE_UNAVAILABLE_HTML, { status: 503, headers: { "content-type": "text/html" } });
    case "timeout":
      await sleep(fault.delayMs, request.signal);
      return new Response("<html><body><h1>504 Gateway Time-out</h1></body></html>", { status: 504, headers: { "content-type": "text/html" } });
    case "slow":
      await sleep(fault.delayMs, request.signal);
      return undefined;
  }
}

function entityEnvelope(entity: string, body: JsonObject, time: string): JsonObject {
  return { [entity]: body, time };
}

async function route(api: ApiRequest, company: CompanyState, time: string): Promise<Response> {
  const { core, request, url, segments } = api;
  const resource = (segments[0] ?? "").toLowerCase();
  const method = request.method;

  if (resource === "query") {
    const text = method === "GET" ? url.searchParams.get("query") : await request.text();
    if (!text || text.trim() === "") throw faults.requiredParam("query");
    return answer(request, 200, { QueryResponse: executeQuery(company, parseQuery(text)), time });
  }
  if (resource === "cdc" && method === "GET") {
    const body = runCdc(company, url.searchParams.get("entities"), url.searchParams.get("changedSince"), core.now());
    return answer(request, 200, { ...body, time });
  }
  if (resource === "batch" && method === "POST") {
    return withReplay(api, company, BATCH_REQUEST_ID_MAX, (input) => {
      const items = parseBatchRequest(input, core.options.batchMaxItems);
      company.stats.batches += 1;
      const result = runBatch(company, items, core.now(), (spec, operation, body) => performWrite(core, company, spec, operation, body));
      company.stats.writes += result.writes;
      return { status: 200, body: { ...result.body, time }, changes: result.changes };
    });
  }
  if (resource === "companyinfo" && method === "GET") {
    return answer(request, 200, entityEnvelope("CompanyInfo", readRecord(company, "CompanyInfo", "1"), time));
  }
  if (resource === "preferences" && method === "GET") {
    return answer(request, 200, entityEnvelope("Preferences", readRecord(company, "Preferences", "1"), time));
  }

  const spec = specForResource(resource);
  if (!spec) throw faults.unknownResource(url.pathname);
  if (method === "GET") {
    const id = segments[1];
    if (!id) throw faults.unsupportedOperation(`GET /${resource} without an Id (use /query)`);
    return answer(request, 200, entityEnvelope(spec.name, readRecord(company, spec.name, id), time));
  }
  if (method !== "POST") throw faults.unsupportedOperation(`${method} /${resource}`);
  return withReplay(api, company, REQUEST_ID_MAX, (body) => {
    if (!isObject(body)) throw faults.requestValidation("the request body must be a JSON object");
    const outcome = singleWrite(core, company, spec, url.searchParams, body);
    if (outcome.changes.length > 0) company.stats.writes += 1;
    return { status: 200, body: entityEnvelope(outcome.entity, outcome.body, time), changes: outcome.changes };
  });
}

function singleWrite(core: SandboxCore, company: CompanyState, spec: EntitySpec, params: URLSearchParams, body: JsonObject): WriteOutcome {
  const operation = params.get("operation")?.toLowerCase();
  const include = params.get("include")?.toLowerCase();
  const ctx = core.engine(company);
  if (operation === "delete") return deleteRecord(ctx, spec, body);
  if (operation === "void") {
    if (spec.voidStyle === "payment") {
      throw faults.unsupportedOperation(`operation=void on ${spec.name} (use operation=update&include=void)`);
    }
    // Entities that cannot be voided at all (Bill, …) get their business-validation fault here.
    return voidRecord(ctx, spec, body);
  }
  if (operation === "update" && include === "void") {
    if (spec.voidStyle !== "payment") throw faults.unsupportedOperation(`include=void on ${spec.name}`);
    return voidRecord(ctx, spec, body);
  }
  if (operation !== undefined && operation !== "update" && operation !== "create") throw faults.unsupportedOperation(`operation=${operation}`);
  if (operation === "update" || stringAt(body, "Id") !== undefined) return updateRecord(ctx, spec, body);
  return createRecord(ctx, spec, body);
}

export function performWrite(core: SandboxCore, company: CompanyState, spec: EntitySpec, operation: WriteOperation, body: JsonObject): WriteOutcome {
  const ctx = core.engine(company);
  if (operation === "delete") return deleteRecord(ctx, spec, body);
  // A batch `void` item voids whatever QBO lets you void (invoices, payments, bill payments).
  if (operation === "void") return voidRecord(ctx, spec, body);
  if (operation === "update") return updateRecord(ctx, spec, body);
  return createRecord(ctx, spec, body);
}

/**
 * `?requestid=`: the first outcome (success or validation fault) is stored per realm and replayed
 * verbatim for the same id, without writing again. The body is read first; the write, the stored
 * answer and their journal entry then happen without a pause, so no other request can see a change
 * that is not on disk yet, and the answer leaves only once it is.
 */
async function withReplay(
  api: ApiRequest,
  company: CompanyState,
  requestIdMax: number,
  run: (body: unknown) => { status: number; body: JsonObject; changes: ChangeEvent[] },
): Promise<Response> {
  const requestId = api.url.searchParams.get("requestid");
  if (requestId !== null && requestId.length > requestIdMax) {
    throw faults.lengthExceeded("requestid", requestIdMax, requestId.length);
  }
  if (requestId) {
    const stored = company.replays.get(requestId);
    if (stored) return answerText(api.request, stored.status, stored.body);
  }
  const input = await readJson(api.request);
  // Another request with the same id may have been answered while this body was arriving.
  const answered = requestId ? company.replays.get(requestId) : undefined;
  if (answered) return answerText(api.request, answered.status, answered.body);
  let status: number;
  let text: string;
  let changes: ChangeEvent[] = [];
  try {
    const result = run(input);
    status = result.status;
    text = JSON.stringify(maskResponse(result.body));
    changes = result.changes;
  } catch (error) {
    if (!(error instanceof QboFault)) throw error;
    status = error.httpStatus;
    text = JSON.stringify({ Fault: error.toJson(), time: formatQboEnvelopeTime(api.core.now()) });
  }
  const replay: [string, ReplayEntry] | undefined = requestId ? [requestId, { status, body: text }] : undefined;
  if (replay) company.replays.set(replay[0], replay[1]);
  api.core.committed(company, changes, replay);
  return answerText(api.request, status, text);
}
