import { randomUUID } from "node:crypto";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import { createCounterparty } from "@/lib/counterparties/repository";
import { counterpartySchema } from "@/lib/counterparties/schemas";
import type { DatabaseHandle } from "@/lib/db/connection";
import { bills, qboConnections, syncArchivedIssues, syncArchivedMappings, syncIssues, syncMappings, syncRealmArchives, syncRuns, vendors } from "@/lib/db/schema";
import { findDueOrganizations } from "@/lib/jobs/due-organizations";
import { builtInSandboxEndpoints, createTokenCipher, unlimitedRateBudget } from "@/lib/qbo";
import { startSandboxServer, type SandboxServer } from "@/lib/qbo-sandbox";
import { getSyncStatus } from "@/lib/sync/engine";
import { pullReferenceLists } from "@/lib/sync/engine/pull-lists";
import { setStandardPreferences, syncNow } from "@/lib/sync/engine/sandbox-org";
import { startSyncInBackground } from "@/lib/sync/start-sync";
import { previewSync } from "@/lib/sync/preview/preview-sync";
import type { SyncPreview } from "@/lib/sync/core/preview";
import { createTestDatabase } from "@/lib/testing/test-database";
import { parseWebhookNotification } from "@/lib/webhooks/parse-notification";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import { createQboClientFactory } from "./client-factory";
import { cancelCompanySwitch, confirmCompanySwitch, pendingCompanySwitch } from "./company-switch";
import { buildConnectUrl, completeConnect, disconnect, type ConnectionDeps } from "./connection";
import { linkRealmOf } from "./link-realm";

// The real path: OAuth against the sandbox over HTTP, tokens stored encrypted in the database, and
// syncs through the database's client factory — so the connection's status decides what may sync.
let handle: DatabaseHandle;
let server: SandboxServer;
let deps: ConnectionDeps;
let factory: ReturnType<typeof createQboClientFactory>;

beforeAll(async () => {
  handle = await createTestDatabase();
  server = await startSandboxServer({ port: 0, throttling: false });
  deps = {
    config: {
      endpoints: builtInSandboxEndpoints(server.url),
      clientId: server.sandbox.options.clientId,
      clientSecret: server.sandbox.options.clientSecret,
      redirectUri: "http://localhost:3000/api/qbo/callback",
      webhookVerifierToken: "unused-in-these-tests",
      builtInSandbox: true,
    },
    cipher: createTokenCipher("cd".repeat(32)),
    stateSecret: "company-switch-test-state-secret",
  };
  factory = createQboClientFactory(handle.db, deps, () => unlimitedRateBudget);
});
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

const SEED = { vendors: 3, customers: 3, bills: 8, invoices: 8, randomSeed: 11 };

async function newOrg() {
  const stamp = randomUUID().slice(0, 8);
  const { user, organization } = await signUp(handle.db, {
    name: `Admin ${stamp}`,
    email: `switch-${stamp}@example.com`,
    password: "a fine password",
    organizationName: `Switch Co ${stamp}`,
  });
  return { userId: user.id, organizationId: organization.id, slug: organization.slug };
}
type Org = Awaited<ReturnType<typeof newOrg>>;

/** The admin approves the company on the sandbox's consent page and the app finishes the callback. */
async function connectTo(org: Org, realmId: string) {
  const url = new URL(buildConnectUrl({ organizationId: org.organizationId, userId: org.userId }, deps));
  const response = await fetch(`${server.url}/oauth2/authorize`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: url.searchParams.get("client_id")!,
      redirect_uri: url.searchParams.get("redirect_uri")!,
      scope: url.searchParams.get("scope")!,
      state: url.searchParams.get("state")!,
      decision: "approve",
      realmId,
    }).toString(),
  });
  expect(response.status).toBe(302);
  return completeConnect(handle.db, { callbackUrl: response.headers.get("location")!, userId: org.userId }, deps);
}

