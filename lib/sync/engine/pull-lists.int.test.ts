import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, classes, items, locations, syncRuns, syncState, terms, vendors } from "@/lib/db/schema";
import { accountChoicesFor } from "@/lib/sync/preferences";
import { orgWithSandboxCompany, setStandardPreferences, syncNow } from "@/lib/sync/engine/sandbox-org";
import { closeSyncTestWorld, openSyncTestWorld, type SyncTestWorld } from "@/lib/sync/engine/sync-test-world";
import { listPullStatus, pullReferenceLists } from "./pull-lists";

let world: SyncTestWorld;
beforeAll(async () => {
  world = await openSyncTestWorld();
});
afterAll(async () => {
  await closeSyncTestWorld(world);
});

const count = async (table: typeof accounts | typeof items | typeof classes | typeof locations | typeof terms | typeof vendors, organizationId: string) =>
  (await world.handle.db.select({ id: table.id }).from(table).where(eq(table.organizationId, organizationId))).length;

describe("lists arrive on connect", () => {
  it("pulls accounts, items, classes, locations and terms only — no run, no vendors, the first sync still a full one", async () => {
    const db = world.handle.db;
    const org = await orgWithSandboxCompany(db, world.server, world.qbo);
    expect(await listPullStatus(db, org.organizationId)).toBeNull();

    const result = await pullReferenceLists(db, org.organizationId, world.qbo.factory);
    expect(result).toMatchObject({ status: "done" });
    expect(await listPullStatus(db, org.organizationId)).toMatchObject({ status: "done", error: null, realmId: org.realmId });

    expect(await count(accounts, org.organizationId)).toBeGreaterThan(10);
    expect(await count(items, org.organizationId)).toBeGreaterThan(0);
    expect(await count(terms, org.organizationId)).toBeGreaterThan(0);
    const choices = await accountChoicesFor(db, org.organizationId);
    expect(choices.bankAccountId.map((choice) => choice.name)).toContain("Business Checking");
    // Preferences can be set at once, without a sync.
    await setStandardPreferences(db, org.organizationId, org.userId);

    // Nothing else moved: no sync run, no vendors, and no "last successful sync" that would make the
    // first real sync an incremental one and miss the company's history.
    expect(await db.select().from(syncRuns).where(eq(syncRuns.organizationId, org.organizationId))).toEqual([]);
    expect(await count(vendors, org.organizationId)).toBe(0);
    expect(await db.select().from(syncState).where(eq(syncState.organizationId, org.organizationId))).toEqual([]);

    // The first sync links the same rows (no duplicates) and brings the rest.
    const accountsBefore = await count(accounts, org.organizationId);
    const summary = await syncNow(db, org.organizationId, { clientFactory: world.qbo.factory });
    expect(summary.status).toBe("succeeded");
    expect(summary.mode).toBe("full");
    expect(await count(accounts, org.organizationId)).toBe(accountsBefore + 2); // + the two clearing accounts
  });

  it("a second pull (Retry) changes nothing that is already there", async () => {
    const db = world.handle.db;
    const org = await orgWithSandboxCompany(db, world.server, world.qbo);
    await pullReferenceLists(db, org.organizationId, world.qbo.factory);
    const before = await count(accounts, org.organizationId);
    expect(await pullReferenceLists(db, org.organizationId, world.qbo.factory)).toMatchObject({ status: "done" });
    expect(await count(accounts, org.organizationId)).toBe(before);
  });

  it("a failure is recorded in words for a person and never thrown", async () => {
    const db = world.handle.db;
    const org = await orgWithSandboxCompany(db, world.server, world.qbo);
    const broken = async () => {
      throw new Error("socket hang up at 10.0.0.3:443");
    };
    const result = await pullReferenceLists(db, org.organizationId, broken);
    expect(result.status).toBe("failed");
    const status = await listPullStatus(db, org.organizationId);
    expect(status?.status).toBe("failed");
    expect(status?.error).toMatch(/Something went wrong|QuickBooks/);
    expect(status?.error).not.toMatch(/socket|10\.0\.0\.3/);

    const notConnected = await pullReferenceLists(db, org.organizationId, async () => null);
    expect(notConnected.status).toBe("failed");
    expect((await listPullStatus(db, org.organizationId))?.error).toMatch(/not connected/i);
  });
});
