import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatQboDateTime } from "./clock";
import { faultCode, get, startFixture, type SandboxFixture } from "./test-support";
import type { JsonObject } from "./types";

let fx: SandboxFixture;

beforeAll(async () => {
  fx = await startFixture({ seed: { vendors: 30, customers: 30, bills: 1205, invoices: 40, randomSeed: 7 }, batchMaxItems: 30 });
});
afterAll(async () => fx.close());

function rows(result: { body: JsonObject }, entity: string): JsonObject[] {
  const value = get(result.body, "QueryResponse", entity);
  return Array.isArray(value) ? (value as JsonObject[]) : [];
}

/** Fresh bills without payments (so they can be deleted), created as a QBO user would. */
async function unpaidBills(count: number): Promise<JsonObject[]> {
  // CurrencyRef is not filterable on Vendor (QBO answers 4001), so pick a USD vendor here.
  const usd = rows(await fx.query("select * from Vendor maxresults 1000"), "Vendor").find((v) => get(v, "CurrencyRef", "value") === "USD");
  const vendorId = String(usd?.["Id"]);
  const accountId = String(rows(await fx.query("select * from Account where AccountType = 'Expense' maxresults 1"), "Account")[0]?.["Id"]);
  const line = { Amount: 20, DetailType: "AccountBasedExpenseLineDetail", AccountBasedExpenseLineDetail: { AccountRef: { value: accountId } } };
  return fx.server.sandbox.act(
    fx.realmId,
    Array.from({ length: count }, () => ({ type: "create" as const, entity: "Bill" as const, fields: { VendorRef: { value: vendorId }, Line: [line] } })),
  ).results;
}

