import { describe, expect, it } from "vitest";
import { firstRunChecklist, listPullView } from "./first-run";

const NOW = new Date("2026-12-03T14:00:00Z");

describe("first-run checklist: connect → preferences → first sync", () => {
  it("a new organisation starts at connect, nothing ticked", () => {
    const list = firstRunChecklist({ connected: false, preferencesSet: false, firstSyncDone: false });
    expect(list?.steps.map((s) => [s.id, s.state])).toEqual([
      ["connect", "current"],
      ["preferences", "todo"],
      ["first_sync", "todo"],
    ]);
  });

  it("after connect the preferences are the current step", () => {
    const list = firstRunChecklist({ connected: true, preferencesSet: false, firstSyncDone: false });
    expect(list?.steps.map((s) => s.state)).toEqual(["done", "current", "todo"]);
    expect(list?.current).toBe("preferences");
  });

  it("with preferences set the first sync is next", () => {
    expect(firstRunChecklist({ connected: true, preferencesSet: true, firstSyncDone: false })?.current).toBe("first_sync");
  });

  it("preferences saved before connecting are ticked, connect stays current", () => {
    const list = firstRunChecklist({ connected: false, preferencesSet: true, firstSyncDone: false });
    expect(list?.steps.map((s) => s.state)).toEqual(["current", "done", "todo"]);
  });

  it("disappears once the first sync succeeded", () => {
    expect(firstRunChecklist({ connected: true, preferencesSet: true, firstSyncDone: true })).toBeNull();
    expect(firstRunChecklist({ connected: false, preferencesSet: true, firstSyncDone: true })).toBeNull();
  });
});

describe("what the preference pickers say about the accounts and lists", () => {
  it("not connected: connect first", () => {
    expect(listPullView({ connected: false, pull: null, hasAccounts: false, now: NOW })).toEqual({ kind: "not_connected" });
  });

  it("running: bringing them in (and the page refreshes)", () => {
    expect(listPullView({ connected: true, pull: { status: "running", error: null, startedAt: new Date("2026-12-03T13:59:30Z") }, hasAccounts: false, now: NOW })).toEqual({ kind: "running" });
  });

  it("a pull that never finished (its process died) is a failure that can be retried", () => {
    const view = listPullView({ connected: true, pull: { status: "running", error: null, startedAt: new Date("2026-12-03T13:50:00Z") }, hasAccounts: false, now: NOW });
    expect(view).toMatchObject({ kind: "failed", canRetry: true });
    expect(view.kind === "failed" && view.message).toMatch(/did not finish/);
  });

  it("failed: the reason, and Retry", () => {
    expect(listPullView({ connected: true, pull: { status: "failed", error: "QuickBooks did not answer.", startedAt: NOW }, hasAccounts: false, now: NOW })).toEqual({
      kind: "failed",
      message: "QuickBooks did not answer.",
      canRetry: true,
    });
  });

  it("done, or lists already there from earlier syncs: nothing to say", () => {
    expect(listPullView({ connected: true, pull: { status: "done", error: null, startedAt: NOW }, hasAccounts: true, now: NOW })).toEqual({ kind: "ready" });
    expect(listPullView({ connected: true, pull: null, hasAccounts: true, now: NOW })).toEqual({ kind: "ready" });
  });

  it("connected with no lists and no pull on record (connected before lists came on connect): offer to bring them in", () => {
    expect(listPullView({ connected: true, pull: null, hasAccounts: false, now: NOW })).toEqual({ kind: "not_pulled" });
  });
});
