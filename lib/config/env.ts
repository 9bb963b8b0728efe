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

const GENERATORS = {
  AUTH_SECRET: () => randomBytes(32).toString("base64url"),
  TOKEN_ENCRYPTION_KEY: () => randomBytes(32).toString("hex"),
  // Signs the built-in sandbox's webhooks: per install, so nobody can forge one from the source code.
  QBO_WEBHOOK_VERIFIER_TOKEN: () => randomBytes(32).toString("base64url"),
} as const;
type SecretName = keyof typeof GENERATORS;

/**
 * Outside production a newcomer should need no configuration: secrets are generated once and kept in
 * DATA_DIR/secrets.json (git-ignored, mode 0600) so sessions, encrypted tokens and webhook signatures
 * survive restarts. A secret missing from an existing file is added; the ones kept there never change.
 */
function loadOrCreateSecrets(dataDir: string, names: SecretName[]): Partial<Record<SecretName, string>> {
  const file = path.join(dataDir, "secrets.json");
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<Record<SecretName, string>>) : {};
  const missing = names.filter((name) => !kept[name]);
  if (missing.length === 0) return kept;
  const secrets = { ...kept };
  for (const name of missing) secrets[name] = GENERATORS[name]();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

export function buildEnv(source: Record<string, string | undefined>): AppEnv {
  const raw = parseEnv(source);
  // Runtime folders chosen by configuration: nothing for the bundler to trace.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ raw.DATA_DIR);
  // With an Intuit app the verifier token comes from Intuit (unset → webhooks refused), never from here.
  const builtInSandbox = !raw.QBO_CLIENT_ID;
  const needed = (Object.keys(GENERATORS) as SecretName[]).filter(
    (name) => !raw[name] && (name !== "QBO_WEBHOOK_VERIFIER_TOKEN" || builtInSandbox),
  );
  const generated = needed.length > 0 ? loadOrCreateSecrets(dataDir, needed) : {};
  return {
    ...raw,
    DATA_DIR: dataDir,
    AUTH_SECRET: raw.AUTH_SECRET ?? generated.AUTH_SECRET!,
    TOKEN_ENCRYPTION_KEY: raw.TOKEN_ENCRYPTION_KEY ?? generated.TOKEN_ENCRYPTION_KEY!,
    QBO_WEBHOOK_VERIFIER_TOKEN: raw.QBO_WEBHOOK_VERIFIER_TOKEN ?? generated.QBO_WEBHOOK_VERIFIER_TOKEN,
    PGLITE_DATA_DIR: path.resolve(/*turbopackIgnore: true*/ raw.PGLITE_DATA_DIR ?? path.join(dataDir, "pglite")),
  };
}

let cached: AppEnv | undefined;

/** The validated environment; a bad value stops start-up with a message naming the variable. */
export function env(): AppEnv {
  cached ??= buildEnv(process.env);
  return cached;
}
