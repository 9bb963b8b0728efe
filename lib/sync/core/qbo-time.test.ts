import { describe, expect, it } from "vitest";
import { isLaterQboTime, laterQboTime, qboInstant } from "@/lib/sync/core/qbo-time";

describe("QBO times compared as instants", () => {
  it("orders the repeated hour of a fall-back change correctly (text order is wrong there)", () => {
    const beforeChange = "2026-11-01T01:50:00-07:00"; // 08:50Z
    const afterChange = "2026-11-01T01:10:00-08:00"; // 09:10Z
    expect(beforeChange > afterChange).toBe(true); // as text
    expect(isLaterQboTime(afterChange, beforeChange)).toBe(true);
    expect(laterQboTime(beforeChange, afterChange)).toBe(afterChange);
  });

  it("compares mixed offsets and UTC", () => {
    expect(isLaterQboTime("2026-12-03T09:30:00-08:00", "2026-12-03T17:00:00Z")).toBe(true);
    expect(isLaterQboTime("2026-12-03T10:00:00+02:00", "2026-12-03T09:00:00Z")).toBe(false);
    expect(qboInstant("2026-03-08T03:10:00-07:00")).toBe(Date.parse("2026-03-08T10:10:00Z"));
  });

  it("treats missing, naive and unreadable times as older than anything", () => {
    for (const bad of [undefined, null, "", "2026-12-03T09:00:00", "yesterday", "2026-13-45T00:00:00Z"]) {
      expect(qboInstant(bad)).toBe(Number.NEGATIVE_INFINITY);
      expect(isLaterQboTime("2020-01-01T00:00:00Z", bad)).toBe(true);
    }
    expect(laterQboTime(undefined, "2026-12-03T09:00:00Z")).toBe("2026-12-03T09:00:00Z");
    expect(laterQboTime("junk", undefined)).toBeUndefined();
  });
});
