import { z } from "zod";

/**
 * QBO sends webhooks in two shapes: the classic `{eventNotifications:[…]}` object and the newer
 * CloudEvents array. Both become one list of events; receivers only need to know which realms
 * changed (a webhook is a hint to run an incremental sync, never the data itself).
 */
export type WebhookFormat = "classic" | "cloudevents";

export type WebhookEvent = {
  realmId: string;
  /** QBO's entity name as sent: "Bill" in the classic form, "bill" in CloudEvents. */
  entity: string;
  entityId: string;
  /** Lower case: "create" | "update" | "delete" | "void" | "merge" (or whatever QBO adds later). */
  operation: string;
  /** ISO timestamp QBO stamped on the change, when it sent one. */
  occurredAt: string | null;
};

export type WebhookNotification = { format: WebhookFormat; events: WebhookEvent[] };

export class WebhookPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookPayloadError";
  }
}

const idSchema = z.union([z.string().min(1), z.number().transform(String)]);

const classicSchema = z.object({
  eventNotifications: z
    .array(
      z.object({
        realmId: idSchema,
        dataChangeEvent: z
          .object({
            entities: z
              .array(
                z.object({
                  name: z.string().min(1),
                  id: idSchema,
                  operation: z.string().min(1),
                  lastUpdated: z.string().optional(),
                }),
              )
              .default([]),
          })
          .optional(),
      }),
    )
    .min(1),
});

// "qbo.bill.updated.v1" → entity "bill", operation "updated".
const CLOUD_EVENT_TYPE = /^qbo\.([a-z0-9_]+)\.([a-z]+)\.v\d+$/i;

const cloudEventSchema = z.object({
  specversion: z.literal("1.0"),
  id: z.string().min(1),
  type: z.string().regex(CLOUD_EVENT_TYPE, "type must look like qbo.<entity>.<operation>.v1"),
  time: z.string().optional(),
  intuitentityid: idSchema,
  intuitaccountid: idSchema,
  data: z.unknown().optional(),
});

const cloudEventsSchema = z.array(cloudEventSchema).min(1);

// CloudEvents uses past tense ("updated"); the classic form and our events use the verb.
const PAST_TO_VERB: Record<string, string> = { created: "create", updated: "update", deleted: "delete", voided: "void", merged: "merge" };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
}

export function parseWebhookNotification(rawBody: string): WebhookNotification {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new WebhookPayloadError("Webhook body is not valid JSON");
  }
  if (Array.isArray(json)) {
    const parsed = cloudEventsSchema.safeParse(json);
    if (!parsed.success) throw new WebhookPayloadError(`Invalid CloudEvents webhook: ${describeIssues(parsed.error)}`);
    return {
      format: "cloudevents",
      events: parsed.data.map((event) => {
        const [, entity = "", tense = ""] = CLOUD_EVENT_TYPE.exec(event.type) ?? [];
        const operation = tense.toLowerCase();
        return {
          realmId: event.intuitaccountid,
          entity,
          entityId: event.intuitentityid,
          operation: PAST_TO_VERB[operation] ?? operation,
          occurredAt: event.time ?? null,
        };
      }),
    };
  }
  if (json !== null && typeof json === "object" && "eventNotifications" in json) {
    const parsed = classicSchema.safeParse(json);
    if (!parsed.success) throw new WebhookPayloadError(`Invalid webhook notification: ${describeIssues(parsed.error)}`);
    return {
      format: "classic",
      events: parsed.data.eventNotifications.flatMap((notification) =>
        (notification.dataChangeEvent?.entities ?? []).map((entity) => ({
          realmId: notification.realmId,
          entity: entity.name,
          entityId: entity.id,
          operation: entity.operation.toLowerCase(),
          occurredAt: entity.lastUpdated ?? null,
        })),
      ),
    };
  }
  throw new WebhookPayloadError("Webhook body is neither a QBO eventNotifications object nor a CloudEvents array");
}

/** The distinct realms a notification names, in first-seen order. */
export function realmsOf(notification: WebhookNotification): string[] {
  return [...new Set(notification.events.map((event) => event.realmId))];
}
