import { describe, expect, it } from "vitest";
import { parseAsOf, parseDateRange } from "./report-params";

describe("report parameters", () => {
  it("reads a date range and ignores dates that don't exist", () => {
    expect(parseDateRange({ from: "2026-01-01", to: "2026-02-30" })).toEqual({ from: "2026-01-01", to: undefined });
    expect(parseDateRange({})).toEqual({ from: undefined, to: undefined });
  });

  it("swaps a reversed range instead of showing nothing", () => {
    expect(parseDateRange({ from: "2026-03-01", to: "2026-01-31" })).toEqual({ from: "2026-01-31", to: "2026-03-01" });
  });

  it("defaults the as-of date to today and takes the first of repeated values", () => {
    expect(parseAsOf({}, "2026-11-25")).toBe("2026-11-25");
    expect(parseAsOf({ asOf: ["2026-06-30", "2026-07-01"] }, "2026-11-25")).toBe("2026-06-30");
    expect(parseAsOf({ asOf: "yesterday" }, "2026-11-25")).toBe("2026-11-25");
  });
});
