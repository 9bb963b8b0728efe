import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildEnv } from "./env";
import { EnvError, parseEnv } from "./env-schema";

const tmp = () => mkdtempSync(path.join(tmpdir(), "lb-env-"));

describe("parseEnv", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv({});
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.QBO_ENVIRONMENT).toBe("sandbox");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ APP_URL: "not a url" })).toThrow(/APP_URL/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ QBO_ENVIRONMENT: "staging" })).toThrow(/QBO_ENVIRONMENT/);
    expect(() => parseEnv({ TOKEN_ENCRYPTION_KEY: "short" })).toThrow(/TOKEN_ENCRYPTION_KEY/);
  });

  it("requires secrets in production but not in demo mode", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: required in production/);
    expect(parseEnv({ NODE_ENV: "production", DEMO_MODE: "1" }).NODE_ENV).toBe("production");
  });

  it("serves the built-in QuickBooks sandbox in production only with DEMO_MODE=1", () => {
    const secrets = { AUTH_SECRET: "s".repeat(40), TOKEN_ENCRYPTION_KEY: "a".repeat(64) };
    const intuit = { QBO_CLIENT_ID: "id", QBO_CLIENT_SECRET: "secret", QBO_REDIRECT_URI: "https://app.example.com/api/qbo/callback" };
    expect(() => parseEnv({ NODE_ENV: "production", ...secrets })).toThrow(/QBO_CLIENT_ID.*required in production.*DEMO_MODE=1/s);
    expect(parseEnv({ NODE_ENV: "production", ...secrets, ...intuit }).QBO_CLIENT_ID).toBe("id");
    expect(parseEnv({ NODE_ENV: "production", DEMO_MODE: "1", ...secrets }).DEMO_MODE).toBe("1");
    expect(parseEnv({ NODE_ENV: "development" }).QBO_CLIENT_ID).toBeUndefined();
    expect(parseEnv({ NODE_ENV: "test" }).QBO_CLIENT_ID).toBeUndefined();
  });

  it("wants all three Intuit credentials or none", () => {
    expect(() => parseEnv({ QBO_CLIENT_ID: "abc" })).toThrow(/QBO_CLIENT_SECRET/);
    const env = parseEnv({
      QBO_CLIENT_ID: "id",
      QBO_CLIENT_SECRET: "secret",
      QBO_REDIRECT_URI: "https://app.example.com/api/qbo/callback",
    });
    expect(env.QBO_CLIENT_ID).toBe("id");
  });
});

describe("buildEnv", () => {
  it("generates secrets once and keeps them private under DATA_DIR", () => {
    const dir = tmp();
    const first = buildEnv({ DATA_DIR: dir });
    const second = buildEnv({ DATA_DIR: dir });
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(first.TOKEN_ENCRYPTION_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    const file = path.join(dir, "secrets.json");
    expect(JSON.parse(readFileSync(file, "utf8")).AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.PGLITE_DATA_DIR).toBe(path.join(dir, "pglite"));
  });

  it("adds a missing generated secret to an existing file without replacing the ones kept there", () => {
    const dir = tmp();
    const file = path.join(dir, "secrets.json");
    writeFileSync(file, JSON.stringify({ AUTH_SECRET: "k".repeat(43), TOKEN_ENCRYPTION_KEY: "b".repeat(64) }));
    const env = buildEnv({ DATA_DIR: dir });
    expect(env.AUTH_SECRET).toBe("k".repeat(43));
    expect(env.TOKEN_ENCRYPTION_KEY).toBe("b".repeat(64));
    expect(env.QBO_WEBHOOK_VERIFIER_TOKEN).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.parse(readFileSync(file, "utf8")).QBO_WEBHOOK_VERIFIER_TOKEN).toBe(env.QBO_WEBHOOK_VERIFIER_TOKEN);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("generates no webhook verifier token for an Intuit app (Intuit issues it)", () => {
    const env = buildEnv({ DATA_DIR: tmp(), QBO_CLIENT_ID: "id", QBO_CLIENT_SECRET: "s", QBO_REDIRECT_URI: "https://a.example.com/api/qbo/callback" });
    expect(env.QBO_WEBHOOK_VERIFIER_TOKEN).toBeUndefined();
  });

  it("uses given secrets without writing any file", () => {
    const dir = tmp();
    const env = buildEnv({ DATA_DIR: dir, AUTH_SECRET: "x".repeat(40), TOKEN_ENCRYPTION_KEY: "a".repeat(64), QBO_WEBHOOK_VERIFIER_TOKEN: "given" });
    expect(env.AUTH_SECRET).toBe("x".repeat(40));
    expect(() => statSync(path.join(dir, "secrets.json"))).toThrow();
  });
});
