/**
 * Helpers for this folder's unit tests: a scripted `fetch` and a fixed token provider. (The
 * contract tests use the real sandbox over HTTP instead.)
 */
import type { TokenProvider } from "@/lib/qbo/tokens";

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string | undefined;
}

export type FetchHandler = (request: RecordedRequest, callIndex: number) => Response | Promise<Response>;

export function scriptedFetch(handler: FetchHandler) {
  const calls: RecordedRequest[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const request: RecordedRequest = {
      method: init?.method ?? "GET",
      url: new URL(String(input)),
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : undefined,
    };
    calls.push(request);
    if (init?.signal?.aborted) throw new DOMException("aborted", "AbortError");
    return handler(request, calls.length - 1);
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", intuit_tid: `tid-${status}`, ...headers },
  });
}

export function fault(code: string, message = "fault", type = "ValidationFault") {
  return { Fault: { Error: [{ Message: message, Detail: `${message} detail`, code }], type }, time: "2026-01-01T00:00:00Z" };
}

export function fixedTokenProvider(tokens: string[] = ["token-1", "token-2", "token-3"]) {
  let index = 0;
  const refreshes: (string | undefined)[] = [];
  const provider: TokenProvider = {
    getAccessToken: async () => tokens[index] ?? "token-last",
    forceRefresh: async (rejected) => {
      refreshes.push(rejected);
      index++;
      return tokens[index] ?? "token-last";
    },
  };
  return { provider, refreshes };
}

export const meta = { CreateTime: "2026-01-01T00:00:00Z", LastUpdatedTime: "2026-01-01T00:00:00Z" };
