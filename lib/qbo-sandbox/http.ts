/** Response helpers shared by the API, OAuth and control routes (WHATWG Fetch types). */
import { randomBytes } from "node:crypto";

const JSON_TYPE = "application/json;charset=UTF-8";

/** Intuit transaction ids look like "1-6745a3f2-4c7d9a1b2e3f4a5b6c7d8e9f". */
export function newIntuitTid(): string {
  return `1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString("hex")}`;
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": JSON_TYPE, ...headers } });
}

export function rawJsonResponse(status: number, body: string): Response {
  return new Response(body, { status, headers: { "content-type": JSON_TYPE } });
}

export function htmlResponse(status: number, html: string): Response {
  return new Response(html, { status, headers: { "content-type": "text/html;charset=UTF-8" } });
}

export function redirectResponse(location: string): Response {
  return new Response(null, { status: 302, headers: { location } });
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Reads a JSON body; returns undefined when it is not valid JSON. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
