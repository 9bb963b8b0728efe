/**
 * The least a sync can cost under QBO's rules, to compare a run against: reads come in pages of
 * 1,000, writes in batches of 30, and the per-realm rate limits (500 requests and 40 batches a
 * minute) bound how fast those calls may go.
 */
export const READ_PAGE = 1000;
export const WRITE_BATCH = 30;
export const REQUESTS_PER_MINUTE = 500;
export const BATCHES_PER_MINUTE = 40;

/** Fewest API calls: one page per 1,000 objects of each entity read, one batch per 30 writes, plus fixed calls. */
export function apiCallFloor(input: { objectsPerEntity: readonly number[]; writes: number; fixedCalls: number }): number {
  const pages = input.objectsPerEntity.reduce((sum, n) => sum + Math.max(1, Math.ceil(n / READ_PAGE)), 0);
  return pages + Math.ceil(input.writes / WRITE_BATCH) + input.fixedCalls;
}

/** Least wall time the rate limits allow for that many calls and batches (the first minute's budget is free). */
export function rateLimitFloorMs(calls: number, batches: number): number {
  const byRequests = Math.max(0, Math.ceil(calls / REQUESTS_PER_MINUTE) - 1);
  const byBatches = Math.max(0, Math.ceil(batches / BATCHES_PER_MINUTE) - 1);
  return Math.max(byRequests, byBatches) * 60_000;
}
