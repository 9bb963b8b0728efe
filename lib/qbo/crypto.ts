import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for QBO tokens at rest. Output: `v1:<iv>:<tag>:<ciphertext>`, each part base64url.
 * The version prefix lets a later key rotation or algorithm change read old rows.
 * Optional `context` (e.g. the organisation id) is bound as associated data, so a ciphertext
 * copied to another organisation's row does not decrypt.
 */
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export class TokenCryptoError extends Error {
  override readonly name = "TokenCryptoError";
}

export type EncryptionKeyInput = string | Uint8Array;

/** Accepts a 32-byte key as 64 hex chars, base64 or base64url (or raw bytes). */
export function parseEncryptionKey(key: EncryptionKeyInput): Buffer {
  if (typeof key !== "string") {
    if (key.length !== KEY_BYTES) throw new TokenCryptoError(`Encryption key must be ${KEY_BYTES} bytes, got ${key.length}`);
    return Buffer.from(key);
  }
  const text = key.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) {
    const bytes = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (bytes.length === KEY_BYTES) return bytes;
  }
  throw new TokenCryptoError(
    `Encryption key must be ${KEY_BYTES} bytes given as 64 hex characters or base64 (e.g. \`openssl rand -base64 32\`)`,
  );
}

/** Creates a fresh random key in base64 (for generating TOKEN_ENCRYPTION_KEY in development). */
export function generateEncryptionKey(): string {
  return randomBytes(KEY_BYTES).toString("base64");
}

export interface TokenCipher {
  encrypt(plaintext: string, context?: string): string;
  decrypt(payload: string, context?: string): string;
}

/** Parses the key once; use the returned cipher for every token. */
export function createTokenCipher(key: EncryptionKeyInput): TokenCipher {
  const keyBytes = parseEncryptionKey(key);
  return {
    encrypt: (plaintext, context) => encryptWith(keyBytes, plaintext, context),
    decrypt: (payload, context) => decryptWith(keyBytes, payload, context),
  };
}

export function encryptToken(plaintext: string, key: EncryptionKeyInput, context?: string): string {
  return encryptWith(parseEncryptionKey(key), plaintext, context);
}

export function decryptToken(payload: string, key: EncryptionKeyInput, context?: string): string {
  return decryptWith(parseEncryptionKey(key), payload, context);
}

function encryptWith(key: Buffer, plaintext: string, context: string | undefined): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  if (context !== undefined) cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(":");
}

function decryptWith(key: Buffer, payload: string, context: string | undefined): string {
  const parts = payload.split(":");
  if (parts.length !== 4 || parts[0] !== VERSION) {
    throw new TokenCryptoError("Encrypted token has an unknown format or version");
  }
  const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !ciphertext || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new TokenCryptoError("Encrypted token is malformed");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    if (context !== undefined) decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch (cause) {
    throw new TokenCryptoError("Encrypted token failed authentication (wrong key, wrong context or tampered data)", {
      cause,
    });
  }
}
