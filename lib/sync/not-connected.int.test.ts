import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { syncPreferences, syncRuns, syncState } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import { disconnect } from "@/lib/qbo-connection/connection";
import { startSandboxServer, type SandboxServer } from "@/lib/qbo-sandbox";
import { getSyncStatus } from "@/lib/sync/engine/status";
import { startSyncInBackground } from "@/lib/sync/start-sync";
import { connectedSandboxOrg, sandboxConnectionDeps } from "@/lib/testing/sandbox-workers";
import { createTestDatabase } from "@/lib/testing/test-database";

let handle: DatabaseHandle;
let server: SandboxServer;

beforeAll(async () => {
  handle = await createTestDatabase();
  server = await startSandboxServer({ port: 0, throttling: false });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

const noJobs = async () => {
  throw new Error("no job may be queued for an organisation that is not connected");
};

async function runsOf(organizationId: string) {
  return handle.db.select().from(syncRuns).where(eq(syncRuns.organizationId, organizationId));
}

describe("sync of an organisation that is not connected", () => {
  it("Sync Now is refused with a plain message and records no failed run when it never connected", async () => {
    const { user, organization } = await signUp(handle.db, {
      name: "Never Connected",
      email: "never-connected@example.com",
      password: "a long enough password",
      organizationName: "Never Connected Co",
    });
    const attempt = startSyncInBackground(handle.db, { organizationId: organization.id, trigger: "manual", userId: user.id }, noJobs);
    await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
    await expect(attempt).rejects.toThrow("Not connected to QuickBooks");
    expect(await runsOf(organization.id)).toHaveLength(0);
  });

  it("after Disconnect: no “next automatic sync” is announced and Sync Now is refused", async () => {
    const deps = sandboxConnectionDeps(server);
    const org = await connectedSandboxOrg(handle.db, server, deps);
    await handle.db
      .insert(syncPreferences)
      .values({ organizationId: org.organizationId, syncAutomatically: true })
      .onConflictDoUpdate({ target: syncPreferences.organizationId, set: { syncAutomatically: true } });
    await handle.db
      .insert(syncState)
      .values({ organizationId: org.organizationId, lastSyncAt: new Date() })
      .onConflictDoUpdate({ target: syncState.organizationId, set: { lastSyncAt: new Date() } });
    expect((await getSyncStatus(handle.db, org.organizationId)).nextAutoSyncAt).not.toBeNull();

    await disconnect(handle.db, org.organizationId, deps);
    const status = await getSyncStatus(handle.db, org.organizationId);
    expect(status.connection).toBe("not_connected");
    expect(status.nextAutoSyncAt).toBeNull();
    await expect(startSyncInBackground(handle.db, { organizationId: org.organizationId, trigger: "manual" }, noJobs)).rejects.toThrow(
      "Not connected to QuickBooks",
    );
    expect(await runsOf(org.organizationId)).toHaveLength(0);
  }, 60_000);
});
