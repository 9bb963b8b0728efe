import { describe, expect, it } from "vitest";
import { parseReceivedPaymentListQuery } from "./list-query";

describe("parseReceivedPaymentListQuery", () => {
  it("reads search, date range and page", () => {
    expect(parseReceivedPaymentListQuery({ q: "  acme ", from: "2026-12-01", to: "2026-12-31", page: "3" })).toEqual({ q: "acme", from: "2026-12-01", to: "2026-12-31", page: 3 });
  });

  it("falls back on anything unreadable and swaps a reversed range", () => {
    expect(parseReceivedPaymentListQuery({ q: ["first", "second"], from: "12/01/2026", to: "2026-02-30", page: "-4" })).toEqual({ q: "first", from: undefined, to: undefined, page: 1 });
    expect(parseReceivedPaymentListQuery({ from: "2026-12-31", to: "2026-12-01" })).toMatchObject({ from: "2026-12-01", to: "2026-12-31" });
    expect(parseReceivedPaymentListQuery({ q: "x".repeat(500), page: "abc" })).toMatchObject({ q: "", page: 1 });
  });
});
