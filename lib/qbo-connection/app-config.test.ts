import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildEnv, type AppEnv } from "@/lib/config/env";
import { parseEnv } from "@/lib/config/env-schema";
import { SANDBOX_DEFAULTS } from "@/lib/qbo-sandbox";
import { qboAppConfig } from "./app-config";

const appEnv = (source: Record<string, string>): AppEnv =>
  ({ ...parseEnv({ AUTH_SECRET: "x".repeat(32), TOKEN_ENCRYPTION_KEY: "11".repeat(32), ...source }), PGLITE_DATA_DIR: "/tmp/unused" }) as AppEnv;
const intuit = { QBO_CLIENT_ID: "id", QBO_CLIENT_SECRET: "secret", QBO_REDIRECT_URI: "https://books.example.com/api/qbo/callback" };

describe("the webhook verifier token", () => {
  it("is generated per install for the built-in sandbox, never the sandbox's public default", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "lb-verifier-"));
    const first = qboAppConfig(buildEnv({ DATA_DIR: dataDir })).webhookVerifierToken;
    expect(first).not.toBe(SANDBOX_DEFAULTS.webhookVerifierToken);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(qboAppConfig(buildEnv({ DATA_DIR: dataDir })).webhookVerifierToken).toBe(first);
    const otherInstall = mkdtempSync(path.join(tmpdir(), "lb-verifier-"));
    expect(qboAppConfig(buildEnv({ DATA_DIR: otherInstall })).webhookVerifierToken).not.toBe(first);
  });

  it("is generated even when the other secrets come from the environment (a configured demo)", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "lb-verifier-"));
    const config = buildEnv({ DATA_DIR: dataDir, AUTH_SECRET: "x".repeat(40), TOKEN_ENCRYPTION_KEY: "a".repeat(64) });
    expect(qboAppConfig(config).webhookVerifierToken).not.toBe(SANDBOX_DEFAULTS.webhookVerifierToken);
    expect(qboAppConfig(config).webhookVerifierToken.length).toBeGreaterThanOrEqual(32);
  });

  it("is the configured one for the built-in sandbox when QBO_WEBHOOK_VERIFIER_TOKEN is set", () => {
    expect(qboAppConfig(appEnv({ QBO_WEBHOOK_VERIFIER_TOKEN: "chosen-token" })).webhookVerifierToken).toBe("chosen-token");
  });

  it("is the configured one with an Intuit app", () => {
    expect(qboAppConfig(appEnv({ ...intuit, QBO_WEBHOOK_VERIFIER_TOKEN: "from-intuit" })).webhookVerifierToken).toBe("from-intuit");
  });

  it("is empty with an Intuit app but no token, so no webhook verifies (never the sandbox's well-known one)", () => {
    expect(qboAppConfig(appEnv(intuit)).webhookVerifierToken).toBe("");
  });
});
