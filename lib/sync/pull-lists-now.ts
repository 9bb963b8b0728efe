import { getDatabase } from "@/lib/db";
import { createQboClientFactory } from "@/lib/qbo-connection/client-factory";
import { connectionDeps, rateBudgetsFor } from "@/lib/qbo-connection/deps";
import { pullReferenceLists } from "@/lib/sync/engine/pull-lists";

/** The app's pull of accounts and lists, with the same QBO client (and shared rate budget) as its syncs. */
export async function pullReferenceListsNow(organizationId: string) {
  const handle = await getDatabase();
  return pullReferenceLists(handle.db, organizationId, createQboClientFactory(handle.db, connectionDeps(), rateBudgetsFor(handle)));
}
