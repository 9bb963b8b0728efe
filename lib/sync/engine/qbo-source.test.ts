import { describe, expect, it } from "vitest";
import type { CdcResult, QboEntityName } from "@/lib/qbo";
import type { QboGateway } from "@/lib/sync/engine/gateway";
import { QboSource } from "@/lib/sync/engine/qbo-source";

function bill(id: string, lastUpdatedTime: string, note = "") {
  return { Id: id, SyncToken: "0", VendorRef: { value: "1" }, Line: [], Balance: 0, TotalAmt: 0, PrivateNote: note, MetaData: { CreateTime: lastUpdatedTime, LastUpdatedTime: lastUpdatedTime } };
}

/** A CDC stand-in answering Bill-only requests from a script, one response per call; others are empty. */
function scriptedCdc(billResponses: Array<Array<ReturnType<typeof bill>>>) {
  const billCalls: string[] = [];
  const gateway = {
    calls: 0,
    async cdc(entities: readonly QboEntityName[], changedSince: Date): Promise<CdcResult> {
      if (!entities.includes("Bill")) return { changed: {}, deleted: {}, limitReached: false };
      billCalls.push(changedSince.toISOString());
      const rows = billResponses[Math.min(billCalls.length - 1, billResponses.length - 1)] ?? [];
      return { changed: { Bill: rows as never[] }, deleted: {}, limitReached: rows.length >= 1000 };
    },
    queryAllMany: () => new Map(),
  };
  return { gateway: gateway as unknown as QboGateway, billCalls };
}

describe("QboSource reading CDC", () => {
  // 1 November 2026, Pacific time falls back: 01:50-07:00 (08:50Z) comes BEFORE 01:10-08:00 (09:10Z),
  // although it sorts after it as text.
  const filler = Array.from({ length: 999 }, (_, i) => bill(`f${i}`, "2026-11-01T01:00:00-07:00"));
  const firstEdit = bill("42", "2026-11-01T01:50:00-07:00", "first edit");
  const secondEdit = bill("42", "2026-11-01T01:10:00-08:00", "second edit");

  it("keeps the newest version of an object by instant when narrowed requests overlap", async () => {
    // Every request that includes Bill is capped until Bill is asked alone; then CDC continues from
    // the newest time received and returns the bill's later edit.
    const capped = [...filler, firstEdit];
    const { gateway } = scriptedCdc([capped, capped, capped, capped, capped, [secondEdit]]);
    const source = new QboSource(gateway, { mode: "cdc", changedSince: "2026-10-31T00:00:00.000Z" });
    const { live } = await source.records("Bill");
    const edited = live.filter((raw) => (raw as { Id: string }).Id === "42");
    expect(edited.map((raw) => (raw as { PrivateNote: string }).PrivateNote)).toEqual(["second edit"]);
  });

  it("continues a capped window from the newest change as an instant", async () => {
    const capped = [...filler.slice(1), secondEdit, firstEdit];
    const { gateway, billCalls } = scriptedCdc([capped, capped, capped, capped, capped, []]);
    await new QboSource(gateway, { mode: "cdc", changedSince: "2026-10-31T00:00:00.000Z" }).records("Bill");
    expect(billCalls.at(-1)).toBe("2026-11-01T09:10:00.000Z");
  });
});
