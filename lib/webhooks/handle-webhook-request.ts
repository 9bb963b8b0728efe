import type { Db } from "@/lib/db/connection";
import { logger, type Logger } from "@/lib/log";
import { parseWebhookNotification, WebhookPayloadError } from "./parse-notification";
import { BodyTooLargeError, readCappedBody } from "./read-capped-body";
import { receiveWebhook, type EnqueueSync } from "./receive-webhook";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "./verify-signature";

/** QBO notifications are small (a list of ids); anything near this is not from Intuit. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export type WebhookRequestDeps = {
  verifierToken: string;
  /** Resolved only after the signature checks out, so forged requests touch neither database nor queue. */
  getDb: () => Promise<Db>;
  getEnqueue: () => Promise<EnqueueSync>;
  logger?: Logger;
};

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

/**
 * `POST /api/qbo/webhooks`. There is no session: the HMAC signature is the authentication, checked
 * before anything is recorded. The answer must come within Intuit's 3 s, so a valid delivery only
 * enqueues a debounced incremental sync; the sync itself runs in the job worker.
 */
export async function handleWebhookRequest(request: Request, deps: WebhookRequestDeps): Promise<Response> {
  const log = (deps.logger ?? logger()).child({ component: "qbo-webhooks" });
  let rawBody: string;
  try {
    rawBody = await readCappedBody(request, MAX_WEBHOOK_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return json(413, { error: error.message });
    throw error;
  }
  if (!verifyWebhookSignature(rawBody, request.headers.get(SIGNATURE_HEADER), deps.verifierToken)) {
    log.warn("qbo webhook rejected: bad signature");
    return json(401, { error: "Invalid webhook signature" });
  }

  let notification;
  try {
    notification = parseWebhookNotification(rawBody);
  } catch (error) {
    if (error instanceof WebhookPayloadError) {
      log.warn("qbo webhook rejected: bad payload", { reason: error.message });
      return json(400, { error: error.message });
    }
    throw error;
  }

  try {
    const result = await receiveWebhook(await deps.getDb(), { rawBody, notification }, await deps.getEnqueue());
    if (result.duplicate) {
      log.info("qbo webhook duplicate ignored");
      return json(200, { ok: true, duplicate: true, enqueued: 0 });
    }
    log.info("qbo webhook received", { format: result.format, events: result.eventCount, realms: result.realmIds.length, enqueued: result.organizationIds.length });
    return json(200, { ok: true, duplicate: false, enqueued: result.organizationIds.length });
  } catch (error) {
    // A 5xx makes Intuit retry later; the delivery was not kept, so the retry is not a "duplicate".
    log.error("qbo webhook could not be processed", { error });
    return json(500, { error: "Webhook could not be processed; please retry" });
  }
}
