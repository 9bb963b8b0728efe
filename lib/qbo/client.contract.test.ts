/**
 * Contract tests: this client against the built-in QBO sandbox over real HTTP (no mocks).
 * They pin the behaviour the sync engine relies on: OAuth, paging, writes, faults → kinds,
 * batch, idempotency, token refresh, throttling backoff and reconnect.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "@/lib/qbo-sandbox";
import { QboClient, type QboClientOptions } from "@/lib/qbo/client";
import { builtInSandboxEndpoints, type QboEndpoints } from "@/lib/qbo/config";
import { QboError } from "@/lib/qbo/errors";
import { InMemoryRateBudget, unlimitedRateBudget } from "@/lib/qbo/limiter";
import { createQboOAuth, type QboOAuth } from "@/lib/qbo/oauth";
import { createInMemoryNonceRegistry, createOAuthState, verifyOAuthState } from "@/lib/qbo/oauth-state";
import { requestIdFor } from "@/lib/qbo/requestid";
import { createTokenProvider } from "@/lib/qbo/token-provider";
import type { QboTokenSet, TokenStore } from "@/lib/qbo/tokens";

const REDIRECT_URI = "http://localhost:3000/api/qbo/callback";
const STATE_SECRET = "contract-test-state-secret";

let server: SandboxServer;
let endpoints: QboEndpoints;
let oauth: QboOAuth;

beforeAll(async () => {
  server = await startSandboxServer({ port: 0, throttling: false });
  endpoints = builtInSandboxEndpoints(server.url);
  oauth = createQboOAuth({
    clientId: server.sandbox.options.clientId,
    clientSecret: server.sandbox.options.clientSecret,
    redirectUri: REDIRECT_URI,
    endpoints,
  });
});

afterAll(async () => {
  await server.close();
});

function memoryStore(initial: QboTokenSet) {
  const state = { current: initial as QboTokenSet | null, saves: 0, reconnectReasons: [] as string[] };
  const store: TokenStore = {
    load: async () => state.current,
    save: async (tokens) => {
      state.current = tokens;
      state.saves++;
    },
    markNeedsReconnect: async (reason) => {
      state.reconnectReasons.push(reason);
    },
  };
  return { store, state };
}

/** Tokens for a fresh company, issued by the sandbox's control API (the OAuth test covers consent). */
function connectCompany(seed?: { vendors?: number; customers?: number; bills?: number; invoices?: number }): QboTokenSet {
  const { realmId } = server.sandbox.createCompany({
    ...(seed ? { seed: { vendors: 0, customers: 0, bills: 0, invoices: 0, ...seed } } : {}),
  });
  const issued = server.sandbox.issueTokens(realmId);
  const now = Date.now();
  return {
    realmId,
    accessToken: issued.access_token,
    refreshToken: issued.refresh_token,
    accessTokenExpiresAt: new Date(now + issued.expires_in * 1000),
    refreshTokenExpiresAt: new Date(now + issued.x_refresh_token_expires_in * 1000),
  };
}

function clientFor(tokens: QboTokenSet, options: Partial<QboClientOptions> = {}) {
  const { store, state } = memoryStore(tokens);
  const sleeps: number[] = [];
  const urls: string[] = [];
  const client = new QboClient({
    endpoints,
    realmId: tokens.realmId,
    tokenProvider: createTokenProvider(store, oauth),
    limiter: unlimitedRateBudget,
    // Real fetch; only recorded so tests can count the requests that went out.
    fetch: (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    },
    // Backoff decisions are recorded, not waited out.
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
  return { client, state, sleeps, urls };
}

async function failureOf(promise: Promise<unknown>): Promise<QboError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof QboError) return error;
    throw error;
  }
  throw new Error("expected a QboError");
}

function decodeHtml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');
}

