import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  daysInMonth,
  fromDateParts,
  InvalidDateError,
  isIsoDate,
  isLeapYear,
  isoDateOf,
  canonicalTimeZone,
  supportedTimeZones,
  todayIn,
  maxDate,
  minDate,
  parseIsoDate,
  toDateParts,
} from "./dates";

describe("parseIsoDate", () => {
  it("accepts real calendar dates", () => {
    expect(parseIsoDate("2026-02-28")).toBe("2026-02-28");
    expect(parseIsoDate("2024-02-29")).toBe("2024-02-29");
    expect(parseIsoDate("2000-02-29")).toBe("2000-02-29");
    expect(parseIsoDate("2026-12-31")).toBe("2026-12-31");
  });

  it.each(["2026-02-30", "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01", "2026-1-5", "2026/01/05", "20260105", "2026-01-05T00:00:00Z", " 2026-01-05", "", "yesterday"])(
    "rejects %j",
    (value) => {
      expect(isIsoDate(value)).toBe(false);
      expect(() => parseIsoDate(value)).toThrow(InvalidDateError);
    },
  );

  it("isIsoDate rejects non-strings", () => {
    expect(isIsoDate(20260105)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(new Date())).toBe(false);
  });
});

describe("leap years and month lengths", () => {
  it("knows the Gregorian rules", () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(() => daysInMonth(2026, 13)).toThrow(InvalidDateError);
  });
});

describe("addDays", () => {
  it("crosses month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2026-01-31", 30)).toBe("2026-03-02");
    expect(addDays("2026-03-08", 0)).toBe("2026-03-08");
    expect(addDays("2024-01-01", 366)).toBe("2025-01-01");
  });

  it("is not shifted by daylight saving changes", () => {
    // US DST starts 2026-03-08 and ends 2026-11-01.
    expect(addDays("2026-03-07", 1)).toBe("2026-03-08");
    expect(addDays("2026-03-08", 1)).toBe("2026-03-09");
    expect(addDays("2026-10-31", 1)).toBe("2026-11-01");
    expect(addDays("2026-11-01", 1)).toBe("2026-11-02");
  });

  it("keeps early years literal (no 19xx mapping)", () => {
    expect(addDays("0099-12-31", 1)).toBe("0100-01-01");
    expect(daysBetween("0001-01-01", "0001-12-31")).toBe(364);
  });

  it("rejects fractional days and bad dates", () => {
    expect(() => addDays("2026-01-01", 1.5)).toThrow(InvalidDateError);
    expect(() => addDays("2026-02-30", 1)).toThrow(InvalidDateError);
  });
});

describe("addMonths", () => {
  it("clamps to the end of shorter months", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-11-15", 2)).toBe("2027-01-15");
    expect(addMonths("2026-01-15", -13)).toBe("2024-12-15");
  });
});

describe("compareDates, daysBetween", () => {
  it("compares", () => {
    expect(compareDates("2026-01-01", "2026-01-02")).toBe(-1);
    expect(compareDates("2026-01-02", "2026-01-01")).toBe(1);
    expect(compareDates("2026-01-01", "2026-01-01")).toBe(0);
    expect(() => compareDates("2026-01-01", "garbage")).toThrow(InvalidDateError);
    expect(maxDate("2026-01-01", "2025-12-31")).toBe("2026-01-01");
    expect(minDate("2026-01-01", "2025-12-31")).toBe("2025-12-31");
  });

  it("counts days across leap years", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2026-02-28", "2026-03-01")).toBe(1);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2025-01-01", "2026-01-01")).toBe(365);
    expect(daysBetween("2026-03-10", "2026-03-01")).toBe(-9);
    expect(daysBetween("2026-05-05", "2026-05-05")).toBe(0);
  });
});

describe("parts and instants", () => {
  it("round-trips parts", () => {
    expect(toDateParts("2026-07-04")).toEqual({ year: 2026, month: 7, day: 4 });
    expect(fromDateParts({ year: 2026, month: 7, day: 4 })).toBe("2026-07-04");
    expect(() => fromDateParts({ year: 2026, month: 2, day: 29 })).toThrow(InvalidDateError);
  });

  it("gives the calendar date of an instant in a time zone", () => {
    const instant = new Date("2026-01-01T03:30:00Z");
    expect(isoDateOf(instant)).toBe("2026-01-01");
    expect(isoDateOf(instant, "America/New_York")).toBe("2025-12-31");
    expect(isoDateOf(new Date("2026-01-01T23:30:00Z"), "Asia/Tokyo")).toBe("2026-01-02");
  });
});

describe("organisation time zones", () => {
  it("keeps a late-afternoon US instant on the US calendar day (not UTC's next day)", () => {
    expect(todayIn("America/Los_Angeles", new Date("2026-12-03T23:30:00Z"))).toBe("2026-12-03");
    expect(todayIn("America/Los_Angeles", new Date("2026-12-04T07:59:00Z"))).toBe("2026-12-03");
    expect(todayIn("America/Los_Angeles", new Date("2026-12-04T08:00:00Z"))).toBe("2026-12-04");
    expect(todayIn("America/New_York", new Date("2026-12-04T01:00:00Z"))).toBe("2026-12-03");
    expect(todayIn("UTC", new Date("2026-12-04T01:00:00Z"))).toBe("2026-12-04");
  });

  it("follows daylight saving time (New York is UTC−4 in July)", () => {
    expect(todayIn("America/New_York", new Date("2026-07-04T03:59:00Z"))).toBe("2026-07-03");
    expect(todayIn("America/New_York", new Date("2026-07-04T04:00:00Z"))).toBe("2026-07-04");
  });

  it("is already tomorrow east of UTC", () => {
    expect(todayIn("Pacific/Kiritimati", new Date("2026-12-03T10:00:00Z"))).toBe("2026-12-04");
  });

  it("accepts IANA names the runtime knows, and UTC", () => {
    expect(canonicalTimeZone("America/New_York")).toBe("America/New_York");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("Etc/UTC")).toBe("UTC");
    // Browsers differ on aliases (Firefox says Asia/Kolkata, Chrome Asia/Calcutta): both are one zone.
    expect(canonicalTimeZone("Asia/Kolkata")).toBe(canonicalTimeZone("Asia/Calcutta"));
    expect(canonicalTimeZone("Asia/Kolkata")).not.toBeNull();
  });

  it.each(["", "Mars/Olympus_Mons", "America/New York", "+05:00", "EST5EDT; DROP TABLE", 42, null, undefined])("refuses %j", (value) => {
    expect(canonicalTimeZone(value)).toBeNull();
  });

  it("lists the zones a person can choose, UTC first and each once", () => {
    const zones = supportedTimeZones();
    expect(zones[0]).toBe("UTC");
    expect(zones).toContain("America/New_York");
    expect(new Set(zones).size).toBe(zones.length);
    for (const zone of zones.slice(0, 20)) expect(canonicalTimeZone(zone)).toBe(zone);
  });
});
