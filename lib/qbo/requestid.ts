import { createHash } from "node:crypto";

/**
 * QBO idempotency keys (`?requestid=`). Derived deterministically from the app's intention id
 * (e.g. the outbox row id of "create bill 42"), so a retry after a crash sends the very same id
 * and QBO answers with the original result instead of writing twice; a new intention has a new
 * id and therefore a new request id.
 *
 * Format: a UUID v5 (RFC 9562, SHA-1 of namespace + name): 36 characters, within QBO's 50-char
 * limit and the 36-char limit for batch requests.
 */
const LEDGERBRIDGE_NAMESPACE = "2c4f7a52-6d0e-5b1c-9a43-1f9e8d7c6b5a";

export function requestIdFor(intentionId: string): string {
  if (intentionId.length === 0) throw new Error("requestIdFor needs a non-empty intention id");
  const namespace = Buffer.from(LEDGERBRIDGE_NAMESPACE.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(namespace).update(intentionId, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
