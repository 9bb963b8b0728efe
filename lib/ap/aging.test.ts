import { describe, expect, it } from "vitest";
import { AGING_BUCKET_LABELS, AGING_BUCKETS, agingBucket, agingReport, daysPastDue, type AgingItem } from "./aging";

describe("agingBucket", () => {
  const asOf = "2026-03-31";
  it.each([
    ["2026-04-15", "current"],
    ["2026-03-31", "current"],
    ["2026-03-30", "days1to30"],
    ["2026-03-01", "days1to30"], // 30 days
    ["2026-02-28", "days31to60"], // 31 days
    ["2026-01-30", "days31to60"], // 60 days
    ["2026-01-29", "days61to90"], // 61 days
    ["2025-12-31", "days61to90"], // 90 days
    ["2025-12-30", "over90"], // 91 days
    ["2020-01-01", "over90"],
  ])("due %s is %s", (dueDate, bucket) => {
    expect(agingBucket(dueDate, asOf)).toBe(bucket);
  });

  it("counts leap days", () => {
    expect(daysPastDue("2024-02-01", "2024-03-02")).toBe(30);
    expect(agingBucket("2024-02-01", "2024-03-02")).toBe("days1to30");
    expect(agingBucket("2026-02-01", "2026-03-04")).toBe("days31to60"); // 31 days in a non-leap year
    expect(daysPastDue("2026-05-01", "2026-04-01")).toBe(0);
  });

  it("has a label per bucket in order", () => {
    expect(AGING_BUCKETS.map((bucket) => AGING_BUCKET_LABELS[bucket])).toEqual(["Current", "1–30", "31–60", "61–90", "Over 90"]);
  });
});

describe("agingReport", () => {
  const items: AgingItem[] = [
    { id: "1", partyId: "v2", partyName: "beta supplies", dueDate: "2026-03-31", openBalanceCents: 1000 },
    { id: "2", partyId: "v1", partyName: "Acme", dueDate: "2026-03-15", openBalanceCents: 250 },
    { id: "3", partyId: "v1", partyName: "Acme", dueDate: "2025-11-01", openBalanceCents: 5005 },
    { id: "4", partyId: "v1", partyName: "Acme", dueDate: "2026-02-15", openBalanceCents: 0 },
    { id: "5", partyId: "v2", partyName: "beta supplies", dueDate: "2026-01-15", openBalanceCents: 3 },
  ];

  it("groups by party with bucket totals that add up", () => {
    const report = agingReport(items, "2026-03-31");
    expect(report.rows).toEqual([
      { partyId: "v1", partyName: "Acme", buckets: { current: 0, days1to30: 250, days31to60: 0, days61to90: 0, over90: 5005 }, totalCents: 5255, documentCount: 2 },
      { partyId: "v2", partyName: "beta supplies", buckets: { current: 1000, days1to30: 0, days31to60: 0, days61to90: 3, over90: 0 }, totalCents: 1003, documentCount: 2 },
    ]);
    expect(report.totals).toEqual({ current: 1000, days1to30: 250, days31to60: 0, days61to90: 3, over90: 5005 });
    expect(report.totalCents).toBe(6258);
    expect(Object.values(report.totals).reduce((a, b) => a + b, 0)).toBe(report.totalCents);
  });

  it("is empty with nothing open", () => {
    expect(agingReport([], "2026-03-31")).toEqual({
      asOf: "2026-03-31",
      rows: [],
      totals: { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 },
      totalCents: 0,
    });
  });

  it("rejects fractional balances and bad dates", () => {
    expect(() => agingReport([{ ...items[0]!, openBalanceCents: 1.5 }], "2026-03-31")).toThrow();
    expect(() => agingReport([{ ...items[0]!, dueDate: "2026-02-30" }], "2026-03-31")).toThrow();
  });
});