/** An organisation connected to a seeded company and fully synced with it. */
async function syncedWithCompany(name: string) {
  const org = await newOrg();
  const company = server.sandbox.createCompany({ name, seed: SEED });
  expect((await connectTo(org, company.realmId)).status).toBe("connected");
  await syncNow(handle.db, org.organizationId, { clientFactory: factory });
  await setStandardPreferences(handle.db, org.organizationId, org.userId);
  const summary = await syncNow(handle.db, org.organizationId, { clientFactory: factory });
  expect(summary.status).not.toBe("failed");
  return { ...org, realmId: company.realmId };
}

const countsOf = (realmId: string) => server.sandbox.listCompanies().find((c) => c.realmId === realmId)!.counts;
const mappingsOf = (organizationId: string) => handle.db.select().from(syncMappings).where(eq(syncMappings.organizationId, organizationId));
const issuesOf = (organizationId: string) => handle.db.select().from(syncIssues).where(eq(syncIssues.organizationId, organizationId));
const connectionOf = async (organizationId: string) =>
  (await handle.db.select().from(qboConnections).where(eq(qboConnections.organizationId, organizationId)))[0]!;
const webhookFor = (realmId: string) => {
  const rawBody = JSON.stringify({ eventNotifications: [{ realmId, dataChangeEvent: { entities: [{ name: "Vendor", id: "1", operation: "Create", lastUpdated: new Date().toISOString() }] } }] });
  return { rawBody, notification: parseWebhookNotification(rawBody) };
};

