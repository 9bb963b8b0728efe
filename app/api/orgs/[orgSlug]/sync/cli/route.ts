import { getDatabase } from "@/lib/db";
import { handleLocalSyncRequest } from "@/lib/sync/cli-delegation";
import { previewSyncNow } from "@/lib/sync/preview/preview-now";
import { startSyncInBackground } from "@/lib/sync/start-sync";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ orgSlug: string }> };

/**
 * `npm run sync` while the app holds the embedded database: the app runs the sync on its job queue
 * and the CLI follows it (or, with --dry-run, the app previews the sync and the CLI prints it). Authenticated by the token of the database's lock file, not by a session.
 */
async function handle(request: Request, context: RouteContext): Promise<Response> {
  const handle = await getDatabase();
  return handleLocalSyncRequest(request, (await context.params).orgSlug, {
    db: handle.db,
    lockToken: handle.lock?.holder.token ?? null,
    startSync: (db, input) => startSyncInBackground(db, input),
    preview: (_db, input) => previewSyncNow(input.organizationId),
  });
}

export { handle as GET, handle as POST };