describe("query over HTTP", () => {
  it("pages past 1000 with STARTPOSITION and reports counts", async () => {
    const total = get((await fx.query("select count(*) from Bill")).body, "QueryResponse", "totalCount");
    expect(total).toBe(1205);
    const first = await fx.query("select * from Bill startposition 1 maxresults 1000");
    expect(get(first.body, "QueryResponse", "startPosition")).toBe(1);
    expect(get(first.body, "QueryResponse", "maxResults")).toBe(1000);
    const second = await fx.query("select * from Bill startposition 1001 maxresults 1000");
    expect(get(second.body, "QueryResponse", "maxResults")).toBe(205);
    const ids = new Set([...rows(first, "Bill"), ...rows(second, "Bill")].map((bill) => bill["Id"]));
    expect(ids.size).toBe(1205);
    const beyond = await fx.query("select * from Bill startposition 1206");
    expect(beyond.body["QueryResponse"]).toEqual({});
    const tooMany = await fx.query("select * from Bill maxresults 1001");
    expect(tooMany.status).toBe(400);
  });

  it("defaults to 100 rows ordered by Id", async () => {
    const page = rows(await fx.query("select * from Bill"), "Bill");
    expect(page).toHaveLength(100);
    const ids = page.map((bill) => Number(bill["Id"]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it("hides inactive name-list rows unless Active is filtered", async () => {
    const active = rows(await fx.query("select * from Vendor maxresults 1000"), "Vendor");
    expect(active.every((vendor) => vendor["Active"] === true)).toBe(true);
    const all = rows(await fx.query("select * from Vendor where Active IN (true, false) maxresults 1000"), "Vendor");
    expect(all.length).toBe(active.length + 1);
    const inactive = rows(await fx.query("select * from vendor where active = false"), "Vendor");
    expect(inactive.map((vendor) => vendor["DisplayName"])).toEqual(["Old Harbor Freight (deleted)"]);
  });

  it("filters with LIKE, IN, dotted fields, references and ORDERBY DESC", async () => {
    const eurVendor = rows(await fx.query("select * from Vendor where DisplayName like 'Lumi%'"), "Vendor")[0];
    const eur = rows(await fx.query(`select * from Bill where VendorRef.value = '${String(eurVendor?.["Id"])}'`), "Bill");
    expect(eur).toHaveLength(1);
    expect(get(eur[0], "CurrencyRef", "value")).toBe("EUR");
    const like = rows(await fx.query("select * from Customer where DisplayName like '%maple leaf%'"), "Customer");
    expect(like.map((c) => c["DisplayName"])).toEqual(["Maple Leaf Outfitters Ltd."]);
    const byIds = rows(await fx.query("select * from Bill where Id in ('" + String(eur[0]?.["Id"]) + "', '999999')"), "Bill");
    expect(byIds).toHaveLength(1);
    const vendorId = String(get(eur[0], "VendorRef", "value"));
    expect(rows(await fx.query(`select * from Bill where VendorRef = '${vendorId}'`), "Bill")).toHaveLength(1);
    const desc = rows(await fx.query("select * from Bill where TotalAmt > 1000 orderby TotalAmt desc maxresults 20"), "Bill");
    const totals = desc.map((bill) => Number(bill["TotalAmt"]));
    expect(totals.every((t) => t > 1000)).toBe(true);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const recent = rows(await fx.query(`select * from Bill where MetaData.LastUpdatedTime >= '${formatQboDateTime(new Date(Date.now() - 5 * 86_400_000))}' maxresults 1000`), "Bill");
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length).toBeLessThan(1205);
  });

  it("accepts POST with Content-Type application/text and answers 4000 for parse errors", async () => {
    const posted = await fx.api("/query", { body: "select count(*) from Invoice", contentType: "application/text" });
    expect(get(posted.body, "QueryResponse", "totalCount")).toBe(40);
    const bad = await fx.query("select * from Bill where");
    expect(bad.status).toBe(400);
    expect(faultCode(bad)).toBe("4000");
    expect(get(bad.body, "Fault", "Error", 0, "Message")).toBe("Error parsing query");
  });
});

describe("change data capture", () => {
  it("returns changes since a time, grouped per entity, deletions last", async () => {
    fx.server.sandbox.advanceClock(5_000); // keep the seed's own changes out of the window
    const since = formatQboDateTime(new Date(fx.server.sandbox.now().getTime() - 1000));
    const acted = fx.server.sandbox.act(fx.realmId, [
      { type: "create", entity: "Vendor", fields: { DisplayName: "CDC Vendor One" } },
      { type: "create", entity: "Vendor", fields: { DisplayName: "CDC Vendor Two" } },
    ]);
    const first = acted.results[0];
    fx.server.sandbox.advanceClock(1000); // QBO timestamps have second precision
    fx.server.sandbox.act(fx.realmId, [{ type: "deactivate", entity: "Vendor", id: String(first?.["Id"]) }]);
    const billId = String((await unpaidBills(1))[0]?.["Id"]);
    fx.server.sandbox.act(fx.realmId, [{ type: "delete", entity: "Bill", id: billId }]);
    const result = await fx.api(`/cdc?entities=Vendor,bill,Invoice&changedSince=${encodeURIComponent(since)}`);
    expect(result.status, result.text).toBe(200);
    const groups = get(result.body, "CDCResponse", 0, "QueryResponse") as JsonObject[];
    expect(groups).toHaveLength(3);
    const vendors = groups[0]?.["Vendor"] as JsonObject[];
    expect(vendors.map((v) => v["DisplayName"])).toEqual(["CDC Vendor Two", "CDC Vendor One (deleted)"]);
    expect(groups[1]?.["Bill"]).toEqual([{ Id: billId, status: "Deleted", domain: "QBO", MetaData: expect.any(Object) }]);
    expect(groups[2]).toEqual({});
  });

  it("rejects a window older than 30 days and missing params", async () => {
    const old = formatQboDateTime(new Date(Date.now() - 31 * 86_400_000));
    const tooOld = await fx.api(`/cdc?entities=Bill&changedSince=${encodeURIComponent(old)}`);
    expect(tooOld.status).toBe(400);
    expect(get(tooOld.body, "Fault", "Error", 0, "Detail")).toContain("30 days");
    expect(faultCode(await fx.api("/cdc?entities=Bill"))).toBe("2020");
  });

  it("caps a response at 1000 objects, oldest first", async () => {
    fx.server.sandbox.advanceClock(5_000); // keep the seed's own changes out of the window
    const since = formatQboDateTime(new Date(fx.server.sandbox.now().getTime() - 1000));
    fx.server.sandbox.act(
      fx.realmId,
      Array.from({ length: 1010 }, (_, i) => ({ type: "create" as const, entity: "Customer" as const, fields: { DisplayName: `Bulk CDC Customer ${i}` } })),
    );
    const result = await fx.api(`/cdc?entities=Customer&changedSince=${encodeURIComponent(since)}`);
    const customers = get(result.body, "CDCResponse", 0, "QueryResponse", 0, "Customer") as JsonObject[];
    expect(customers).toHaveLength(1000);
    expect(customers[0]?.["DisplayName"]).toBe("Bulk CDC Customer 0");
  });
});

describe("batch", () => {
  it("runs independent items with per-item faults", async () => {
    const vendorId = String(rows(await fx.query("select * from Vendor maxresults 1"), "Vendor")[0]?.["Id"]);
    const accountId = String(rows(await fx.query("select * from Account where AccountType = 'Expense' maxresults 1"), "Account")[0]?.["Id"]);
    const [toUpdate, toDelete] = await unpaidBills(2);
    const line = { Amount: 12.5, DetailType: "AccountBasedExpenseLineDetail", AccountBasedExpenseLineDetail: { AccountRef: { value: accountId } } };
    fx.server.sandbox.resetStats(fx.realmId);
    const result = await fx.api("/batch?requestid=batch-1", {
      body: {
        BatchItemRequest: [
          { bId: "c1", operation: "create", Bill: { VendorRef: { value: vendorId }, Line: [line], DocNumber: "BATCH-1" } },
          { bId: "c2", operation: "create", Bill: { VendorRef: { value: "999999" }, Line: [line] } },
          { bId: "u1", operation: "update", Bill: { Id: toUpdate?.["Id"], SyncToken: toUpdate?.["SyncToken"], sparse: true, PrivateNote: "batched" } },
          { bId: "u2", operation: "update", Bill: { Id: toUpdate?.["Id"], SyncToken: "0", sparse: true, PrivateNote: "stale" } },
          { bId: "d1", operation: "delete", Bill: { Id: toDelete?.["Id"], SyncToken: toDelete?.["SyncToken"] } },
          { bId: "q1", Query: "select count(*) from Bill where DocNumber = 'BATCH-1'" },
          { bId: "q2", Query: "select * from" },
        ],
      },
    });
    expect(result.status, result.text).toBe(200);
    const items = new Map((result.body["BatchItemResponse"] as JsonObject[]).map((item) => [item["bId"], item]));
    expect(get(items.get("c1"), "Bill", "DocNumber")).toBe("BATCH-1");
    expect(get(items.get("c2"), "Fault", "Error", 0, "code")).toBe("2500");
    expect(get(items.get("u1"), "Bill", "PrivateNote")).toBe("batched");
    expect(get(items.get("u2"), "Fault", "Error", 0, "code")).toBe("5010");
    expect(get(items.get("d1"), "Bill", "status")).toBe("Deleted");
    expect(get(items.get("q1"), "QueryResponse", "totalCount")).toBe(1);
    expect(get(items.get("q2"), "Fault", "Error", 0, "code")).toBe("4000");
    const stats = fx.server.sandbox.getStats(fx.realmId);
    expect([stats.batches, stats.writes, stats.byKind.batch]).toEqual([1, 3, 1]);

    const replay = await fx.api("/batch?requestid=batch-1", { body: { BatchItemRequest: [{ bId: "x", Query: "select * from Bill" }] } });
    expect(replay.text).toBe(result.text);
  });

  it("rejects more items than the cap", async () => {
    const items = Array.from({ length: 31 }, (_, i) => ({ bId: `q${i}`, Query: "select count(*) from Bill" }));
    const tooBig = await fx.api("/batch", { body: { BatchItemRequest: items } });
    expect(tooBig.status).toBe(400);
    expect(get(tooBig.body, "Fault", "type")).toBe("ValidationFault");
    const ok = await fx.api("/batch", { body: { BatchItemRequest: items.slice(0, 30) } });
    expect((ok.body["BatchItemResponse"] as JsonObject[]).length).toBe(30);
  });
});