describe("connecting to another company than the one the organisation synced with", () => {
  let org: Awaited<ReturnType<typeof syncedWithCompany>>;
  let newRealm: string;
  let oldCountsBefore: ReturnType<typeof countsOf>;
  let mappingsBefore: Awaited<ReturnType<typeof mappingsOf>>;
  let issuesBefore: Awaited<ReturnType<typeof issuesOf>>;
  let preview: SyncPreview;

  beforeAll(async () => {
    org = await syncedWithCompany("Old Books Co");
    mappingsBefore = await mappingsOf(org.organizationId);
    issuesBefore = await issuesOf(org.organizationId);
    await disconnect(handle.db, org.organizationId, deps);
    oldCountsBefore = countsOf(org.realmId);
    newRealm = server.sandbox.createCompany({ name: "New Books Co" }).realmId;
  });

  it("waits for confirmation, and nothing syncs: not Sync Now, not the scheduler, not a webhook, not the list pull", async () => {
    expect(mappingsBefore.length).toBeGreaterThan(10);
    expect(issuesBefore.length).toBeGreaterThan(0);
    const newCountsBefore = countsOf(newRealm);
    const result = await connectTo(org, newRealm);
    expect(result).toMatchObject({ status: "awaiting_confirmation", realmId: newRealm, companyName: "New Books Co" });
    expect(await connectionOf(org.organizationId)).toMatchObject({
      status: "awaiting_confirmation",
      awaitingKind: "switch",
      realmId: newRealm,
      companyName: "New Books Co",
      switchFromRealmId: org.realmId,
      switchFromCompanyName: "Old Books Co",
    });

    await expect(startSyncInBackground(handle.db, { organizationId: org.organizationId, trigger: "manual", userId: org.userId }, async () => ({ enqueueSync: async () => null }))).rejects.toThrow(
      "Switch to New Books Co is waiting for your confirmation",
    );
    // A run queued before (or asked for by the CLI) stops before it touches either company.
    const run = await syncNow(handle.db, org.organizationId, { clientFactory: factory });
    expect(run.status).toBe("failed");
    expect(run.error).toContain("waiting for your confirmation");
    expect(await findDueOrganizations(handle.db, new Date(Date.now() + 7 * 86_400_000))).not.toContain(org.organizationId);
    const enqueued: string[] = [];
    await receiveWebhook(handle.db, webhookFor(newRealm), async (data) => {
      enqueued.push(data.organizationId);
      return "job";
    });
    expect(enqueued).toEqual([]);
    expect((await pullReferenceLists(handle.db, org.organizationId, factory)).status).toBe("skipped");
    // A sync gets no client for the new company; a read-only caller (the preview) may ask for one.
    expect(await factory(org.organizationId)).toBeNull();
    const reader = await factory(org.organizationId, { awaitingConfirmation: true });
    expect(reader?.realmId).toBe(newRealm);
    expect(String((await reader!.client.companyInfo()).CompanyName)).toBe("New Books Co");

    expect(countsOf(newRealm)).toEqual(newCountsBefore);
    expect(countsOf(org.realmId)).toEqual(oldCountsBefore);
    expect(await mappingsOf(org.organizationId)).toHaveLength(mappingsBefore.length);

    const status = await getSyncStatus(handle.db, org.organizationId);
    expect(status.connection).toBe("awaiting_confirmation");
    expect(status.pendingSwitch).toEqual({ kind: "switch", companyName: "New Books Co" });
    expect(status.nextAutoSyncAt).toBeNull();
    // Links on record pages still open the company the records are linked to.
    expect(linkRealmOf(await connectionOf(org.organizationId))).toBe(org.realmId);
  });

  it("describes what will happen on the confirm page", async () => {
    const pending = await pendingCompanySwitch(handle.db, org.organizationId);
    const appVendors = await handle.db.select({ n: sql<number>`count(*)::int` }).from(vendors).where(eq(vendors.organizationId, org.organizationId));
    expect(pending).toMatchObject({
      kind: "switch",
      to: { realmId: newRealm, companyName: "New Books Co" },
      from: { realmId: org.realmId, companyName: "Old Books Co" },
      openIssues: issuesBefore.filter((i) => i.resolvedAt === null).length,
    });
    expect(pending!.counts.vendors).toBe(appVendors[0]!.n);
    expect(pending!.counts.bills).toBeGreaterThan(0);
  });

  it("the preview shows what Switch and sync would send to the new company, and changes nothing", async () => {
    const newCounts = countsOf(newRealm);
    preview = await previewSync(handle.db, { organizationId: org.organizationId, clientFactory: factory, userId: org.userId });
    expect(preview.status).toBe("ready");
    if (preview.status !== "ready") return;
    expect(preview.changes.filter((c) => c.objectType === "vendor" && c.direction === "to_qbo" && c.action === "create").length).toBeGreaterThan(0);
    expect(preview.changes.filter((c) => c.objectType === "bill" && c.direction === "to_qbo" && c.action === "create").length).toBeGreaterThan(0);
    expect(countsOf(newRealm)).toEqual(newCounts);
    expect(await connectionOf(org.organizationId)).toMatchObject({ status: "awaiting_confirmation", realmId: newRealm });
    expect(await mappingsOf(org.organizationId)).toHaveLength(mappingsBefore.length);
    expect(await handle.db.select().from(syncRealmArchives).where(eq(syncRealmArchives.organizationId, org.organizationId))).toEqual([]);
  });

  it("on confirm archives the old company's links and issues, and the new company receives the app's records exactly once", async () => {
    const { started } = await confirmCompanySwitch(handle.db, { organizationId: org.organizationId, userId: org.userId }, async () => ({ runId: "queued-elsewhere" }));
    expect(started).toBe(true);
    expect(await connectionOf(org.organizationId)).toMatchObject({ status: "connected", awaitingKind: null, switchFromRealmId: null, realmId: newRealm });
    expect(await mappingsOf(org.organizationId)).toEqual([]);
    expect(await issuesOf(org.organizationId)).toEqual([]);
    const [archive] = await handle.db.select().from(syncRealmArchives).where(eq(syncRealmArchives.organizationId, org.organizationId));
    expect(archive).toMatchObject({ realmId: org.realmId, companyName: "Old Books Co", replacedByRealmId: newRealm, archivedBy: org.userId });
    expect(await handle.db.select().from(syncArchivedMappings).where(eq(syncArchivedMappings.archiveId, archive!.id))).toHaveLength(mappingsBefore.length);
    expect(await handle.db.select().from(syncArchivedIssues).where(eq(syncArchivedIssues.archiveId, archive!.id))).toHaveLength(issuesBefore.length);
    const linked = await handle.db.select({ id: vendors.id }).from(vendors).where(and(eq(vendors.organizationId, org.organizationId), isNotNull(vendors.qboId)));
    expect(linked).toEqual([]);
    expect(await handle.db.select({ id: bills.id }).from(bills).where(and(eq(bills.organizationId, org.organizationId), isNotNull(bills.qboId)))).toEqual([]);

    const appVendorsBefore = await handle.db.select({ id: vendors.id }).from(vendors).where(eq(vendors.organizationId, org.organizationId));
    const first = await syncNow(handle.db, org.organizationId, { clientFactory: factory });
    expect(first.status).not.toBe("failed");
    // The preview before the confirmation said this; only QuickBooks' own refusals (here a vendor and a
    // customer in a currency the new company lacks) are known once a write is sent.
    const attempted = (counts: typeof first.counts) =>
      Object.fromEntries(Object.entries(counts).map(([type, c]) => [type, { sent: c.created + c.failed, updated: c.updated, skipped: c.skipped }]));
    expect(preview.status === "ready" && attempted(preview.counts)).toEqual(attempted(first.counts));
    const afterFirst = countsOf(newRealm);
    const appVendors = await handle.db.select({ id: vendors.id, qboId: vendors.qboId, active: vendors.active }).from(vendors).where(eq(vendors.organizationId, org.organizationId));
    expect(appVendors).toHaveLength(appVendorsBefore.length); // sent to the new company, none came back as new
    // Each active vendor is in the new company now, or says why not (e.g. a currency the company does not have).
    const issueKeys = new Set((await issuesOf(org.organizationId)).filter((i) => i.resolvedAt === null).map((i) => i.issueKey));
    const unlinked = appVendors.filter((v) => v.active && v.qboId === null);
    expect(unlinked.filter((v) => !issueKeys.has(`vendor:app:${v.id}`))).toEqual([]);
    expect(unlinked.length).toBeLessThan(appVendors.length / 2);
    expect(afterFirst.Vendor).toBeGreaterThanOrEqual(appVendors.filter((v) => v.qboId !== null).length);
    expect(afterFirst.Bill ?? 0).toBeGreaterThan(0);

    const second = await syncNow(handle.db, org.organizationId, { clientFactory: factory });
    expect(second.status).not.toBe("failed");
    expect(countsOf(newRealm)).toEqual(afterFirst);
    expect(countsOf(org.realmId)).toEqual(oldCountsBefore);

    // Every link and issue now names the new company.
    const mappings = await mappingsOf(org.organizationId);
    expect(mappings.length).toBeGreaterThan(0);
    expect(mappings.every((m) => m.realmId === newRealm)).toBe(true);
    for (const issue of await issuesOf(org.organizationId)) {
      if (issue.qboId) expect(mappings.some((m) => m.qboId === issue.qboId && m.objectType === issue.objectType)).toBe(true);
      expect(issuesBefore.some((old) => old.id === issue.id)).toBe(false);
    }
    expect(linkRealmOf(await connectionOf(org.organizationId))).toBe(newRealm);
  });

  it("a confirm with nothing awaiting changes nothing", async () => {
    await expect(confirmCompanySwitch(handle.db, { organizationId: org.organizationId, userId: org.userId }, async () => ({ runId: "x" }))).rejects.toThrow(
      "No change of QuickBooks company is waiting for confirmation.",
    );
  });
});

