/**
 * How often the sync icon asks the server for the organisation's sync state. While a run is going it
 * polls fast enough for smooth progress; when idle it still looks every second so a run started by
 * another member shows up within a second; a hidden tab stops polling (React Query refetches on focus).
 */
export const RUNNING_POLL_MS = 750;
export const IDLE_POLL_MS = 1000;

export function pollIntervalFor(state: { running: boolean; visible: boolean; failedAttempts?: number }): number | false {
  if (!state.visible) return false;
  // Back off while the server is unreachable, up to 30 s, instead of hammering it.
  if (state.failedAttempts && state.failedAttempts > 0) return Math.min(30_000, IDLE_POLL_MS * 2 ** state.failedAttempts);
  return state.running ? RUNNING_POLL_MS : IDLE_POLL_MS;
}
