/**
 * QBO webhooks in the classic format (default) or Intuit's newer CloudEvents form, signed the same
 * way for both: header `intuit-signature` = base64(HMAC-SHA256(raw body, verifier token)).
 * Delivery is fire-and-forget with one retry so a slow or failing receiver never blocks the
 * action that caused the change.
 */
import { createHmac, randomUUID } from "node:crypto";
import type { ChangeEvent } from "./types";

export const WEBHOOK_FORMATS = ["classic", "cloudevents"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const WEBHOOK_RETRY_DELAY_MS = 1000;
const WEBHOOK_TIMEOUT_MS = 5000;

export function signWebhookBody(rawBody: string, verifierToken: string): string {
  return createHmac("sha256", verifierToken).update(rawBody, "utf8").digest("base64");
}

export function buildWebhookBody(realmId: string, changes: ChangeEvent[]): string {
  return JSON.stringify({
    eventNotifications: [
      {
        realmId,
        dataChangeEvent: {
          entities: changes.map((change) => ({
            name: change.entity,
            id: change.id,
            operation: change.operation,
            lastUpdated: change.lastUpdated,
          })),
        },
      },
    ],
  });
}

// CloudEvents types name the operation in the past tense: qbo.bill.updated.v1.
const CLOUD_EVENT_VERB: Record<ChangeEvent["operation"], string> = {
  Create: "created",
  Update: "updated",
  Delete: "deleted",
  Void: "voided",
  Merge: "merged",
};

export function cloudEventType(change: Pick<ChangeEvent, "entity" | "operation">): string {
  return `qbo.${change.entity.toLowerCase()}.${CLOUD_EVENT_VERB[change.operation]}.v1`;
}

/** The CloudEvents form: a JSON array, one event per change, each with its own id. */
export function buildCloudEventsBody(realmId: string, changes: ChangeEvent[], newId: () => string = randomUUID): string {
  return JSON.stringify(
    changes.map((change) => ({
      specversion: "1.0",
      id: newId(),
      source: "intuit.sandbox",
      type: cloudEventType(change),
      datacontenttype: "application/json",
      time: change.lastUpdated,
      intuitentityid: change.id,
      intuitaccountid: realmId,
      data: {},
    })),
  );
}

export function buildWebhookBodyIn(format: WebhookFormat, realmId: string, changes: ChangeEvent[]): string {
  return format === "cloudevents" ? buildCloudEventsBody(realmId, changes) : buildWebhookBody(realmId, changes);
}

async function post(url: string, body: string, signature: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "intuit-signature": signature },
      body,
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** Sends one notification; resolves (never rejects) once delivered or the retry has failed. */
export async function deliverWebhook(url: string, body: string, verifierToken: string, retryDelayMs = WEBHOOK_RETRY_DELAY_MS): Promise<boolean> {
  const signature = signWebhookBody(body, verifierToken);
  if (await post(url, body, signature)) return true;
  await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
  return post(url, body, signature);
}
