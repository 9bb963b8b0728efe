import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db";
import { startAppJobs } from "@/lib/jobs/app-jobs";
import { qboAppConfig } from "@/lib/qbo-connection/app-config";
import { handleWebhookRequest } from "@/lib/webhooks/handle-webhook-request";

/**
 * QBO (or the built-in sandbox) notifies us of changes here. Not org-scoped and no session: the
 * `intuit-signature` HMAC is the authentication. Only enqueues a debounced incremental sync.
 */
export async function POST(request: Request) {
  return handleWebhookRequest(request, {
    verifierToken: qboAppConfig(env()).webhookVerifierToken,
    getDb,
    getEnqueue: async () => {
      const jobs = await startAppJobs();
      return (data, options) => jobs.enqueueSync(data, options);
    },
  });
}
