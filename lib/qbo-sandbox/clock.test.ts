import { describe, expect, it } from "vitest";
import { addDays, companyOffsetMinutes, formatQboDate, formatQboDateTime, formatQboEnvelopeTime, isQboDate, parseQboDateTime } from "./clock";

describe("company clock (US Pacific, with daylight saving)", () => {
  it("prints the offset in force at the instant", () => {
    expect(formatQboDateTime(new Date("2026-01-15T20:00:00Z"))).toBe("2026-01-15T12:00:00-08:00");
    expect(formatQboDateTime(new Date("2026-07-15T20:00:00Z"))).toBe("2026-07-15T13:00:00-07:00");
    // 2026-11-01 09:00Z is 01:00 PST, one hour after the fall-back from 01:59:59 PDT.
    expect(formatQboDateTime(new Date("2026-11-01T08:59:59Z"))).toBe("2026-11-01T01:59:59-07:00");
    expect(formatQboDateTime(new Date("2026-11-01T09:00:00Z"))).toBe("2026-11-01T01:00:00-08:00");
    expect(companyOffsetMinutes(Date.parse("2026-03-08T10:00:00Z"))).toBe(-420);
  });

  it("gives the envelope time milliseconds and the local date", () => {
    expect(formatQboEnvelopeTime(new Date("2026-01-15T20:00:00.042Z"))).toBe("2026-01-15T12:00:00.042-08:00");
    expect(formatQboDate(new Date("2026-01-16T05:00:00Z"))).toBe("2026-01-15");
  });

  it("reads values without an offset in company time, daylight saving included", () => {
    expect(parseQboDateTime("2026-01-15T12:00:00")).toBe(Date.parse("2026-01-15T20:00:00Z"));
    expect(parseQboDateTime("2026-07-15")).toBe(Date.parse("2026-07-15T07:00:00Z"));
    expect(parseQboDateTime("2026-07-15T13:00:00-07:00")).toBe(Date.parse("2026-07-15T20:00:00Z"));
    expect(parseQboDateTime("2026-13-45")).toBeNaN();
  });

  it("knows real calendar dates and never throws on bad ones", () => {
    expect(isQboDate("2028-02-29")).toBe(true);
    expect(["2026-02-30", "2026-13-45", "2026-1-5", "today"].some(isQboDate)).toBe(false);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-13-45", 1)).toBe("2026-13-45");
  });
});
