import { describe, expect, it } from "vitest";
import type { ChangeEvent } from "@/lib/qbo-sandbox";
import { buildWebhookBodyIn } from "@/lib/qbo-sandbox/webhooks";
import { parseWebhookNotification, realmsOf, WebhookPayloadError } from "./parse-notification";

const classic = {
  eventNotifications: [
    {
      realmId: "111",
      dataChangeEvent: {
        entities: [
          { name: "Bill", id: "42", operation: "Update", lastUpdated: "2030-01-02T03:04:05.000Z" },
          { name: "BillPayment", id: "7", operation: "Create", lastUpdated: "2030-01-02T03:04:05.000Z" },
        ],
      },
    },
    { realmId: "222", dataChangeEvent: { entities: [{ name: "Vendor", id: "3", operation: "Merge" }] } },
  ],
};

const cloudEvents = [
  { specversion: "1.0", id: "e-1", type: "qbo.bill.updated.v1", time: "2030-01-02T03:04:05Z", intuitentityid: "42", intuitaccountid: "111", data: {} },
  { specversion: "1.0", id: "e-2", type: "qbo.invoice.voided.v1", time: "2030-01-02T03:04:06Z", intuitentityid: "9", intuitaccountid: "333" },
];

describe("parseWebhookNotification", () => {
  it("normalises the classic eventNotifications form", () => {
    const parsed = parseWebhookNotification(JSON.stringify(classic));
    expect(parsed.format).toBe("classic");
    expect(parsed.events).toEqual([
      { realmId: "111", entity: "Bill", entityId: "42", operation: "update", occurredAt: "2030-01-02T03:04:05.000Z" },
      { realmId: "111", entity: "BillPayment", entityId: "7", operation: "create", occurredAt: "2030-01-02T03:04:05.000Z" },
      { realmId: "222", entity: "Vendor", entityId: "3", operation: "merge", occurredAt: null },
    ]);
    expect(realmsOf(parsed)).toEqual(["111", "222"]);
  });

  it("normalises the CloudEvents array form", () => {
    const parsed = parseWebhookNotification(JSON.stringify(cloudEvents));
    expect(parsed.format).toBe("cloudevents");
    expect(parsed.events).toEqual([
      { realmId: "111", entity: "bill", entityId: "42", operation: "update", occurredAt: "2030-01-02T03:04:05Z" },
      { realmId: "333", entity: "invoice", entityId: "9", operation: "void", occurredAt: "2030-01-02T03:04:06Z" },
    ]);
    expect(realmsOf(parsed)).toEqual(["111", "333"]);
  });

  it("accepts numeric ids, which some senders use", () => {
    const parsed = parseWebhookNotification(JSON.stringify({ eventNotifications: [{ realmId: 111, dataChangeEvent: { entities: [{ name: "Bill", id: 5, operation: "Delete" }] } }] }));
    expect(parsed.events[0]).toMatchObject({ realmId: "111", entityId: "5", operation: "delete" });
  });

  it.each([
    ["invalid JSON", "{not json", /not valid JSON/],
    ["a JSON string", '"hello"', /neither/],
    ["an unrelated object", '{"hello":"world"}', /neither/],
    ["null", "null", /neither/],
    ["no notifications", '{"eventNotifications":[]}', /Invalid webhook notification/],
    ["a notification without realm", '{"eventNotifications":[{"dataChangeEvent":{"entities":[]}}]}', /realmId/],
    ["an empty array", "[]", /Invalid CloudEvents/],
    ["a CloudEvent of another spec version", JSON.stringify([{ ...cloudEvents[0], specversion: "0.3" }]), /specversion/],
    ["a CloudEvent with a foreign type", JSON.stringify([{ ...cloudEvents[0], type: "com.example.thing" }]), /qbo\.<entity>/],
    ["a CloudEvent without account", JSON.stringify([{ specversion: "1.0", id: "x", type: "qbo.bill.created.v1", intuitentityid: "1" }]), /intuitaccountid/],
  ])("rejects %s with a clear error", (_label, body, message) => {
    expect(() => parseWebhookNotification(body)).toThrow(WebhookPayloadError);
    expect(() => parseWebhookNotification(body)).toThrow(message);
  });
});

describe("what the built-in sandbox sends", () => {
  const changes: ChangeEvent[] = [
    { entity: "BillPayment", id: "12", operation: "Create", lastUpdated: "2030-01-01T00:00:00Z" },
    { entity: "Bill", id: "5", operation: "Update", lastUpdated: "2030-01-01T00:00:00Z" },
  ];
  const expected = [
    { realmId: "999", entityId: "12", operation: "create", occurredAt: "2030-01-01T00:00:00Z" },
    { realmId: "999", entityId: "5", operation: "update", occurredAt: "2030-01-01T00:00:00Z" },
  ];

  it.each(["classic", "cloudevents"] as const)("parses the sandbox's %s body", (format) => {
    const parsed = parseWebhookNotification(buildWebhookBodyIn(format, "999", changes));
    expect(parsed.format).toBe(format);
    expect(parsed.events).toMatchObject(expected);
  });
});
