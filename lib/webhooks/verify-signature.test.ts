import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyWebhookSignature } from "./verify-signature";

const TOKEN = "verifier-token";
const body = JSON.stringify({ eventNotifications: [{ realmId: "123", dataChangeEvent: { entities: [] } }] });
const sign = (raw: string, token = TOKEN) => createHmac("sha256", token).update(raw, "utf8").digest("base64");

describe("verifyWebhookSignature", () => {
  it("accepts base64(HMAC-SHA256(raw body, verifier token))", () => {
    expect(verifyWebhookSignature(body, sign(body), TOKEN)).toBe(true);
  });

  it("rejects a signature made with another token or over another body", () => {
    expect(verifyWebhookSignature(body, sign(body, "other-token"), TOKEN)).toBe(false);
    expect(verifyWebhookSignature(`${body} `, sign(body), TOKEN)).toBe(false);
  });

  it("rejects a signature of the wrong length without throwing", () => {
    const short = Buffer.from("too short").toString("base64");
    expect(verifyWebhookSignature(body, short, TOKEN)).toBe(false);
    expect(verifyWebhookSignature(body, `${sign(body)}AAAA`, TOKEN)).toBe(false);
  });

  it("rejects a missing, empty or garbled header", () => {
    expect(verifyWebhookSignature(body, null, TOKEN)).toBe(false);
    expect(verifyWebhookSignature(body, undefined, TOKEN)).toBe(false);
    expect(verifyWebhookSignature(body, "", TOKEN)).toBe(false);
    expect(verifyWebhookSignature(body, "not base64 at all!!", TOKEN)).toBe(false);
  });

  it("never accepts anything when no verifier token is configured", () => {
    expect(verifyWebhookSignature(body, sign(body, ""), "")).toBe(false);
  });
});
