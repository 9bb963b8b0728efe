/**
 * The first run of an organisation: connect → preferences → first sync, and what the preference
 * pickers say while the chart of accounts and lists are brought in right after Connect.
 */

export type FirstRunStepId = "connect" | "preferences" | "first_sync";
export type FirstRunStepState = "done" | "current" | "todo";

export interface FirstRunChecklist {
  steps: { id: FirstRunStepId; state: FirstRunStepState }[];
  /** The step to do now (highlighted). */
  current: FirstRunStepId;
}

/** Null once the first sync succeeded: the checklist has done its job. */
export function firstRunChecklist(input: { connected: boolean; preferencesSet: boolean; firstSyncDone: boolean }): FirstRunChecklist | null {
  if (input.firstSyncDone) return null;
  const done: Record<FirstRunStepId, boolean> = { connect: input.connected, preferences: input.preferencesSet, first_sync: false };
  const order: FirstRunStepId[] = ["connect", "preferences", "first_sync"];
  const current = order.find((id) => !done[id]) ?? "first_sync";
  return {
    current,
    steps: order.map((id) => ({ id, state: done[id] ? "done" : id === current ? "current" : "todo" })),
  };
}

/** A pull still "running" after this long lost its process (it takes seconds). */
export const LIST_PULL_STALE_MS = 5 * 60_000;

export type ListPullView =
  | { kind: "not_connected" }
  | { kind: "running" }
  | { kind: "failed"; message: string; canRetry: true }
  | { kind: "not_pulled" }
  | { kind: "ready" };

export function listPullView(input: {
  connected: boolean;
  pull: { status: string; error: string | null; startedAt: Date } | null;
  /** Any account is in the app already (pulled, or from earlier syncs). */
  hasAccounts: boolean;
  now: Date;
}): ListPullView {
  if (!input.connected) return { kind: "not_connected" };
  const { pull } = input;
  if (pull?.status === "running") {
    if (input.now.getTime() - pull.startedAt.getTime() < LIST_PULL_STALE_MS) return { kind: "running" };
    return { kind: "failed", message: "Bringing in the accounts and lists did not finish.", canRetry: true };
  }
  if (pull?.status === "failed") {
    return { kind: "failed", message: pull.error ?? "Bringing in the accounts and lists from QuickBooks failed.", canRetry: true };
  }
  if (!input.hasAccounts) return pull?.status === "done" ? { kind: "ready" } : { kind: "not_pulled" };
  return { kind: "ready" };
}
