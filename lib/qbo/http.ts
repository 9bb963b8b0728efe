import type { QboEndpoints } from "@/lib/qbo/config";
import { QboError, headerValue, parseQboFault } from "@/lib/qbo/errors";
import type { RateBudget, RateKind } from "@/lib/qbo/limiter";
import type { TokenProvider } from "@/lib/qbo/tokens";

/** Lowest minor version QBO serves since 2025 (QBO.md). */
export const QBO_MINOR_VERSION = "75";

export interface QboLogger {
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
}

export interface RetryOptions {
  /** Total tries per request, first one included, for throttling / 5xx / network / timeout. */
  maxAttempts: number;
  /** Backoff for 5xx, network errors and timeouts: full jitter over base·2^(n-1), capped. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Backoff for 429: waits start at this (QBO sends no Retry-After) and grow to the cap. */
  throttleBaseDelayMs: number;
  throttleMaxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  throttleBaseDelayMs: 1_000,
  throttleMaxDelayMs: 60_000,
};

/**
 * Delay before retry number `attempt` (1 = first retry). Full jitter: uniform in
 * [floor, min(cap, base·2^(attempt-1))]; the floor is 0 for transient errors and the throttle
 * base for 429s, so a throttled client always pauses at least ~1 s.
 */
export function retryDelayMs(
  kind: "throttle" | "transient",
  attempt: number,
  options: RetryOptions,
  random: () => number = Math.random,
): number {
  const base = kind === "throttle" ? options.throttleBaseDelayMs : options.baseDelayMs;
  const cap = kind === "throttle" ? options.throttleMaxDelayMs : options.maxDelayMs;
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  const floor = kind === "throttle" ? Math.min(ceiling, base) : 0;
  return Math.round(floor + random() * (ceiling - floor));
}

export interface QboHttpConfig {
  endpoints: QboEndpoints;
  realmId: string;
  tokenProvider: TokenProvider;
  limiter: RateBudget;
  fetch?: typeof fetch;
  retry?: Partial<RetryOptions>;
  /** Per-attempt timeout; QBO cuts requests at 120 s. */
  timeoutMs?: number;
  logger?: QboLogger;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface QboRequest {
  method: "GET" | "POST";
  /** Path below `/v3/company/{realmId}/`, e.g. `bill/12` or `query`. */
  path: string;
  params?: Record<string, string | undefined>;
  /** JSON-serialised unless a string with its own content type is given. */
  body?: unknown;
  contentType?: string;
  kind?: RateKind;
}

export interface QboResponse {
  status: number;
  json: unknown;
  intuitTid?: string;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One realm's transport: auth header, minorversion, rate budget, timeout, fault parsing,
 * one token refresh on 401, and backoff retries. Writes are safe to retry because the caller
 * puts the same `requestid` on every attempt.
 */
export class QboHttp {
  private readonly config: QboHttpConfig;
  private readonly retry: RetryOptions;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly timeoutMs: number;

  constructor(config: QboHttpConfig) {
    this.config = config;
    this.retry = { ...DEFAULT_RETRY, ...config.retry };
    if (this.retry.maxAttempts < 1) throw new Error("retry.maxAttempts must be at least 1");
    this.fetchImpl = config.fetch ?? fetch;
    this.sleep = config.sleep ?? defaultSleep;
    this.random = config.random ?? Math.random;
    this.timeoutMs = config.timeoutMs ?? 120_000;
  }

  get realmId(): string {
    return this.config.realmId;
  }

