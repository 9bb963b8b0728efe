import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { bulkInsert } from "@/lib/db/bulk-insert";
import { openDatabase, migrateDatabase, type Db } from "@/lib/db/connection";
import { billLines, bills, syncMappings } from "@/lib/db/schema";
import { signUp } from "@/lib/auth/accounts";
import { apiCallFloor, rateLimitFloorMs } from "@/lib/sync/bench/floors";
import { SandboxProcess } from "@/lib/sync/bench/sandbox-process";
import { createScratchDatabase } from "@/lib/sync/bench/scratch-database";
import { accountIdByName, setStandardPreferences, syncNow } from "@/lib/sync/engine/sandbox-org";
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
  /** App and QBO records the run loaded into its plan (bills, invoices, vendor credits, vendors, customers). */
  planned?: number;
}

/** Where the app's data lives during a pass: embedded PGlite, or a throwaway database on a PostgreSQL server. */
export type BenchDatabase = { kind: "pglite" } | { kind: "postgres"; serverUrl: string };

export interface BenchSize {
  bills: number;
  invoices: number;
  vendors: number;
  customers: number;
  /** New app bills pushed to QBO in a third, write-bound scenario (0: skip it). */
  push?: number;
}

const READ_ENTITIES = ["Account", "Item", "Class", "Department", "Term", "Vendor", "Customer", "Bill", "Invoice", "VendorCredit"] as const;

/**
 * Peak resident memory of this process while `work` runs, sampled (the process-wide maxRSS only
 * grows, so it would charge every scenario with the largest one before it). Garbage from earlier
 * scenarios is collected first when node runs with --expose-gc (the scaling bench does).
 */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakRssMb: Math.round(peak / (1024 * 1024)) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * One bench pass: a sandbox process with one company of `size`, a fresh database; a first sync
 * brings the chart of accounts (needed to choose preferences), then the measured full sync and a
 * no-change incremental one. Peak RSS is this (the app's) process only.
 */
export async function runBench(
  size: BenchSize,
  throttling: boolean,
  database: BenchDatabase = { kind: "pglite" },
  log: (line: string) => void = () => undefined,
): Promise<BenchRow[]> {
  const sandbox = await SandboxProcess.start({ throttling });
  const scratch = database.kind === "postgres" ? await createScratchDatabase(database.serverUrl, "ledgerbridge_bench") : null;
  const handle = await openDatabase(scratch ? { kind: "postgres", url: scratch.url } : { kind: "pglite" });
  try {
    await migrateDatabase(handle);
    const qbo = sandboxClientFactory(sandbox, { rateLimited: throttling });
    log(`seeding ${size.bills} bills, ${size.invoices} invoices, ${size.vendors} vendors, ${size.customers} customers (throttling ${throttling ? "on" : "off"}, ${database.kind})`);
    const { realmId } = await sandbox.createCompany({ ...size, randomSeed: 42 });
    const { user, organization } = await signUp(handle.db, { name: "Bench", email: `bench-${realmId}@example.com`, password: "correct horse battery staple", organizationName: `Bench ${realmId}` });
    qbo.connect(organization.id, realmId, await sandbox.issueTokens(realmId));
    const counts = await sandbox.counts(realmId);
    const objectsPerEntity = READ_ENTITIES.map((e) => counts[e] ?? 0);
    const records = size.bills + size.invoices + size.vendors + size.customers;

    // A first sync brings the chart of accounts, which the preferences are chosen from.
    await syncNow(handle.db, organization.id, { clientFactory: qbo.factory });
    await setStandardPreferences(handle.db, organization.id, user.id);

    const rows: BenchRow[] = [];
    const push = size.push ?? 0;
    const scenarios = ["full sync", "incremental, no change", ...(push > 0 ? (["push new app bills"] as const) : [])] as const;
    for (const scenario of scenarios) {
      if (scenario === "push new app bills") {
        await addAppBills(handle.db, organization.id, push);
        // The floor assumes an empty minute: let the reads' batches of the syncs above leave QBO's window.
        if (throttling) {
          log("waiting a minute for QuickBooks' rate window to clear…");
          await new Promise((resolve) => setTimeout(resolve, 62_000));
        }
      }
      await sandbox.resetStats(realmId);
      log(`${scenario}…`);
      const started = performance.now();
      const { result: summary, peakRssMb } = await withPeakRss(() => syncNow(handle.db, organization.id, { clientFactory: qbo.factory }));
      const wallMs = performance.now() - started;
      const stats = await sandbox.stats(realmId);
      const full = scenario === "full sync";
      // Full: every entity read in pages (BillPayment/Payment too once 2-way payments are on — off here);
      // incremental: one CDC call. Plus the CompanyInfo connection check. Writes: batches of 30.
      const callFloor = full
        ? apiCallFloor({ objectsPerEntity, writes: 0, fixedCalls: 1 })
        : apiCallFloor({ objectsPerEntity: [], writes: scenario === "push new app bills" ? push : 0, fixedCalls: 2 });
      const scenarioRecords = scenario === "push new app bills" ? push : records;
      rows.push({
        scenario: scenario === "push new app bills" ? `push ${push} new app bills` : scenario,
        database: database.kind,
        throttling,
        records: scenarioRecords,
        apiCalls: stats.total,
        callFloor,
        wallMs,
        rateFloorMs: rateLimitFloorMs(stats.total, stats.batches),
        recordsPerSecond: scenarioRecords / (wallMs / 1000),
        peakRssMb,
        status: summary.status,
      });
    }
    return rows;
  } finally {
    await sandbox.close();
    await handle.close();
    await scratch?.drop();
  }
}

/** New unpaid app bills from one vendor already in QBO, for the sync to push (written in bulk). */
async function addAppBills(db: Db, organizationId: string, n: number): Promise<void> {
  const [vendor] = await db
    .select({ id: syncMappings.localId })
    .from(syncMappings)
    .where(and(eq(syncMappings.organizationId, organizationId), eq(syncMappings.objectType, "vendor")))
    .limit(1);
  const expenseAccountId = await accountIdByName(db, organizationId, "Uncategorized Expense");
  if (!vendor) throw new Error("bench: no synced vendor to bill from");
  const rows = Array.from({ length: n }, (_, i) => ({ id: randomUUID(), organizationId, vendorId: vendor.id, billNumber: `BENCH-${i + 1}`, billDate: "2026-11-02", dueDate: "2026-12-02", totalCents: 10_000 + i, openBalanceCents: 10_000 + i, status: "unpaid" as const }));
  await bulkInsert(db, bills, rows);
  await bulkInsert(db, billLines, rows.map((bill) => ({ organizationId, billId: bill.id, position: 1, accountId: expenseAccountId, amountCents: bill.totalCents })));
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
