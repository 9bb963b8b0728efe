/**
 * `npm run sandbox`: the built-in QBO sandbox as a standalone server, e.g. for pointing
 * QBO_API_BASE_URL and the QBO_OAUTH_* variables of another Ledgerbridge at it.
 *   --port <n>      (default 4010)      --memory   keep state in memory only
 *   --no-throttle   switch QBO's rate limits off
 *   --state <file>  where its state persists (default .data/qbo-sandbox-standalone.json)
 *   --empty         start without the demo company (create companies through the control API)
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_SEED, startSandboxServer } from "@/lib/qbo-sandbox";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    memory: { type: "boolean", default: false },
    "no-throttle": { type: "boolean", default: false },
    empty: { type: "boolean", default: false },
    state: { type: "string", default: ".data/qbo-sandbox-standalone.json" },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got "${values.port}"`);
  process.exit(2);
}
const server = await startSandboxServer({
  port,
  throttling: !values["no-throttle"],
  persistPath: values.memory ? undefined : path.resolve(values.state),
});
if (server.sandbox.listCompanies().length === 0 && !values.empty) {
  server.sandbox.createCompany({ name: "Sandbox Company (standalone)", seed: DEFAULT_SEED });
}
console.log(`QBO sandbox listening on ${server.url}`);
for (const c of server.sandbox.listCompanies()) console.log(`  company ${c.realmId}: ${c.companyName}`);
console.log(`Point a client at it with:
  QBO_API_BASE_URL=${server.url}
  QBO_OAUTH_AUTHORIZE_URL=${server.url}/oauth2/authorize
  QBO_OAUTH_TOKEN_URL=${server.url}/oauth2/v1/tokens/bearer
  QBO_OAUTH_REVOKE_URL=${server.url}/oauth2/v2/tokens/revoke`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void server.sandbox.flush().then(() => server.close()).then(() => process.exit(0));
  });
}