/** What a person does on the consent page: submit its form with Approve for our company. */
async function approveConsent(authorizeUrl: string, realmId: string): Promise<string> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error("consent page has no form");
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(match[1] ?? "", decodeHtml(match[2] ?? ""));
  }
  expect(html).toContain(`value="${realmId}"`);
  form.set("realmId", realmId);
  form.set("decision", "approve");
  const decision = await fetch(new URL(decodeHtml(action), authorizeUrl), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    redirect: "manual",
  });
  expect(decision.status).toBeGreaterThanOrEqual(300);
  expect(decision.status).toBeLessThan(400);
  const location = decision.headers.get("location");
  if (!location) throw new Error("approval did not redirect");
  return location;
}

async function accountId(client: QboClient, type: string): Promise<string> {
  const [account] = await client.query("Account", `AccountType = '${type}'`);
  if (!account) throw new Error(`no ${type} account`);
  return account.Id;
}

function expenseLine(amount: number, account: string) {
  return {
    Amount: amount,
    DetailType: "AccountBasedExpenseLineDetail",
    AccountBasedExpenseLineDetail: { AccountRef: { value: account } },
  };
}

describe("OAuth against the sandbox", () => {
  it("connects through the consent page, refreshes with rotation and revokes", async () => {
    const { realmId, companyName } = server.sandbox.createCompany({ name: "Contract OAuth Co" });
    const usedNonce = createInMemoryNonceRegistry();
    const state = createOAuthState({ orgId: "org_contract", secret: STATE_SECRET });

    const location = await approveConsent(oauth.buildAuthorizeUrl({ state }), realmId);
    const callback = new URL(location);
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get("realmId")).toBe(realmId);
    const verified = await verifyOAuthState(callback.searchParams.get("state") ?? "", { secret: STATE_SECRET, usedNonce });
    expect(verified.orgId).toBe("org_contract");

    const tokens = await oauth.exchangeCode(location);
    expect(tokens.realmId).toBe(realmId);
    expect(tokens.accessTokenExpiresAt.getTime()).toBeGreaterThan(Date.now() + 55 * 60_000);
    expect(tokens.refreshTokenExpiresAt.getTime()).toBeGreaterThan(Date.now() + 99 * 86_400_000);
    // A code is single use.
    expect((await failureOf(oauth.exchangeCode(location))).code).toBe("invalid_grant");

    const { client } = clientFor(tokens);
    expect((await client.companyInfo()).CompanyName).toBe(companyName);

    const refreshed = await oauth.refresh(tokens.refreshToken, realmId);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).toBeTruthy();

    await oauth.revoke(refreshed.refreshToken);
    const afterRevoke = await failureOf(oauth.refresh(refreshed.refreshToken, realmId));
    expect(afterRevoke).toMatchObject({ code: "invalid_grant", kind: "auth" });
  });

  it("reports a denied consent as an auth error", async () => {
    const state = createOAuthState({ orgId: "org_contract", secret: STATE_SECRET });
    const page = await fetch(oauth.buildAuthorizeUrl({ state }));
    const html = await page.text();
    const form = new URLSearchParams();
    for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      form.set(match[1] ?? "", decodeHtml(match[2] ?? ""));
    }
    form.set("decision", "deny");
    const action = decodeHtml(/<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? "");
    const response = await fetch(new URL(action, page.url), { method: "POST", body: form, redirect: "manual" });
    const location = response.headers.get("location") ?? "";
    expect(await failureOf(oauth.exchangeCode(location))).toMatchObject({ code: "access_denied", kind: "auth" });
  });
});

