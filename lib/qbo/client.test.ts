import { describe, expect, it } from "vitest";
import { QboClient, type BatchItem } from "@/lib/qbo/client";
import { builtInSandboxEndpoints } from "@/lib/qbo/config";
import { QboError } from "@/lib/qbo/errors";
import { unlimitedRateBudget } from "@/lib/qbo/limiter";
import { fault, fixedTokenProvider, jsonResponse, meta, scriptedFetch, type FetchHandler } from "@/lib/qbo/test-support";

function clientWith(handler: FetchHandler, options: { batchMaxItems?: number; queryPageSize?: number } = {}) {
  const fake = scriptedFetch(handler);
  const client = new QboClient({
    endpoints: builtInSandboxEndpoints("http://sandbox.test"),
    realmId: "123",
    tokenProvider: fixedTokenProvider().provider,
    limiter: unlimitedRateBudget,
    fetch: fake.fetch,
    sleep: async () => undefined,
    ...options,
  });
  return { client, calls: fake.calls };
}

const vendor = (id: number) => ({ Id: String(id), SyncToken: "0", MetaData: meta, DisplayName: `Vendor ${id}`, Extra: { kept: true } });
const bill = (id: string, extra: Record<string, unknown> = {}) => ({
  Id: id,
  SyncToken: "0",
  MetaData: meta,
  VendorRef: { value: "1" },
  Line: [{ Amount: 10, DetailType: "AccountBasedExpenseLineDetail", AccountBasedExpenseLineDetail: { AccountRef: { value: "7" } } }],
  TotalAmt: 10,
  Balance: 10,
  ...extra,
});

