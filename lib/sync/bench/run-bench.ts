import { openDatabase, migrateDatabase } from "@/lib/db/connection";
import { startSandboxServer } from "@/lib/qbo-sandbox";
import { apiCallFloor, rateLimitFloorMs } from "@/lib/sync/bench/floors";
import { orgWithSandboxCompany, setStandardPreferences, syncNow } from "@/lib/sync/engine/sandbox-org";
import { sandboxClientFactory } from "@/lib/sync/engine/sandbox-client-factory";
import type { SyncRunSummary } from "@/lib/sync/engine/types";

export interface BenchRow {
  scenario: string;
  database: BenchDatabase["kind"];
  throttling: boolean;
  records: number;
  apiCalls: number;
  callFloor: number;
  wallMs: number;
  rateFloorMs: number;
  recordsPerSecond: number;
  peakRssMb: number;
  status: SyncRunSummary["status"];
}

/** Where the app's data lives during a pass: embedded PGlite, or a throwaway database on a PostgreSQL server. */
export type BenchDatabase = { kind: "pglite" } | { kind: "postgres"; serverUrl: string };

export interface BenchSize {
  bills: number;
  invoices: number;
  vendors: number;
  customers: number;
}

const READ_ENTITIES = ["Account", "Item", "Class", "Department", "Term", "Vendor", "Customer", "Bill", "Invoice", "VendorCredit"] as const;

function peakRssMb(): number {
  // maxRSS is in kilobytes.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * One bench pass: a fresh sandbox company of `size` and a fresh embedded database; a first sync
 * brings the chart of accounts (needed to choose preferences), then the measured full sync and a
 * no-change incremental one.
 */
export async function runBench(
  size: BenchSize,
  throttling: boolean,
  database: BenchDatabase = { kind: "pglite" },
  log: (line: string) => void = () => undefined,
): Promise<BenchRow[]> {
  const server = await startSandboxServer({ port: 0, throttling });
  const scratch = database.kind === "postgres" ? await createScratchDatabase(database.serverUrl) : null;
  const handle = await openDatabase(scratch ? { kind: "postgres", url: scratch.url } : { kind: "pglite" });
  try {
    await migrateDatabase(handle);
    const qbo = sandboxClientFactory(server, { rateLimited: throttling });
    log(`seeding ${size.bills} bills, ${size.invoices} invoices, ${size.vendors} vendors, ${size.customers} customers (throttling ${throttling ? "on" : "off"})`);
    const org = await orgWithSandboxCompany(handle.db, server, qbo, { ...size, randomSeed: 42 });
    const company = server.sandbox.listCompanies().find((c) => c.realmId === org.realmId);
    const objectsPerEntity = READ_ENTITIES.map((e) => company?.counts[e] ?? 0);
    const records = size.bills + size.invoices + size.vendors + size.customers;

    await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    await setStandardPreferences(handle.db, org.organizationId, org.userId);

    const rows: BenchRow[] = [];
    for (const scenario of ["full sync", "incremental, no change"] as const) {
      server.sandbox.resetStats(org.realmId);
      log(`${scenario}…`);
      const started = performance.now();
      const summary = await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
      const wallMs = performance.now() - started;
      const stats = server.sandbox.getStats(org.realmId);
      const full = scenario === "full sync";
      // Full: every entity read in pages (BillPayment/Payment too once 2-way payments are on — off here);
      // incremental: one CDC call. Plus the CompanyInfo connection check.
      const callFloor = full ? apiCallFloor({ objectsPerEntity, writes: stats.writes, fixedCalls: 1 }) : apiCallFloor({ objectsPerEntity: [], writes: stats.writes, fixedCalls: 2 });
      rows.push({
        scenario,
        database: database.kind,
        throttling,
        records,
        apiCalls: stats.total,
        callFloor,
        wallMs,
        rateFloorMs: rateLimitFloorMs(stats.total, stats.batches),
        recordsPerSecond: records / (wallMs / 1000),
        peakRssMb: peakRssMb(),
        status: summary.status,
      });
    }
    return rows;
  } finally {
    await server.close();
    await handle.close();
    await scratch?.drop();
  }
}

/** A fresh, empty database on the server of `serverUrl`, dropped after the pass. */
async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ledgerbridge_bench_${process.pid}_${Date.now()}`;
  const admin = await openDatabase({ kind: "postgres", url: serverUrl, max: 1 });
  await admin.query(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.close();
    },
  };
}

export function formatBenchTable(rows: readonly BenchRow[]): string {
  const header = ["Scenario", "Database", "Throttle", "Records", "API calls", "Calls/record (floor)", "Wall time (rate floor)", "Records/s", "Peak RSS", "Status"];
  const cells = rows.map((r) => [
    r.scenario,
    r.database === "pglite" ? "embedded" : "PostgreSQL",
    r.throttling ? "on" : "off",
    String(r.records),
    `${r.apiCalls} (floor ${r.callFloor})`,
    `${(r.apiCalls / r.records).toFixed(4)} (${(r.callFloor / r.records).toFixed(4)})`,
    `${(r.wallMs / 1000).toFixed(1)} s (${(r.rateFloorMs / 1000).toFixed(0)} s)`,
    r.recordsPerSecond.toFixed(0),
    `${r.peakRssMb} MB`,
    r.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: string[]) => c.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}
