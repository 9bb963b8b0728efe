import { describe, expect, it } from "vitest";
import type { AppEnv } from "@/lib/config/env";
import { parseEnv } from "@/lib/config/env-schema";
import { SANDBOX_DEFAULTS } from "@/lib/qbo-sandbox";
import { qboAppConfig } from "./app-config";

const appEnv = (source: Record<string, string>): AppEnv =>
  ({ ...parseEnv({ AUTH_SECRET: "x".repeat(32), TOKEN_ENCRYPTION_KEY: "11".repeat(32), ...source }), PGLITE_DATA_DIR: "/tmp/unused" }) as AppEnv;
const intuit = { QBO_CLIENT_ID: "id", QBO_CLIENT_SECRET: "secret", QBO_REDIRECT_URI: "https://books.example.com/api/qbo/callback" };

describe("the webhook verifier token", () => {
  it("is the built-in sandbox's own when the app talks to it", () => {
    expect(qboAppConfig(appEnv({})).webhookVerifierToken).toBe(SANDBOX_DEFAULTS.webhookVerifierToken);
  });

  it("is the configured one with an Intuit app", () => {
    expect(qboAppConfig(appEnv({ ...intuit, QBO_WEBHOOK_VERIFIER_TOKEN: "from-intuit" })).webhookVerifierToken).toBe("from-intuit");
  });

  it("is empty with an Intuit app but no token, so no webhook verifies (never the sandbox's well-known one)", () => {
    expect(qboAppConfig(appEnv(intuit)).webhookVerifierToken).toBe("");
  });
});