describe("QboClient.query", () => {
  it("pages with STARTPOSITION/MAXRESULTS until a short page and keeps unknown fields", async () => {
    const { client, calls } = clientWith((request) => {
      const query = request.url.searchParams.get("query") ?? "";
      const start = Number(/STARTPOSITION (\d+)/.exec(query)?.[1]);
      const total = 7;
      const rows = Array.from({ length: Math.max(0, Math.min(3, total - start + 1)) }, (_, i) => vendor(start + i));
      return jsonResponse(200, { QueryResponse: rows.length ? { Vendor: rows, startPosition: start, maxResults: rows.length } : {} });
    }, { queryPageSize: 3 });
    const vendors = await client.query("Vendor", "Active IN (true, false)", { orderBy: "Id" });
    expect(vendors.map((v) => v.Id)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(vendors[0]?.Extra).toEqual({ kept: true });
    expect(calls.map((c) => c.url.searchParams.get("query"))).toEqual([
      "SELECT * FROM Vendor WHERE Active IN (true, false) ORDERBY Id STARTPOSITION 1 MAXRESULTS 3",
      "SELECT * FROM Vendor WHERE Active IN (true, false) ORDERBY Id STARTPOSITION 4 MAXRESULTS 3",
      "SELECT * FROM Vendor WHERE Active IN (true, false) ORDERBY Id STARTPOSITION 7 MAXRESULTS 3",
    ]);
    expect(calls.every((c) => c.url.searchParams.get("minorversion") === "75")).toBe(true);
  });

  it("fetches one more page when the last full page ends exactly at the total", async () => {
    const { client, calls } = clientWith((_, i) =>
      jsonResponse(200, { QueryResponse: i === 0 ? { Vendor: [vendor(1), vendor(2)] } : {} }),
    { queryPageSize: 2 });
    expect(await client.query("Vendor")).toHaveLength(2);
    expect(calls).toHaveLength(2);
  });

  it("counts with COUNT(*)", async () => {
    const { client, calls } = clientWith(() => jsonResponse(200, { QueryResponse: { totalCount: 42 } }));
    expect(await client.count("Bill", "Balance > '0'")).toBe(42);
    expect(calls[0]?.url.searchParams.get("query")).toBe("SELECT COUNT(*) FROM Bill WHERE Balance > '0'");
  });

  it("posts long queries as application/text", async () => {
    const { client, calls } = clientWith(() => jsonResponse(200, { QueryResponse: {} }));
    const ids = Array.from({ length: 400 }, (_, i) => `'${i}'`).join(", ");
    await client.query("Bill", `Id IN (${ids})`);
    expect(calls[0]?.method).toBe("POST");
    expect(calls[0]?.headers.get("content-type")).toBe("application/text");
    expect(calls[0]?.body).toContain("SELECT * FROM Bill WHERE Id IN");
  });

  it("refuses a row that lacks fields we rely on", async () => {
    const { client } = clientWith(() => jsonResponse(200, { QueryResponse: { Bill: [{ Id: "1" }] } }));
    await expect(client.query("Bill")).rejects.toMatchObject({ code: "invalid_response", kind: "fatal" });
  });
});

describe("QboClient writes", () => {
  it("creates, sparse-updates and deletes with requestid", async () => {
    const { client, calls } = clientWith((request) => {
      if (request.url.searchParams.get("operation") === "delete") return jsonResponse(200, { Bill: { Id: "5", status: "Deleted", domain: "QBO" } });
      return jsonResponse(200, { Bill: bill("5", { SyncToken: "1" }), time: "t" });
    });
    const created = await client.create("Bill", { VendorRef: { value: "1" } }, { requestId: "req-1" });
    expect(created.Balance).toBe(10);
    await client.update("Bill", { Id: "5", SyncToken: "0", PrivateNote: "x" }, { requestId: "req-2", sparse: true });
    const deleted = await client.delete("Bill", { Id: "5", SyncToken: "1" }, { requestId: "req-3" });
    expect(deleted).toMatchObject({ Id: "5", status: "Deleted" });
    expect(calls.map((c) => `${c.method} ${c.url.pathname}?${c.url.searchParams}`)).toEqual([
      "POST /v3/company/123/bill?requestid=req-1&minorversion=75",
      "POST /v3/company/123/bill?requestid=req-2&minorversion=75",
      "POST /v3/company/123/bill?operation=delete&requestid=req-3&minorversion=75",
    ]);
    expect(JSON.parse(calls[1]?.body ?? "{}")).toEqual({ Id: "5", SyncToken: "0", PrivateNote: "x", sparse: true });
    expect(JSON.parse(calls[2]?.body ?? "{}")).toEqual({ Id: "5", SyncToken: "1" });
  });

  it("voids invoices with operation=void and payments with include=void", async () => {
    const { client, calls } = clientWith((request) => {
      if (request.url.pathname.endsWith("/invoice")) {
        return jsonResponse(200, { Invoice: { Id: "9", SyncToken: "2", MetaData: meta, CustomerRef: { value: "3" }, Line: [], TotalAmt: 0, Balance: 0, PrivateNote: "Voided" } });
      }
      return jsonResponse(200, { Payment: { Id: "4", SyncToken: "1", MetaData: meta, CustomerRef: { value: "3" }, TotalAmt: 0, Line: [] } });
    });
    const invoice = await client.void("Invoice", { Id: "9", SyncToken: "1" }, { requestId: "v1" });
    expect(invoice.TotalAmt).toBe(0);
    await client.void("Payment", { Id: "4", SyncToken: "0" }, { requestId: "v2" });
    expect(calls[0]?.url.searchParams.get("operation")).toBe("void");
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({ Id: "9", SyncToken: "1" });
    expect(calls[1]?.url.searchParams.get("operation")).toBe("update");
    expect(calls[1]?.url.searchParams.get("include")).toBe("void");
    expect(JSON.parse(calls[1]?.body ?? "")).toEqual({ Id: "4", SyncToken: "0", sparse: true });
  });

  it("refuses to void a bill without calling QBO", async () => {
    const { client, calls } = clientWith(() => jsonResponse(500, {}));
    const error = await client.void("Bill", { Id: "1", SyncToken: "0" }, { requestId: "v" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QboError);
    expect(error).toMatchObject({ code: "not_voidable", kind: "validation" });
    expect((error as Error).message).toMatch(/bills cannot be voided/i);
    expect(calls).toHaveLength(0);
  });

  it("rejects request ids that QBO would refuse", async () => {
    const { client } = clientWith(() => jsonResponse(200, {}));
    await expect(client.create("Vendor", {}, { requestId: "x".repeat(51) })).rejects.toThrow(/requestid/);
    await expect(client.batch([], { requestId: "x".repeat(37) })).rejects.toThrow(/requestid/);
  });

  it("surfaces the stale-object fault as kind stale", async () => {
    const { client } = clientWith(() => jsonResponse(400, fault("5010", "Stale Object Error")));
    await expect(client.update("Bill", { Id: "1", SyncToken: "0" }, { requestId: "r" })).rejects.toMatchObject({ kind: "stale", code: "5010" });
  });
});

describe("QboClient.batch", () => {
  it("chunks, numbers items, and returns per-item results in input order", async () => {
    const { client, calls } = clientWith((request) => {
      const items = JSON.parse(request.body ?? "{}").BatchItemRequest as { bId: string; operation?: string; Vendor?: { DisplayName: string }; Query?: string }[];
      // Answer in reverse order: the client must match by bId.
      const answers = items.map((item) => {
        if (item.Query) return { bId: item.bId, QueryResponse: { Vendor: [vendor(1)] } };
        if (item.Vendor?.DisplayName === "dup") return { bId: item.bId, Fault: fault("6240", "Duplicate Name Exists Error").Fault };
        if (item.operation === "delete") return { bId: item.bId, Vendor: { Id: "3", status: "Deleted" } };
        return { bId: item.bId, Vendor: { ...vendor(Number(item.bId.slice(1)) + 100), DisplayName: item.Vendor?.DisplayName } };
      });
      return jsonResponse(200, { BatchItemResponse: answers.reverse() });
    }, { batchMaxItems: 2 });
    const items: BatchItem[] = [
      { operation: "create", entity: "Vendor", body: { DisplayName: "a" } },
      { operation: "create", entity: "Vendor", body: { DisplayName: "dup" } },
      { operation: "delete", entity: "Vendor", body: { Id: "3", SyncToken: "0" } },
      { query: "select * from Vendor" },
      { operation: "create", entity: "Vendor", body: { DisplayName: "e" } },
    ];
    const results = await client.batch(items, { requestId: "batch-req" });
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => c.url.searchParams.get("requestid"))[0]).toBe("batch-req");
    const ids = calls.map((c) => c.url.searchParams.get("requestid"));
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => (id ?? "").length <= 36)).toBe(true);
    expect(JSON.parse(calls[1]?.body ?? "").BatchItemRequest.map((i: { bId: string }) => i.bId)).toEqual(["b2", "b3"]);
    expect(results.map((r) => (r.ok ? r.kind : r.error.code))).toEqual(["entity", "6240", "deleted", "query", "entity"]);
    const first = results[0];
    expect(first?.ok && first.kind === "entity" && first.value.DisplayName).toBe("a");
    const failed = results[1];
    expect(failed?.ok === false && failed.error.kind).toBe("duplicate");
  });

  it("reports a missing answer as a failed item", async () => {
    const { client } = clientWith(() => jsonResponse(200, { BatchItemResponse: [] }));
    const [result] = await client.batch([{ operation: "create", entity: "Vendor", body: {} }], { requestId: "r" });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_response" } });
  });

  it("uses the same chunk request ids when the same batch is replayed", async () => {
    const { client, calls } = clientWith(() => jsonResponse(200, { BatchItemResponse: [] }), { batchMaxItems: 1 });
    const items: BatchItem[] = [{ query: "select * from Bill" }, { query: "select * from Bill" }];
    await client.batch(items, { requestId: "r" });
    await client.batch(items, { requestId: "r" });
    const ids = calls.map((c) => c.url.searchParams.get("requestid"));
    expect(ids.slice(0, 2)).toEqual(ids.slice(2));
  });
});

