import { randomBytes } from "node:crypto";
import type { LogFields, Logger } from "@/lib/log";

/**
 * A short id that ties what a person sees ("Something went wrong (ref 7F3K-9QZ2)") to the one
 * server log line holding the full, redacted error. People read it out on the phone, so it uses
 * Crockford's base32 (no I, L, O, U) in two groups of four.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const ERROR_REFERENCE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export function newErrorReference(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(8);
  const chars = Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

/** Logs an unexpected error at error level under a new reference and returns the reference. */
export function logWithReference(log: Logger, message: string, error: unknown, fields: LogFields = {}): string {
  const ref = newErrorReference();
  log.error(message, { ...fields, ref, error });
  return ref;
}
