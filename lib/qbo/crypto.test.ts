import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  TokenCryptoError,
  createTokenCipher,
  decryptToken,
  encryptToken,
  generateEncryptionKey,
  parseEncryptionKey,
} from "@/lib/qbo/crypto";

const keyBytes = Buffer.alloc(32, 7);
const hexKey = keyBytes.toString("hex");
const base64Key = keyBytes.toString("base64");

describe("token encryption", () => {
  it("round-trips with hex and base64 forms of the same key", () => {
    const token = "AB11-refresh-token-ünïcødé-" + "x".repeat(500);
    const sealed = encryptToken(token, hexKey);
    expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("refresh");
    expect(decryptToken(sealed, base64Key)).toBe(token);
    expect(decryptToken(sealed, keyBytes.toString("base64url"))).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    const cipher = createTokenCipher(base64Key);
    const a = cipher.encrypt("same");
    const b = cipher.encrypt("same");
    expect(a).not.toBe(b);
    expect(cipher.decrypt(a)).toBe("same");
    expect(cipher.decrypt(b)).toBe("same");
  });

  it("handles the empty string", () => {
    const cipher = createTokenCipher(keyBytes);
    expect(cipher.decrypt(cipher.encrypt(""))).toBe("");
  });

  it("refuses tampered ciphertext, tag or iv", () => {
    const sealed = encryptToken("secret-token", hexKey);
    const [version, iv, tag, data] = sealed.split(":") as [string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString("base64url");
    };
    for (const tampered of [
      [version, iv, tag, flip(data)],
      [version, iv, flip(tag), data],
      [version, flip(iv), tag, data],
    ]) {
      expect(() => decryptToken(tampered.join(":"), hexKey)).toThrow(TokenCryptoError);
    }
  });

  it("refuses a wrong key, a wrong context and unknown formats", () => {
    const sealed = encryptToken("secret", hexKey, "org-1");
    expect(decryptToken(sealed, hexKey, "org-1")).toBe("secret");
    expect(() => decryptToken(sealed, hexKey, "org-2")).toThrow(TokenCryptoError);
    expect(() => decryptToken(sealed, hexKey)).toThrow(TokenCryptoError);
    expect(() => decryptToken(sealed, randomBytes(32).toString("hex"), "org-1")).toThrow(TokenCryptoError);
    expect(() => decryptToken(sealed.replace(/^v1/, "v9"), hexKey, "org-1")).toThrow(/unknown format/);
    expect(() => decryptToken("plain-text-token", hexKey)).toThrow(TokenCryptoError);
    expect(() => decryptToken("v1:AAAA:BBBB:CCCC", hexKey)).toThrow(/malformed/);
  });
});

describe("parseEncryptionKey", () => {
  it("accepts 32-byte keys only", () => {
    expect(parseEncryptionKey(hexKey)).toEqual(keyBytes);
    expect(parseEncryptionKey(` ${base64Key}\n`)).toEqual(keyBytes);
    expect(parseEncryptionKey(generateEncryptionKey())).toHaveLength(32);
    expect(() => parseEncryptionKey(Buffer.alloc(16).toString("base64"))).toThrow(TokenCryptoError);
    expect(() => parseEncryptionKey("too short")).toThrow(TokenCryptoError);
    expect(() => parseEncryptionKey(new Uint8Array(31))).toThrow(TokenCryptoError);
  });
});
