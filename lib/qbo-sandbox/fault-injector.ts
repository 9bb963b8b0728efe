/**
 * Injected faults for tests and the demo: each one hits the next `count` matching API or OAuth
 * requests (optionally only one realm or paths containing `pathMatch`), then disappears.
 * The immediate kinds (expire-tokens, revoke-refresh) act on token state when injected instead.
 */
import type { FaultKind, FaultSpec } from "./types";

export type RequestFaultKind = Exclude<FaultKind, "expire-tokens" | "revoke-refresh">;

export interface ActiveFault {
  id: string;
  kind: RequestFaultKind;
  realmId?: string;
  pathMatch?: string;
  remaining: number;
  delayMs: number;
}

export const DEFAULT_SLOW_MS = 2000;
/** Longer than QBO's 120 s request timeout, so a client's own timeout must fire first. */
export const DEFAULT_TIMEOUT_MS = 125_000;

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec & { kind: RequestFaultKind }): ActiveFault {
    const fault: ActiveFault = {
      id: `fault-${this.nextId}`,
      kind: spec.kind,
      remaining: Math.max(1, spec.count ?? 1),
      delayMs: spec.delayMs ?? (spec.kind === "timeout" ? DEFAULT_TIMEOUT_MS : DEFAULT_SLOW_MS),
    };
    if (spec.realmId) fault.realmId = spec.realmId;
    if (spec.pathMatch) fault.pathMatch = spec.pathMatch;
    this.nextId += 1;
    this.faults.push(fault);
    return fault;
  }

  list(): ActiveFault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }

  /**
   * Consumes one hit of the first fault matching this request, if any. With `requirePathMatch`
   * (OAuth endpoints) only faults that name a matching path apply.
   */
  take(realmId: string | undefined, path: string, requirePathMatch = false): ActiveFault | undefined {
    const fault = this.faults.find(
      (candidate) =>
        (!candidate.realmId || candidate.realmId === realmId) &&
        (candidate.pathMatch ? path.toLowerCase().includes(candidate.pathMatch.toLowerCase()) : !requirePathMatch),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return { ...fault };
  }
}
