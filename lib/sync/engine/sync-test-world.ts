/** What every engine integration test file sets up: its own database and a sandbox served over HTTP. */
import type { DatabaseHandle } from "@/lib/db/connection";
import { startSandboxServer, type SandboxServer } from "@/lib/qbo-sandbox";
import { sandboxClientFactory } from "@/lib/sync/engine/sandbox-client-factory";
import { createTestDatabase } from "@/lib/testing/test-database";

export interface SyncTestWorld {
  handle: DatabaseHandle;
  server: SandboxServer;
  qbo: ReturnType<typeof sandboxClientFactory>;
}

export async function openSyncTestWorld(): Promise<SyncTestWorld> {
  const handle = await createTestDatabase();
  const server = await startSandboxServer({ port: 0, throttling: false });
  return { handle, server, qbo: sandboxClientFactory(server) };
}

/** Closes what was opened (a failed set-up may have opened only part of it). */
export async function closeSyncTestWorld(world: Partial<SyncTestWorld>): Promise<void> {
  await world.server?.close();
  await world.handle?.close();
}