describe("cancelling a switch", () => {
  it("disconnects and keeps everything of the old company; reconnecting to it syncs as before", async () => {
    const org = await syncedWithCompany("Kept Books Co");
    const mappingsBefore = await mappingsOf(org.organizationId);
    const issuesBefore = await issuesOf(org.organizationId);
    const linkedVendors = await handle.db.select({ id: vendors.id, qboId: vendors.qboId }).from(vendors).where(eq(vendors.organizationId, org.organizationId));
    const other = server.sandbox.createCompany({ name: "Wrong Books Co" }).realmId;
    const otherBefore = countsOf(other);
    expect((await connectTo(org, other)).status).toBe("awaiting_confirmation");

    await cancelCompanySwitch(handle.db, { organizationId: org.organizationId, userId: org.userId }, deps);
    expect(await connectionOf(org.organizationId)).toMatchObject({
      status: "disconnected",
      awaitingKind: null,
      realmId: org.realmId,
      companyName: "Kept Books Co",
      switchFromRealmId: null,
      accessTokenEncrypted: null,
    });
    expect(await mappingsOf(org.organizationId)).toEqual(mappingsBefore);
    expect(await issuesOf(org.organizationId)).toEqual(issuesBefore);
    expect(await handle.db.select({ id: vendors.id, qboId: vendors.qboId }).from(vendors).where(eq(vendors.organizationId, org.organizationId))).toEqual(linkedVendors);
    expect(countsOf(other)).toEqual(otherBefore);
    // The other company is free again for another organisation.
    const elsewhere = await newOrg();
    expect((await connectTo(elsewhere, other)).status).toBe("connected");

    const oldBefore = countsOf(org.realmId);
    expect((await connectTo(org, org.realmId)).status).toBe("connected");
    const again = await syncNow(handle.db, org.organizationId, { clientFactory: factory });
    expect(again.status).not.toBe("failed");
    expect(countsOf(org.realmId)).toEqual(oldBefore);
    expect((await mappingsOf(org.organizationId)).length).toBe(mappingsBefore.length);
  });
});

