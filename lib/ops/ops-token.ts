import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * True when the request's `Authorization: Bearer …` is the operators' token. Without a configured
 * token nothing is ever operator-only-visible. Compared in constant time (over digests, so lengths
 * do not leak either).
 */
export function isOpsRequest(authorization: string | null | undefined, opsToken: string | undefined): boolean {
  if (!opsToken || !authorization) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) return false;
  return timingSafeEqual(digest(match[1]), digest(opsToken));
}
