import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { qboConnections, syncPreferences, syncRuns, syncState } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { findDueOrganizations } from "./due-organizations";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle.close());

const now = new Date("2030-06-01T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

async function org(name: string, opts: { auto: boolean; connected: boolean; lastSyncHoursAgo: number | null }) {
  const { user, organization } = await signUp(handle.db, { name, email: `${name}@example.com`, password: "a fine password", organizationName: name });
  await handle.db.insert(syncPreferences).values({ organizationId: organization.id, syncAutomatically: opts.auto });
  if (opts.connected) await handle.db.insert(qboConnections).values({ organizationId: organization.id, realmId: `r-${name}`, status: "connected", connectedBy: user.id });
  if (opts.lastSyncHoursAgo !== null) {
    await handle.db.insert(syncState).values({ organizationId: organization.id, lastSyncAt: hoursAgo(opts.lastSyncHoursAgo) });
  }
  return organization.id;
}

describe("findDueOrganizations", () => {
  it("finds connected organisations with Sync Automatically whose last sync is a day old", async () => {
    const due = await org("due", { auto: true, connected: true, lastSyncHoursAgo: 25 });
    await org("recent", { auto: true, connected: true, lastSyncHoursAgo: 2 });
    await org("manual", { auto: false, connected: true, lastSyncHoursAgo: 48 });
    await org("disconnected", { auto: true, connected: false, lastSyncHoursAgo: 48 });
    const busy = await org("busy", { auto: true, connected: true, lastSyncHoursAgo: 48 });
    await handle.db.insert(syncRuns).values({ organizationId: busy, trigger: "manual", status: "running" });
    expect(await findDueOrganizations(handle.db, now)).toEqual([due]);
  });
});
