/**
 * Tests create and drop whole databases: refuse anything that is not on this machine, so a stray
 * TEST_DATABASE_URL can never wipe a shared or production server.
 */
export function assertLocalDatabaseUrl(url: string): URL {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const local = host === "localhost" || host === "::1" || /^127\./.test(host) || host === "";
  if (!local) {
    throw new Error(`Refusing to use ${parsed.host} for tests: TEST_DATABASE_URL must point at localhost`);
  }
  return parsed;
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
