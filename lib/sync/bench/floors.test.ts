import { describe, expect, it } from "vitest";
import { apiCallFloor, rateLimitFloorMs } from "@/lib/sync/bench/floors";

describe("bench floors", () => {
  it("counts one page per started 1,000 objects (at least one per entity) and one batch per 30 writes", () => {
    expect(apiCallFloor({ objectsPerEntity: [10_000, 10_001, 0], writes: 31, fixedCalls: 2 })).toBe(10 + 11 + 1 + 2 + 2);
  });

  it("needs extra minutes only past the first minute's request or batch budget", () => {
    expect(rateLimitFloorMs(500, 40)).toBe(0);
    expect(rateLimitFloorMs(501, 1)).toBe(60_000);
    expect(rateLimitFloorMs(10, 81)).toBe(120_000);
  });
});