describe("reconnecting to the same company", () => {
  it("keeps every link and syncs at once, creating nothing twice", async () => {
    const org = await syncedWithCompany("Same Books Co");
    const mappingsBefore = await mappingsOf(org.organizationId);
    await disconnect(handle.db, org.organizationId, deps);
    const before = countsOf(org.realmId);
    expect((await connectTo(org, org.realmId)).status).toBe("connected");
    expect((await connectionOf(org.organizationId)).awaitingKind).toBeNull();
    const run = await syncNow(handle.db, org.organizationId, { clientFactory: factory });
    expect(run.status).not.toBe("failed");
    expect(countsOf(org.realmId)).toEqual(before);
    expect((await mappingsOf(org.organizationId)).map((m) => m.localId).sort()).toEqual(mappingsBefore.map((m) => m.localId).sort());
  });
});

describe("the first company of an organisation", () => {
  it("waits for confirmation when the app already has records, then creates them there once", async () => {
    const org = await newOrg();
    await createCounterparty(handle.db, org, "vendor", counterpartySchema.parse({ displayName: "Prior Vendor LLC" }));
    await createCounterparty(handle.db, org, "customer", counterpartySchema.parse({ displayName: "Prior Customer Inc" }));
    const company = server.sandbox.createCompany({ name: "First Books Co" });
    const before = countsOf(company.realmId);
    expect((await connectTo(org, company.realmId)).status).toBe("awaiting_confirmation");
    expect(await connectionOf(org.organizationId)).toMatchObject({ awaitingKind: "first_sync", switchFromRealmId: null });
    const pending = await pendingCompanySwitch(handle.db, org.organizationId);
    expect(pending).toMatchObject({ kind: "first_sync", from: null, to: { companyName: "First Books Co" } });
    expect(pending!.counts).toMatchObject({ vendors: 1, customers: 1, bills: 0 });
    expect(await getSyncStatus(handle.db, org.organizationId)).toMatchObject({ connection: "awaiting_confirmation", pendingSwitch: { kind: "first_sync", companyName: "First Books Co" } });
    expect(countsOf(company.realmId)).toEqual(before);

    await confirmCompanySwitch(handle.db, { organizationId: org.organizationId, userId: org.userId }, async () => ({ runId: "x" }));
    expect(await handle.db.select().from(syncRealmArchives).where(eq(syncRealmArchives.organizationId, org.organizationId))).toEqual([]);
    await syncNow(handle.db, org.organizationId, { clientFactory: factory });
    await syncNow(handle.db, org.organizationId, { clientFactory: factory });
    expect(countsOf(company.realmId).Vendor).toBe((before.Vendor ?? 0) + 1);
    expect(countsOf(company.realmId).Customer).toBe((before.Customer ?? 0) + 1);
  });

  it("syncs at once for an organisation with no records", async () => {
    const org = await newOrg();
    const company = server.sandbox.createCompany({ name: "Fresh Books Co" });
    expect((await connectTo(org, company.realmId)).status).toBe("connected");
    expect((await getSyncStatus(handle.db, org.organizationId)).pendingSwitch).toBeNull();
    const run = await syncNow(handle.db, org.organizationId, { clientFactory: factory });
    expect(run.status).not.toBe("failed");
    expect(await handle.db.select().from(syncRuns).where(eq(syncRuns.organizationId, org.organizationId))).toHaveLength(1);
  });
});