describe("QboClient.cdc and company", () => {
  it("groups changed objects by entity and separates deletions", async () => {
    const { client, calls } = clientWith(() =>
      jsonResponse(200, {
        CDCResponse: [
          {
            QueryResponse: [
              { Bill: [bill("1"), { Id: "2", status: "Deleted", MetaData: { LastUpdatedTime: "2026-01-02T00:00:00Z" } }], startPosition: 1, maxResults: 2 },
              { Vendor: [vendor(8)] },
              {},
            ],
          },
        ],
      }),
    );
    const since = new Date("2026-01-01T00:00:00.750Z");
    const result = await client.cdc(["Bill", "Vendor", "Invoice"], since);
    expect(calls[0]?.url.searchParams.get("entities")).toBe("Bill,Vendor,Invoice");
    // To the second in UTC, as public SDKs send it; rounded down so nothing is skipped.
    expect(calls[0]?.url.searchParams.get("changedSince")).toBe("2026-01-01T00:00:00Z");
    expect(result.changed.Bill?.map((b) => b.Id)).toEqual(["1"]);
    expect(result.deleted.Bill?.map((b) => b.Id)).toEqual(["2"]);
    expect(result.changed.Vendor?.[0]?.DisplayName).toBe("Vendor 8");
    expect(result.changed.Invoice).toBeUndefined();
    expect(result.limitReached).toBe(false);
  });

  it("reads company info and preferences", async () => {
    const { client, calls } = clientWith((request) =>
      request.url.pathname.includes("companyinfo")
        ? jsonResponse(200, { CompanyInfo: { Id: "1", CompanyName: "Acme", Country: "US" } })
        : jsonResponse(200, { Preferences: { CurrencyPrefs: { MultiCurrencyEnabled: false, HomeCurrency: { value: "USD" } } } }),
    );
    expect((await client.companyInfo()).CompanyName).toBe("Acme");
    expect((await client.preferences()).CurrencyPrefs?.HomeCurrency?.value).toBe("USD");
    expect(calls.map((c) => c.url.pathname)).toEqual(["/v3/company/123/companyinfo/123", "/v3/company/123/preferences"]);
  });
});
