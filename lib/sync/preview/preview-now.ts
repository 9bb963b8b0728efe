import { getDatabase } from "@/lib/db";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import { connectionDeps, rateBudgetsFor } from "@/lib/qbo-connection/deps";
import type { SyncPreview } from "@/lib/sync/core/preview";
import { previewSync } from "@/lib/sync/preview/preview-sync";

/** The app's preview of an organisation's next sync, with the same QBO client (and shared rate budget) as its syncs. */
export async function previewSyncNow(organizationId: string): Promise<SyncPreview> {
  const handle = await getDatabase();
  return previewSync(handle.db, { organizationId, clientFactory: createQboClientFactory(handle.db, connectionDeps(), rateBudgetsFor(handle)) });
}
