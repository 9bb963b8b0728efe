import { describe, expect, it } from "vitest";
import { FakeClock } from "@/lib/qbo/fake-clock";
import { InMemoryRateBudget, createInMemoryRateBudgets, type Release } from "@/lib/qbo/limiter";

function track(promise: Promise<Release>) {
  const state: { release: Release | null } = { release: null };
  void promise.then((release) => {
    state.release = release;
  });
  return state;
}

describe("InMemoryRateBudget", () => {
  it("caps concurrency and hands slots over on release, in order", async () => {
    const clock = new FakeClock();
    const budget = new InMemoryRateBudget({ maxConcurrent: 2 }, clock);
    const a = track(budget.acquire("request"));
    const b = track(budget.acquire("request"));
    const c = track(budget.acquire("request"));
    const d = track(budget.acquire("request"));
    await clock.advance(0);
    expect([a, b, c, d].map((s) => s.release !== null)).toEqual([true, true, false, false]);
    a.release?.();
    a.release?.(); // idempotent: must not free two slots
    await clock.advance(0);
    expect([c, d].map((s) => s.release !== null)).toEqual([true, false]);
    expect(budget.snapshot().inFlight).toBe(2);
  });

  it("allows N per sliding window and waits for the oldest to expire", async () => {
    const clock = new FakeClock();
    const budget = new InMemoryRateBudget({ requestsPerWindow: 3, windowMs: 60_000 }, clock);
    for (let i = 0; i < 2; i++) (await budget.acquire("request"))();
    await clock.advance(20_000);
    (await budget.acquire("request"))();
    const fourth = track(budget.acquire("request"));
    await clock.advance(39_999);
    expect(fourth.release).toBeNull();
    await clock.advance(1); // the first two leave the window at t = 60 s
    expect(fourth.release).not.toBeNull();
    const fifth = track(budget.acquire("request"));
    await clock.advance(0);
    expect(fifth.release).not.toBeNull();
    const sixth = track(budget.acquire("request"));
    await clock.advance(19_999);
    expect(sixth.release).toBeNull();
    await clock.advance(1); // the t = 20 s request expires at 80 s
    expect(sixth.release).not.toBeNull();
  });

  it("limits batches separately and lets plain requests pass a waiting batch", async () => {
    const clock = new FakeClock();
    const budget = new InMemoryRateBudget({ batchesPerWindow: 2, requestsPerWindow: 100 }, clock);
    (await budget.acquire("batch"))();
    (await budget.acquire("batch"))();
    const batch = track(budget.acquire("batch"));
    const request = track(budget.acquire("request"));
    await clock.advance(0);
    expect(batch.release).toBeNull();
    expect(request.release).not.toBeNull();
    expect(budget.snapshot()).toMatchObject({ batchesInWindow: 2, requestsInWindow: 3, waiting: 1 });
    await clock.advance(61_000);
    expect(batch.release).not.toBeNull();
  });

  it("applies QBO's defaults: 500 per minute, with a second's margin for the request's trip to QBO", async () => {
    const clock = new FakeClock();
    const budget = new InMemoryRateBudget({}, clock);
    for (let i = 0; i < 500; i++) (await budget.acquire("request"))();
    const next = track(budget.acquire("request"));
    await clock.advance(60_999);
    expect(next.release).toBeNull();
    await clock.advance(1);
    expect(next.release).not.toBeNull();
  });

  it("keeps realms apart", async () => {
    const clock = new FakeClock();
    const budgets = createInMemoryRateBudgets({ maxConcurrent: 1 }, clock);
    expect(budgets("r1")).toBe(budgets("r1"));
    await budgets("r1").acquire("request");
    const other = track(budgets("r2").acquire("request"));
    const same = track(budgets("r1").acquire("request"));
    await clock.advance(0);
    expect(other.release).not.toBeNull();
    expect(same.release).toBeNull();
  });
});
