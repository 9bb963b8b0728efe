import { describe, expect, it } from "vitest";
import { describeJob, type OrgJobRow } from "./job-view";

const now = new Date("2030-06-01T12:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

function row(overrides: Partial<OrgJobRow>): OrgJobRow {
  return {
    id: "j1",
    state: "created",
    data: { organizationId: "o1", trigger: "manual", runId: "run-1" },
    output: null,
    retryCount: 0,
    retryLimit: 3,
    createdOn: at(-5),
    startAfter: at(-5),
    startedOn: null,
    completedOn: null,
    ...overrides,
  };
}

describe("describeJob", () => {
  it("a waiting job is queued, or scheduled while its start is in the future (debounce)", () => {
    expect(describeJob(row({}), now)).toMatchObject({ status: "queued", trigger: "manual", runId: "run-1", attempts: 0, maxAttempts: 4, nextStartAt: null });
    expect(describeJob(row({ startAfter: at(1) }), now)).toMatchObject({ status: "scheduled", nextStartAt: at(1) });
  });

  it("a running job has had one attempt per fetch", () => {
    expect(describeJob(row({ state: "active", startedOn: at(-1) }), now)).toMatchObject({ status: "running", attempts: 1 });
    expect(describeJob(row({ state: "active", startedOn: at(-1), retryCount: 2 }), now)).toMatchObject({ attempts: 3 });
  });

  it("a retrying job shows its last error and when it tries again", () => {
    const view = describeJob(row({ state: "retry", startedOn: at(-2), startAfter: at(1), output: { name: "Error", message: "database went away", stack: "…" } }), now);
    expect(view).toMatchObject({ status: "retrying", attempts: 1, nextStartAt: at(1), detail: "database went away" });
  });

  it("a failed job shows the error pg-boss stored (an Error, or a bare value)", () => {
    expect(describeJob(row({ state: "failed", startedOn: at(-3), retryCount: 3, completedOn: at(-1), output: { message: "boom" } }), now)).toMatchObject({
      status: "failed",
      attempts: 4,
      detail: "boom",
    });
    expect(describeJob(row({ state: "failed", output: { value: { message: "job failed by timeout in active state" } } }), now).detail).toBe(
      "job failed by timeout in active state",
    );
    expect(describeJob(row({ state: "failed", output: { value: "plain" } }), now).detail).toBe("plain");
  });

  it("a completed job links the run it executed; a skipped one says why", () => {
    const automatic = row({ state: "completed", data: { organizationId: "o1", trigger: "automatic" }, output: { runId: "run-9", status: "succeeded" }, startedOn: at(-2), completedOn: at(-1) });
    expect(describeJob(automatic, now)).toMatchObject({ status: "completed", trigger: "automatic", runId: "run-9", detail: null });
    expect(describeJob(row({ state: "completed", output: { runId: null, skipped: "run is finished" } }), now)).toMatchObject({
      status: "skipped",
      runId: "run-1",
      detail: "run is finished",
    });
  });

  it("a completed job whose sync failed or synced only part says so", () => {
    expect(describeJob(row({ state: "completed", output: { runId: "run-3", status: "failed" } }), now)).toMatchObject({
      status: "completed",
      detail: "Sync failed: see the run.",
    });
    expect(describeJob(row({ state: "completed", output: { runId: "run-4", status: "partial" } }), now).detail).toMatch(/Some records did not sync/);
  });

  it("tolerates odd data (jobs written by hand or by older versions)", () => {
    expect(describeJob(row({ data: null, output: "x" }), now)).toMatchObject({ trigger: null, runId: null, detail: null });
  });
});