  urlFor(request: Pick<QboRequest, "path" | "params">): string {
    const base = `${this.config.endpoints.apiBaseUrl}/v3/company/${encodeURIComponent(this.config.realmId)}/`;
    const url = new URL(request.path, base);
    for (const [key, value] of Object.entries(request.params ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    url.searchParams.set("minorversion", QBO_MINOR_VERSION);
    return url.toString();
  }

  async send(request: QboRequest): Promise<QboResponse> {
    const url = this.urlFor(request);
    let refreshedAfter401 = false;
    for (let attempt = 1; ; attempt++) {
      const accessToken = await this.config.tokenProvider.getAccessToken();
      const outcome = await this.attempt(request, url, accessToken, attempt);
      if (!(outcome instanceof QboError)) return outcome;

      if (outcome.httpStatus === 401 && !refreshedAfter401) {
        // Access token rejected (3200): refresh once and retry without counting an attempt.
        refreshedAfter401 = true;
        attempt--;
        this.config.logger?.warn("qbo.auth.refresh_after_401", { path: request.path, intuitTid: outcome.intuitTid });
        await this.config.tokenProvider.forceRefresh(accessToken);
        continue;
      }
      if ((outcome.kind === "throttle" || outcome.kind === "transient") && attempt < this.retry.maxAttempts) {
        const delay = retryDelayMs(outcome.kind, attempt, this.retry, this.random);
        this.config.logger?.warn("qbo.retry", {
          path: request.path,
          attempt,
          code: outcome.code,
          kind: outcome.kind,
          delayMs: delay,
          intuitTid: outcome.intuitTid,
        });
        await this.sleep(delay);
        continue;
      }
      throw outcome;
    }
  }

  /** One try: returns the response, or the QboError describing why it failed. */
  private async attempt(
    request: QboRequest,
    url: string,
    accessToken: string,
    attempt: number,
  ): Promise<QboResponse | QboError> {
    const release = await this.config.limiter.acquire(request.kind ?? "request");
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const started = Date.now();
    try {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${accessToken}`,
        Accept: "application/json",
      };
      let body: string | undefined;
      if (request.body !== undefined) {
        const raw = typeof request.body === "string" && request.contentType !== undefined;
        body = raw ? (request.body as string) : JSON.stringify(request.body);
        headers["Content-Type"] = request.contentType ?? "application/json";
      }
      const response = await this.fetchImpl(url, { method: request.method, headers, body, signal: controller.signal });
      const text = await response.text();
      const intuitTid = headerValue(response.headers, "intuit_tid");
      this.config.logger?.info("qbo.request", {
        method: request.method,
        path: request.path,
        status: response.status,
        intuitTid,
        attempt,
        durationMs: Date.now() - started,
      });
      const json = tryParseJson(text);
      const fault = parseQboFault(response.status, response.headers, text, json);
      if (fault) return fault;
      return { status: response.status, json: json === undefined ? parseJson(text, response.status, intuitTid) : json, ...(intuitTid ? { intuitTid } : {}) };
    } catch (error) {
      if (error instanceof QboError) return error;
      const timedOut = controller.signal.aborted;
      this.config.logger?.warn("qbo.request_failed", {
        method: request.method,
        path: request.path,
        attempt,
        timedOut,
        error: error instanceof Error ? error.message : String(error),
      });
      return new QboError({
        code: timedOut ? "TIMEOUT" : "NETWORK_ERROR",
        message: timedOut
          ? `QuickBooks Online did not answer within ${Math.round(this.timeoutMs / 1000)} s`
          : "Could not reach QuickBooks Online",
        detail: error instanceof Error ? error.message : String(error),
        httpStatus: 0,
        kind: "transient",
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      release();
    }
  }
}

/** The body as JSON, or undefined when it is not JSON (XML faults, empty bodies, garbage). */
function tryParseJson(text: string): unknown {
  const first = text.trimStart()[0];
  if (first !== "{" && first !== "[") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function parseJson(text: string, status: number, intuitTid: string | undefined): unknown {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new QboError({
      code: "invalid_response",
      message: "QuickBooks Online returned a response that is not JSON",
      detail: text.slice(0, 200),
      httpStatus: status,
      kind: "fatal",
      ...(intuitTid ? { intuitTid } : {}),
      cause,
    });
  }
}