describe("QboClient against the sandbox", () => {
  it("pages past 1000 rows and agrees with COUNT(*)", async () => {
    const tokens = connectCompany({ vendors: 1005 });
    const { client, urls } = clientFor(tokens);
    const total = await client.count("Vendor");
    expect(total).toBeGreaterThan(1000);
    const start = urls.length;
    const vendors = await client.query("Vendor", undefined, { orderBy: "Id" });
    expect(vendors).toHaveLength(total);
    expect(new Set(vendors.map((v) => v.Id)).size).toBe(total);
    expect(urls.length - start).toBe(2);
  });

  it("reads several entities in batch requests, with no empty page at an exact multiple of the page size", async () => {
    const tokens = connectCompany({ vendors: 30, customers: 7 });
    const { client, urls } = clientFor(tokens, { queryPageSize: 10 });
    // The seed adds a few vendors of its own: top up to an exact multiple of the page size.
    for (let n = await client.count("Vendor"); n % 10 !== 0; n++) {
      await client.create("Vendor", { DisplayName: `Top-up ${n}` }, { requestId: requestIdFor(`top-up-${tokens.realmId}-${n}`) });
    }
    const [vendorTotal, customerTotal] = [await client.count("Vendor"), await client.count("Customer")];
    const start = urls.length;
    let requests = 0;
    const rows = client.queryAllMany([{ entity: "Vendor" }, { entity: "Customer" }], { pagesPerBatch: 2, onRequest: () => (requests += 1) });
    const [vendors, customers] = await Promise.all([rows.get("Vendor"), rows.get("Customer")]);
    // COUNT + page 1 of both in one batch; the vendors' remaining pages two to a batch.
    expect(requests).toBe(1 + Math.ceil((vendorTotal / 10 - 1) / 2));
    expect(urls.slice(start).every((url) => new URL(url).pathname.endsWith("/batch"))).toBe(true);
    expect(urls.length - start).toBe(requests);
    expect(vendors).toHaveLength(vendorTotal);
    expect(new Set(vendors?.map((v) => v.Id)).size).toBe(vendorTotal);
    expect(customers).toHaveLength(customerTotal);
  });

  it("fails a batched read when one of its queries is refused", async () => {
    const { client } = clientFor(connectCompany());
    const error = await failureOf(client.queryAllMany([{ entity: "Vendor", where: "DisplayName LIKE" }]).get("Vendor") as Promise<unknown>);
    expect(error.kind).toBe("validation");
  });

  it("creates, reads, sparse-updates and deletes a bill; refuses stale updates (5010)", async () => {
    const { client } = clientFor(connectCompany());
    const expense = await accountId(client, "Expense");
    const vendor = await client.create("Vendor", { DisplayName: "Contract Paper Co" }, { requestId: requestIdFor("v-paper") });
    const bill = await client.create(
      "Bill",
      { VendorRef: { value: vendor.Id }, DocNumber: "C-100", TxnDate: "2026-01-05", Line: [expenseLine(125.5, expense)] },
      { requestId: requestIdFor("bill-c100") },
    );
    expect(bill).toMatchObject({ SyncToken: "0", TotalAmt: 125.5, Balance: 125.5, DocNumber: "C-100" });

    const read = await client.read("Bill", bill.Id);
    expect(read.Line[0]?.AccountBasedExpenseLineDetail?.AccountRef.value).toBe(expense);

    const updated = await client.update(
      "Bill",
      { Id: bill.Id, SyncToken: bill.SyncToken, PrivateNote: "checked" },
      { requestId: requestIdFor("bill-c100-note"), sparse: true },
    );
    expect(updated).toMatchObject({ SyncToken: "1", PrivateNote: "checked", TotalAmt: 125.5 });

    const stale = await failureOf(
      client.update("Bill", { Id: bill.Id, SyncToken: "0", PrivateNote: "late" }, { requestId: requestIdFor("bill-late"), sparse: true }),
    );
    expect(stale).toMatchObject({ code: "5010", kind: "stale", httpStatus: 400 });
    expect(stale.intuitTid).toBeTruthy();

    const deleted = await client.delete("Bill", { Id: bill.Id, SyncToken: updated.SyncToken }, { requestId: requestIdFor("bill-del") });
    expect(deleted).toMatchObject({ Id: bill.Id, status: "Deleted" });
    expect(await failureOf(client.read("Bill", bill.Id))).toMatchObject({ code: "610", kind: "not_found" });
  });

  it("voids invoices and payments, and refuses to void bills", async () => {
    const { client } = clientFor(connectCompany());
    const customer = await client.create("Customer", { DisplayName: "Contract Customer" }, { requestId: requestIdFor("c-1") });
    const [item] = await client.query("Item");
    if (!item) throw new Error("sandbox company has no items");
    const invoiceBody = (doc: string) => ({
      CustomerRef: { value: customer.Id },
      DocNumber: doc,
      TxnDate: "2026-01-10",
      Line: [{ Amount: 200, DetailType: "SalesItemLineDetail", SalesItemLineDetail: { ItemRef: { value: item.Id }, Qty: 2, UnitPrice: 100 } }],
    });
    const invoice = await client.create("Invoice", invoiceBody("INV-1"), { requestId: requestIdFor("inv-1") });
    const voided = await client.void("Invoice", invoice, { requestId: requestIdFor("inv-1-void") });
    expect(voided.Id).toBe(invoice.Id);
    expect(voided.TotalAmt).toBe(0);
    expect(voided.PrivateNote ?? "").toMatch(/^Voided/);

    const paid = await client.create("Invoice", invoiceBody("INV-2"), { requestId: requestIdFor("inv-2") });
    const payment = await client.create(
      "Payment",
      { CustomerRef: { value: customer.Id }, TotalAmt: 200, Line: [{ Amount: 200, LinkedTxn: [{ TxnId: paid.Id, TxnType: "Invoice" }] }] },
      { requestId: requestIdFor("pay-1") },
    );
    expect((await client.read("Invoice", paid.Id)).Balance).toBe(0);
    const voidedPayment = await client.void("Payment", payment, { requestId: requestIdFor("pay-1-void") });
    expect(voidedPayment.TotalAmt).toBe(0);
    expect((await client.read("Invoice", paid.Id)).Balance).toBe(200);

    const error = await failureOf(client.void("Bill", { Id: "1", SyncToken: "0" }, { requestId: requestIdFor("bill-void") }));
    expect(error).toMatchObject({ code: "not_voidable", kind: "validation" });
  });

  it("maps duplicate names (6240), missing (2500) and inactive (610) references to kinds", async () => {
    const { client } = clientFor(connectCompany());
    const expense = await accountId(client, "Expense");
    const vendor = await client.create("Vendor", { DisplayName: "Twin Name" }, { requestId: requestIdFor("twin-v") });

    const duplicate = await failureOf(client.create("Customer", { DisplayName: "Twin Name" }, { requestId: requestIdFor("twin-c") }));
    expect(duplicate).toMatchObject({ code: "6240", kind: "duplicate", element: "DisplayName", faultType: "ValidationFault" });

    const missing = await failureOf(
      client.create("Bill", { VendorRef: { value: "99999999" }, DocNumber: "M-1", Line: [expenseLine(10, expense)] }, { requestId: requestIdFor("m-1") }),
    );
    expect(missing).toMatchObject({ code: "2500", kind: "not_found" });

    server.sandbox.act(client.realmId, [{ type: "deactivate", entity: "Vendor", id: vendor.Id }]);
    const inactive = await failureOf(
      client.create("Bill", { VendorRef: { value: vendor.Id }, DocNumber: "I-1", Line: [expenseLine(10, expense)] }, { requestId: requestIdFor("i-1") }),
    );
    expect(inactive).toMatchObject({ code: "610", kind: "not_found" });
  });

  it("returns per-item batch results in input order, failures included", async () => {
    const { client } = clientFor(connectCompany(), { batchMaxItems: 2 });
    const expense = await accountId(client, "Expense");
    await client.create("Vendor", { DisplayName: "Batch Existing" }, { requestId: requestIdFor("b-existing") });
    const results = await client.batch(
      [
        { operation: "create", entity: "Vendor", body: { DisplayName: "Batch One" } },
        { operation: "create", entity: "Vendor", body: { DisplayName: "Batch Existing" } },
        { query: "SELECT * FROM Vendor WHERE DisplayName = 'Batch Existing'" },
        { operation: "create", entity: "Vendor", body: { DisplayName: "Batch Two" } },
        { operation: "create", entity: "Bill", body: { VendorRef: { value: "99999999" }, Line: [expenseLine(3, expense)] } },
      ],
      { requestId: requestIdFor("batch-1") },
    );
    expect(results.map((r) => (r.ok ? r.kind : `${r.error.kind} ${r.error.code}`))).toEqual([
      "entity",
      "duplicate 6240",
      "query",
      "entity",
      "not_found 2500",
    ]);
    const first = results[0];
    expect(first?.ok && first.kind === "entity" ? first.value.DisplayName : undefined).toBe("Batch One");
    const fourth = results[3];
    expect(fourth?.ok && fourth.kind === "entity" ? fourth.value.DisplayName : undefined).toBe("Batch Two");
    const query = results[2];
    expect(query?.ok && query.kind === "query" ? query.response : undefined).toHaveProperty("Vendor");
  });

  it("replays a write with the same requestid instead of creating twice", async () => {
    const { client, urls } = clientFor(connectCompany());
    const requestId = requestIdFor("outbox:1:create-vendor");
    const first = await client.create("Vendor", { DisplayName: "Replay Vendor" }, { requestId });
    const again = await client.create("Vendor", { DisplayName: "Replay Vendor" }, { requestId });
    expect(again.Id).toBe(first.Id);
    expect(await client.count("Vendor", "DisplayName = 'Replay Vendor'")).toBe(1);

    const batchId = requestIdFor("outbox:2:batch");
    const items = [{ operation: "create" as const, entity: "Vendor" as const, body: { DisplayName: "Replay Batch" } }];
    const [a] = await client.batch(items, { requestId: batchId });
    const [b] = await client.batch(items, { requestId: batchId });
    expect(a?.ok && b?.ok).toBe(true);
    expect(await client.count("Vendor", "DisplayName = 'Replay Batch'")).toBe(1);
    expect(urls.filter((u) => u.includes(`requestid=${batchId}`))).toHaveLength(2);
  });

  it("lists changes and deletions through CDC", async () => {
    const { client } = clientFor(connectCompany());
    const since = new Date(server.sandbox.now().getTime() - 1000);
    const expense = await accountId(client, "Expense");
    const vendor = await client.create("Vendor", { DisplayName: "CDC Vendor" }, { requestId: requestIdFor("cdc-v") });
    const bill = await client.create("Bill", { VendorRef: { value: vendor.Id }, DocNumber: "CDC-1", Line: [expenseLine(5, expense)] }, { requestId: requestIdFor("cdc-b") });
    await client.delete("Bill", bill, { requestId: requestIdFor("cdc-b-del") });
    const changes = await client.cdc(["Vendor", "Bill", "Invoice"], since);
    expect(changes.changed.Vendor?.map((v) => v.DisplayName)).toContain("CDC Vendor");
    expect(changes.deleted.Bill?.map((b) => b.Id)).toEqual([bill.Id]);
    expect(changes.changed.Bill ?? []).toEqual([]);
    expect(changes.limitReached).toBe(false);
  });

  it("refreshes once after a 401 (expired access token) and retries", async () => {
    const tokens = connectCompany();
    const { client, state } = clientFor(tokens);
    await client.companyInfo();
    server.sandbox.injectFault({ kind: "expire-tokens", realmId: tokens.realmId });
    const info = await client.companyInfo();
    expect(info.Id).toBeTruthy();
    expect(state.saves).toBe(1);
    expect(state.current?.accessToken).not.toBe(tokens.accessToken);
    expect(state.current?.refreshToken).toBeTruthy();
    expect(server.sandbox.getStats(tokens.realmId).unauthorized).toBeGreaterThanOrEqual(1);
  });

  it("backs off on 429 and retries the same request", async () => {
    const tokens = connectCompany();
    const { client, sleeps } = clientFor(tokens);
    server.sandbox.injectFault({ kind: "429", realmId: tokens.realmId, count: 2, pathMatch: "/preferences" });
    const preferences = await client.preferences();
    expect(preferences.CurrencyPrefs?.HomeCurrency?.value).toBe("USD");
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(1000);
    expect(sleeps[1]).toBeGreaterThanOrEqual(1000);
    expect(server.sandbox.getStats(tokens.realmId).injectedFaults).toBe(2);
  });

  it("stays under the sandbox's real 10-concurrent limit through the rate budget", async () => {
    const tokens = connectCompany();
    server.sandbox.setThrottling(true);
    try {
      const limited = clientFor(tokens, { limiter: new InMemoryRateBudget() });
      await limited.client.companyInfo(); // token warm-up outside the measured burst
      server.sandbox.resetStats(tokens.realmId);
      server.sandbox.injectFault({ kind: "slow", realmId: tokens.realmId, count: 15, delayMs: 150, pathMatch: "/companyinfo" });
      await Promise.all(Array.from({ length: 15 }, () => limited.client.companyInfo()));
      expect(server.sandbox.getStats(tokens.realmId).throttled).toBe(0);

      // The same burst without a budget trips the sandbox's limit: the limiter is what prevents it.
      const unlimited = clientFor(tokens, { retry: { maxAttempts: 1 } });
      server.sandbox.injectFault({ kind: "slow", realmId: tokens.realmId, count: 15, delayMs: 150, pathMatch: "/companyinfo" });
      const outcomes = await Promise.allSettled(Array.from({ length: 15 }, () => unlimited.client.companyInfo()));
      const throttled = outcomes.filter((o) => o.status === "rejected" && o.reason instanceof QboError && o.reason.kind === "throttle");
      expect(throttled.length).toBeGreaterThan(0);
      expect(server.sandbox.getStats(tokens.realmId).throttled).toBe(throttled.length);
    } finally {
      server.sandbox.setThrottling(false);
      server.sandbox.clearFaults();
    }
  });

  it("waits out the sandbox's real batch limit (40/min) with growing backoff", async () => {
    const tokens = connectCompany();
    server.sandbox.setThrottling(true);
    try {
      const { client, sleeps } = clientFor(tokens, {
        retry: { maxAttempts: 10 },
        random: () => 1,
        // Let the sandbox's clock move by the backoff instead of waiting for real.
        sleep: async (ms) => {
          sleeps.push(ms);
          server.sandbox.advanceClock(ms);
        },
      });
      for (let i = 0; i < 40; i++) {
        await client.batch([{ query: "SELECT * FROM Term" }], { requestId: requestIdFor(`limit-${i}`) });
      }
      expect(sleeps).toEqual([]);
      const [result] = await client.batch([{ query: "SELECT * FROM Term" }], { requestId: requestIdFor("limit-40") });
      expect(result?.ok).toBe(true);
      expect(sleeps).toEqual([1000, 2000, 4000, 8000, 16000, 32000]);
      expect(server.sandbox.getStats(tokens.realmId).throttled).toBe(6);
    } finally {
      server.sandbox.setThrottling(false);
    }
  });

  it("gives up on 5xx after maxAttempts with a transient error", async () => {
    const tokens = connectCompany();
    const { client, sleeps } = clientFor(tokens, { retry: { maxAttempts: 3 } });
    server.sandbox.injectFault({ kind: "503", realmId: tokens.realmId, count: 5, pathMatch: "/companyinfo" });
    const error = await failureOf(client.companyInfo());
    expect(error).toMatchObject({ kind: "transient", httpStatus: 503 });
    expect(sleeps).toHaveLength(2);
    server.sandbox.clearFaults();
  });

  it("times out a hanging request and succeeds on retry", async () => {
    const tokens = connectCompany();
    const { client, sleeps } = clientFor(tokens, { timeoutMs: 300 });
    server.sandbox.injectFault({ kind: "timeout", realmId: tokens.realmId, count: 1, delayMs: 5_000, pathMatch: "/preferences" });
    const started = Date.now();
    const preferences = await client.preferences();
    expect(preferences.CurrencyPrefs?.HomeCurrency?.value).toBe("USD");
    expect(sleeps).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(server.sandbox.getStats(tokens.realmId).injectedFaults).toBe(1);
  });

  it("marks the connection for reconnect when the refresh token is dead", async () => {
    const tokens = connectCompany();
    const { client, state } = clientFor(tokens);
    server.sandbox.injectFault({ kind: "revoke-refresh", realmId: tokens.realmId });
    server.sandbox.injectFault({ kind: "expire-tokens", realmId: tokens.realmId });
    const error = await failureOf(client.companyInfo());
    expect(error).toMatchObject({ code: "invalid_grant", kind: "auth" });
    expect(state.reconnectReasons).toHaveLength(1);
    expect(state.saves).toBe(0);
  });
});
