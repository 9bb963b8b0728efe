import { describe, expect, it } from "vitest";
import { findBrokenPartyLinks, findBrokenTxnLinks } from "@/lib/sync/core/link-check";
import { appBill, appParty, mappingOf, qboBill, qboParty, STANDARD_REFS, tableResolver } from "@/lib/sync/core/test-fixtures";

const resolver = tableResolver(STANDARD_REFS);
const app = appBill();
const linked = mappingOf(app.id, "146", { contentHash: app.contentHash });
const check = (input: Partial<Parameters<typeof findBrokenTxnLinks>[0]>) =>
  findBrokenTxnLinks({ kind: "bill", appRecords: [app], qboRecords: [qboBill()], mappings: [linked], complete: false, deletionsKnown: false, resolver, ...input });

describe("findBrokenTxnLinks", () => {
  it("a link to the record's twin is sound, changed on either side or not", () => {
    expect(check({})).toEqual([]);
    expect(check({ qboRecords: [qboBill({ syncToken: "3", docNumber: "B-100-X", totalCents: 1 })] })).toEqual([]);
    expect(check({ appRecords: [appBill({ number: "B-200" })] })).toEqual([]);
  });

  it("an object older than the version the link recorded is another object under that id", () => {
    expect(check({ mappings: [{ ...linked, syncToken: "4" }], qboRecords: [qboBill({ syncToken: "0" })] })).toEqual([{ localId: app.id, qboId: "146", problem: "older-object" }]);
  });

  it("nothing changed on either side, yet number or party differ: not the twin", () => {
    expect(check({ qboRecords: [qboBill({ docNumber: "B-7" })] })).toEqual([{ localId: app.id, qboId: "146", problem: "not-twin" }]);
    expect(check({ qboRecords: [qboBill({ counterpartyQboId: "999" })] })[0]?.problem).toBe("not-twin");
    // The amount alone never breaks a link (QBO totals may carry tax the app does not model).
    expect(check({ qboRecords: [qboBill({ totalCents: 1 })] })).toEqual([]);
  });

  it("an object missing from a complete read: its unlinked twin is linked instead; with CDC's deletions known, a lost one is sent again", () => {
    const twin = qboBill({ id: "200" });
    expect(check({ qboRecords: [twin], complete: true })).toEqual([{ localId: app.id, qboId: "146", problem: "missing" }]);
    expect(check({ qboRecords: [], complete: true })).toEqual([]); // a plain full pull: deleted in QBO
    expect(check({ qboRecords: [], complete: true, deletionsKnown: true })).toEqual([{ localId: app.id, qboId: "146", problem: "missing" }]);
    expect(check({ qboRecords: [{ id: "146", deleted: true }], complete: true, deletionsKnown: true })).toEqual([]);
    expect(check({ qboRecords: [], complete: false, deletionsKnown: true })).toEqual([]);
  });
});

describe("findBrokenPartyLinks", () => {
  const vendor = appParty();
  const link = mappingOf(vendor.id, "56", { contentHash: vendor.contentHash });
  const run = (input: Partial<Parameters<typeof findBrokenPartyLinks>[0]>) =>
    findBrokenPartyLinks({ kind: "vendor", appRecords: [vendor], qboRecords: [qboParty()], mappings: [link], complete: false, deletionsKnown: false, ...input });

  it("judges names like txn numbers", () => {
    expect(run({})).toEqual([]);
    expect(run({ qboRecords: [qboParty({ displayName: "Acme Supplies (deleted)", active: false })] })).toEqual([]);
    expect(run({ qboRecords: [qboParty({ displayName: "Bolt Hardware" })] })[0]?.problem).toBe("not-twin");
    expect(run({ qboRecords: [qboParty({ syncToken: "2", displayName: "Renamed In QBO" })] })).toEqual([]);
    expect(run({ qboRecords: [qboParty({ id: "60" })], complete: true })[0]?.problem).toBe("missing");
  });
});
