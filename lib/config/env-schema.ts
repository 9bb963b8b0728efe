import { z } from "zod";
import { LOG_LEVELS } from "@/lib/log";

/** Every environment variable of SPEC §8 (plus the few operational ones), validated in one place. */
const optionalUrl = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z.url({ message: "must be an absolute URL, e.g. https://example.com" }).optional(),
);
const optionalText = z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).optional());

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection string")
      .optional(),
  ),
  /** "1" for the demo and e2e: a production build that may generate its own secrets under DATA_DIR. */
  DEMO_MODE: z.enum(["0", "1"]).default("0"),
  DATA_DIR: z.string().min(1).default(".data"),
  PGLITE_DATA_DIR: optionalText,
  APP_URL: z.url({ message: "must be an absolute URL, e.g. http://localhost:3000" }).default("http://localhost:3000"),
  AUTH_SECRET: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(32, "must be at least 32 characters").optional(),
  ),
  TOKEN_ENCRYPTION_KEY: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, "must be 32 bytes as 64 hex characters or base64")
      .optional(),
  ),
  QBO_CLIENT_ID: optionalText,
  QBO_CLIENT_SECRET: optionalText,
  QBO_REDIRECT_URI: optionalUrl,
  QBO_ENVIRONMENT: z.enum(["sandbox", "production"]).default("sandbox"),
  QBO_API_BASE_URL: optionalUrl,
  QBO_OAUTH_AUTHORIZE_URL: optionalUrl,
  QBO_OAUTH_TOKEN_URL: optionalUrl,
  QBO_OAUTH_REVOKE_URL: optionalUrl,
  QBO_WEBHOOK_VERIFIER_TOKEN: optionalText,
  /** Lowest level written to the JSON-lines log; debug adds one line per QBO request. */
  LOG_LEVEL: z.preprocess((v) => (v === "" ? undefined : v), z.enum(LOG_LEVELS).default("info")),
  /**
   * Outgoing mail (password reset links): smtp://user:pass@host:587 or smtps://…:465. Unset → the
   * mail's text is written to the log instead of being sent.
   */
  SMTP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().regex(/^smtps?:\/\/[^/\s]+/, "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587").optional(),
  ),
  /** Bearer token that unlocks per-company detail on /api/health; unset → never shown. */
  OPS_TOKEN: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(16, "must be at least 16 characters (it guards operational detail)").optional(),
  ),
});

export type RawEnv = z.infer<typeof envSchema>;

/** Turns zod issues into one readable message that names each bad variable. */
export function describeEnvErrors(error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  - ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  return `Invalid environment configuration:\n${lines.join("\n")}`;
}

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): RawEnv {
  const result = envSchema.safeParse(source);
  if (!result.success) throw new EnvError(describeEnvErrors(result.error));
  const env = result.data;
  if (env.NODE_ENV === "production" && env.DEMO_MODE !== "1") {
    const missing: string[] = (["AUTH_SECRET", "TOKEN_ENCRYPTION_KEY"] as const)
      .filter((k) => !env[k])
      .map((k) => `  - ${k}: required in production`);
    // The built-in sandbox is a test double with well-known credentials: never a production backend.
    if (!env.QBO_CLIENT_ID) {
      missing.push(
        "  - QBO_CLIENT_ID, QBO_CLIENT_SECRET, QBO_REDIRECT_URI: required in production (the built-in QuickBooks sandbox is served only in development, tests and with DEMO_MODE=1)",
      );
    }
    if (missing.length > 0) throw new EnvError(`Invalid environment configuration:\n${missing.join("\n")}`);
  }
  const qboCreds = [env.QBO_CLIENT_ID, env.QBO_CLIENT_SECRET, env.QBO_REDIRECT_URI].filter(Boolean).length;
  if (qboCreds !== 0 && qboCreds !== 3) {
    throw new EnvError(
      "Invalid environment configuration:\n  - QBO_CLIENT_ID, QBO_CLIENT_SECRET, QBO_REDIRECT_URI: set all three (real Intuit app) or none (built-in sandbox)",
    );
  }
  return env;
}
