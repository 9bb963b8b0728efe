import type { SeedSpec } from "@/lib/qbo-sandbox";
import type { IssuedTokens } from "@/lib/sync/engine/sandbox-client-factory";

export interface SandboxStatsView {
  total: number;
  writes: number;
  batches: number;
}

/** Tries per control call when the connection is lost (fetch rejects: reset, closed by the peer). */
const CONTROL_ATTEMPTS = 4;

/**
 * The sandbox's HTTP control API (`/_sandbox/…`), as the bench drives a sandbox in another process.
 * A call whose connection is lost is sent again: the bench must not die of a keep-alive race. (A
 * company created by a call whose answer was lost stays unused: harmless in a bench.)
 */
export class SandboxControlClient {
  constructor(readonly url: string) {}

  private async control<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, headers: { "content-type": "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
    let response: Response | undefined;
    for (let attempt = 1; !response; attempt++) {
      try {
        response = await fetch(`${this.url}/_sandbox/${path}`, init);
      } catch (error) {
        // fetch rejects (TypeError "fetch failed") only when no HTTP answer came back.
        if (attempt >= CONTROL_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
    if (!response.ok) throw new Error(`sandbox control ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  createCompany(seed: SeedSpec): Promise<{ realmId: string }> {
    return this.control("POST", "companies", { seed });
  }

  issueTokens(realmId: string): Promise<IssuedTokens> {
    return this.control("POST", `companies/${realmId}/tokens`);
  }

  async counts(realmId: string): Promise<Record<string, number>> {
    return (await this.control<{ counts: Record<string, number> }>("GET", `companies/${realmId}`)).counts;
  }

  stats(realmId: string): Promise<SandboxStatsView> {
    return this.control("GET", `companies/${realmId}/stats`);
  }

  async resetStats(realmId: string): Promise<void> {
    await this.control("POST", `companies/${realmId}/stats/reset`);
  }
}
