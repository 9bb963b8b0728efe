/**
 * `createQboSandbox`: the framework-agnostic sandbox. `handle(Request) → Response` serves the QBO
 * API, Intuit's OAuth endpoints and the `/_sandbox/` control API under `basePath`, so it can run
 * behind node:http (server.ts) or inside a Next.js catch-all route handler. The typed control
 * methods are the same operations as the control API, for in-process tests.
 */
import { handleApiRequest, renderInjectedFault } from "./api-routes";
import type { SandboxCaller } from "./caller";
import { handleControlRequest } from "./control-routes";
import { SandboxCore, type CreateCompanyInput, type QboSandboxOptions, type SettingsPatch } from "./core";
import type { ActiveFault } from "./fault-injector";
import { formatQboEnvelopeTime } from "./clock";
import { jsonResponse, newIntuitTid } from "./http";
import { handleOAuthRequest } from "./oauth-routes";
import { ADVERTISED_KEEP_ALIVE_SECONDS } from "./keep-alive";
import type { CompanySettings, CompanySummary, EntityName, FaultSpec, JsonObject, SandboxStats, TokenResponse } from "./types";
import type { UserAction, UserActionsResult } from "./user-actions";

export interface QboSandbox {
  readonly options: { basePath: string; clientId: string; clientSecret: string; webhookVerifierToken: string; batchMaxItems: number };
  /** `caller`: who the host app vouches is asking (tenancy, see caller.ts); omitted → unrestricted. */
  handle(request: Request, caller?: SandboxCaller): Promise<Response>;
  createCompany(input?: CreateCompanyInput): { realmId: string; companyName: string };
  listCompanies(): CompanySummary[];
  reset(): void;
  /** Returns the queued fault, or null for the immediate kinds (expire-tokens, revoke-refresh). */
  injectFault(spec: FaultSpec): ActiveFault | null;
  listFaults(): ActiveFault[];
  clearFaults(): void;
  act(realmId: string, actions: UserAction[]): UserActionsResult;
  getStats(realmId: string): SandboxStats;
  resetStats(realmId: string): void;
  setThrottling(enabled: boolean): void;
  updateSettings(realmId: string, patch: SettingsPatch): CompanySettings;
  issueTokens(realmId: string): TokenResponse;
  advanceClock(ms: number): Date;
  now(): Date;
  getRecord(realmId: string, entity: EntityName, id: string): JsonObject | undefined;
  /** Awaits pending webhook deliveries (state is on disk as soon as it changes). */
  flush(): Promise<void>;
  /** Compacts the persist file's journal into a checkpoint and releases the files (no-op in memory). */
  close(): void;
}

const API_PATH = /^\/v3\/company\/([^/]+)(?:\/(.*))?$/;

function stripBasePath(pathname: string, basePath: string): string | undefined {
  if (!basePath) return pathname;
  if (pathname === basePath) return "/";
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined;
}

async function route(core: SandboxCore, request: Request, caller: SandboxCaller | undefined): Promise<Response> {
  const url = new URL(request.url);
  const path = stripBasePath(url.pathname, core.options.basePath);
  if (path === undefined) return jsonResponse(404, { error: `Not under ${core.options.basePath}` });
  const api = API_PATH.exec(path);
  if (api) {
    const realmId = decodeURIComponent(api[1] ?? "");
    const segments = (api[2] ?? "").split("/").filter(Boolean).map(decodeURIComponent);
    return handleApiRequest(core, request, url, realmId, segments);
  }
  if (path.startsWith("/oauth2/")) {
    // Injected faults reach the OAuth endpoints only when they name the path (pathMatch).
    const fault = core.faults.take(undefined, path, true);
    const injected = fault ? await renderInjectedFault(fault, request, formatQboEnvelopeTime(core.now())) : undefined;
    if (injected) return injected;
    const response = await handleOAuthRequest(core, request, url, path, caller);
    if (response) return response;
  }
  if (path === "/_sandbox" || path.startsWith("/_sandbox/")) {
    const parts = path.split("/").filter(Boolean).slice(1).map(decodeURIComponent);
    return handleControlRequest(core, request, parts, caller);
  }
  return jsonResponse(404, { error: `No route for ${request.method} ${url.pathname}` });
}

export function createQboSandbox(options: QboSandboxOptions = {}): QboSandbox {
  const core = new SandboxCore(options);
  return {
    options: core.options,
    async handle(request: Request, caller?: SandboxCaller): Promise<Response> {
      const tid = newIntuitTid();
      let response: Response;
      try {
        if (core.storageFailure !== undefined) throw new Error("the sandbox could not write its state file; restart it");
        response = await route(core, request, caller);
      } catch (error) {
        // An unexpected bug must still look like a QBO system fault, not a dropped connection.
        console.error("[qbo-sandbox] unhandled error", error);
        response = jsonResponse(500, {
          Fault: { Error: [{ Message: "An application error has occurred", Detail: String(error), code: "10000", element: "" }], type: "SystemFault" },
          time: formatQboEnvelopeTime(core.now()),
        });
      }
      response.headers.set("intuit_tid", tid);
      // Clients idle less than the server keeps connections (see server.ts): no keep-alive race.
      response.headers.set("keep-alive", `timeout=${ADVERTISED_KEEP_ALIVE_SECONDS}`);
      return response;
    },
    createCompany: (input) => core.createCompany(input),
    listCompanies: () => core.listCompanies(),
    reset: () => core.reset(),
    injectFault: (spec) => core.injectFault(spec),
    listFaults: () => core.listFaults(),
    clearFaults: () => core.clearFaults(),
    act: (realmId, actions) => core.act(realmId, actions),
    getStats: (realmId) => core.getStats(realmId),
    resetStats: (realmId) => core.resetStats(realmId),
    setThrottling: (enabled) => core.setThrottling(enabled),
    updateSettings: (realmId, patch) => core.updateSettings(realmId, patch),
    issueTokens: (realmId) => core.issueTokens(realmId),
    advanceClock: (ms) => core.advanceClock(ms),
    now: () => core.now(),
    getRecord: (realmId, entity, id) => core.getRecord(realmId, entity, id),
    flush: () => core.flush(),
    close: () => core.close(),
  };
}

export type { SandboxCaller } from "./caller";

export type RouteHandler = (request: Request) => Promise<Response>;

/**
 * Handlers for a Next.js catch-all route (`app/qbo-sandbox/[...path]/route.ts`):
 * `export const { GET, POST, PUT, PATCH, DELETE } = toRouteHandlers(sandbox)`, with the sandbox
 * created with `basePath: "/qbo-sandbox"`.
 */
export function toRouteHandlers(sandbox: QboSandbox): Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", RouteHandler> {
  const handler: RouteHandler = (request) => sandbox.handle(request);
  return { GET: handler, POST: handler, PUT: handler, PATCH: handler, DELETE: handler };
}
