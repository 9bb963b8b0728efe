/**
 * Test helpers: a sandbox over real HTTP with one seeded company and a bearer token, plus a tiny
 * fetch wrapper that parses JSON whatever the status. Imported only by *.test.ts files.
 */
import { startSandboxServer, type SandboxServer, type SandboxServerOptions } from "./server";
import type { JsonObject, SeedSpec } from "./types";

export interface ApiResult {
  status: number;
  headers: Headers;
  body: JsonObject;
  text: string;
}

export interface SandboxFixture {
  server: SandboxServer;
  realmId: string;
  accessToken: string;
  refreshToken: string;
  /** Calls `/v3/company/{realmId}{path}` with the bearer token. */
  api(path: string, init?: { method?: string; body?: unknown; contentType?: string; token?: string }): Promise<ApiResult>;
  query(text: string): Promise<ApiResult>;
  close(): Promise<void>;
}

export async function parseResult(response: Response): Promise<ApiResult> {
  const text = await response.text();
  let body: JsonObject = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) body = parsed as JsonObject;
  } catch {
    body = {};
  }
  return { status: response.status, headers: response.headers, body, text };
}

export async function startFixture(
  options: SandboxServerOptions & { seed?: SeedSpec; companyName?: string } = {},
): Promise<SandboxFixture> {
  const { seed, companyName, ...serverOptions } = options;
  const server = await startSandboxServer({ throttling: false, ...serverOptions });
  const company = server.sandbox.createCompany(seed ? { name: companyName, seed } : { name: companyName });
  const tokens = server.sandbox.issueTokens(company.realmId);
  const api: SandboxFixture["api"] = async (path, init = {}) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${init.token ?? tokens.access_token}`,
      accept: "application/json",
    };
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
      headers["content-type"] = init.contentType ?? "application/json";
    }
    const separator = path.includes("?") ? "&" : "?";
    const response = await fetch(`${server.url}/v3/company/${company.realmId}${path}${separator}minorversion=75`, {
      method: init.method ?? (body === undefined ? "GET" : "POST"),
      headers,
      body,
    });
    return parseResult(response);
  };
  return {
    server,
    realmId: company.realmId,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    api,
    query: (text) => api(`/query?query=${encodeURIComponent(text)}`),
    close: () => server.close(),
  };
}

/** Reads a nested value for assertions: get(body, "Bill", "Id"). */
export function get(value: unknown, ...path: (string | number)[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function faultCode(result: ApiResult): unknown {
  return get(result.body, "Fault", "Error", 0, "code");
}

/** The Id of the first `entity` row matching `where` (throws when there is none). */
export async function idWhere(fx: SandboxFixture, entity: string, where: string): Promise<string> {
  const id = get((await fx.query(`select * from ${entity} where ${where}`)).body, "QueryResponse", entity, 0, "Id");
  if (typeof id !== "string") throw new Error(`no ${entity} where ${where}`);
  return id;
}

/** POSTs a write that must succeed and returns the `key` entity of its answer (throws otherwise). */
export async function postOk(fx: SandboxFixture, path: string, body: Record<string, unknown>, key: string): Promise<JsonObject> {
  const result = await fx.api(path, { body });
  if (result.status !== 200) throw new Error(`POST ${path} answered ${result.status}: ${result.text}`);
  return result.body[key] as JsonObject;
}
