import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseEnv, type RawEnv } from "./env-schema";

export type AppEnv = RawEnv & {
  AUTH_SECRET: string;
  TOKEN_ENCRYPTION_KEY: string;
  /** Absolute folder of the embedded database (used only when DATABASE_URL is unset). */
  PGLITE_DATA_DIR: string;
};

type GeneratedSecrets = { AUTH_SECRET: string; TOKEN_ENCRYPTION_KEY: string };

/**
 * Outside production a newcomer should need no configuration: secrets are generated once and kept in
 * DATA_DIR/secrets.json (git-ignored) so sessions and encrypted tokens survive restarts.
 */
function loadOrCreateSecrets(dataDir: string): GeneratedSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<GeneratedSecrets>;
    if (parsed.AUTH_SECRET && parsed.TOKEN_ENCRYPTION_KEY) return parsed as GeneratedSecrets;
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets: GeneratedSecrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

export function buildEnv(source: Record<string, string | undefined>): AppEnv {
  const raw = parseEnv(source);
  // Runtime folders chosen by configuration: nothing for the bundler to trace.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ raw.DATA_DIR);
  const needsGenerated = !raw.AUTH_SECRET || !raw.TOKEN_ENCRYPTION_KEY;
  const generated = needsGenerated ? loadOrCreateSecrets(dataDir) : null;
  return {
    ...raw,
    DATA_DIR: dataDir,
    AUTH_SECRET: raw.AUTH_SECRET ?? generated!.AUTH_SECRET,
    TOKEN_ENCRYPTION_KEY: raw.TOKEN_ENCRYPTION_KEY ?? generated!.TOKEN_ENCRYPTION_KEY,
    PGLITE_DATA_DIR: path.resolve(/*turbopackIgnore: true*/ raw.PGLITE_DATA_DIR ?? path.join(dataDir, "pglite")),
  };
}

let cached: AppEnv | undefined;

/** The validated environment; a bad value stops start-up with a message naming the variable. */
export function env(): AppEnv {
  cached ??= buildEnv(process.env);
  return cached;
}
