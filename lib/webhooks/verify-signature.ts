import { createHmac, timingSafeEqual } from "node:crypto";

/** The header Intuit signs every webhook delivery with (both the classic and the CloudEvents form). */
export const SIGNATURE_HEADER = "intuit-signature";

/**
 * Intuit signs the raw body: base64(HMAC-SHA256(body, verifier token)). The comparison runs in
 * constant time so a forger learns nothing from how long a rejection takes; a missing, garbled or
 * wrong-length header is simply false.
 */
export function verifyWebhookSignature(rawBody: string, signature: string | null | undefined, verifierToken: string): boolean {
  if (!signature || !verifierToken) return false;
  const trimmed = signature.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return false;
  const expected = createHmac("sha256", verifierToken).update(rawBody, "utf8").digest();
  const given = Buffer.from(trimmed, "base64");
  // timingSafeEqual throws on different lengths; the length of a SHA-256 digest is public anyway.
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}
