/** Per-company request counters read by tests ("did the sync stay under the rate limit?"). */
import type { RequestKind, SandboxStats } from "./types";

export function emptyStats(): SandboxStats {
  const byKind: Record<RequestKind, number> = {
    read: 0,
    write: 0,
    query: 0,
    cdc: 0,
    batch: 0,
    companyinfo: 0,
    preferences: 0,
    other: 0,
  };
  return { total: 0, byKind, writes: 0, batches: 0, throttled: 0, unauthorized: 0, injectedFaults: 0 };
}
