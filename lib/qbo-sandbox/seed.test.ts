import { describe, expect, it } from "vitest";
import { commerceTracesOfQboJson, isFromQuickBooksCommerce } from "@/lib/sync/core/commerce";
import { SandboxCore } from "./core";
import { ENTITY_SPECS } from "./entity-specs";
import { toCents } from "./money";
import { normalizeRecord, stripReadOnly } from "./normalize";
import { checkReferences } from "./validation";
import { createQboSandbox } from "./sandbox";
import type { JsonObject } from "./types";

const FIXED_NOW = new Date("2026-11-25T18:00:00Z");

function records(sandbox: ReturnType<typeof createQboSandbox>, realmId: string, entity: "Bill" | "Invoice" | "VendorCredit" | "Vendor" | "Customer"): JsonObject[] {
  const out: JsonObject[] = [];
  for (let id = 1; id < 5000; id += 1) {
    const record = sandbox.getRecord(realmId, entity, String(id));
    if (record) out.push(record);
  }
  return out;
}

function isVoided(txn: JsonObject): boolean {
  return typeof txn["PrivateNote"] === "string" && txn["PrivateNote"].startsWith("Voided");
}

describe("seed generator", () => {
  const sandbox = createQboSandbox({ now: () => FIXED_NOW, throttling: false });
  const { realmId } = sandbox.createCompany({ name: "Seeded Co", seed: { vendors: 12, customers: 12, bills: 80, invoices: 80, randomSeed: 42 } });
  const bills = records(sandbox, realmId, "Bill");
  const invoices = records(sandbox, realmId, "Invoice");

  it.each([
    ["Bill", bills],
    ["Invoice", invoices],
  ])("has a %s for every data-driven skip reason of SPEC §3", (_name, txns) => {
    const live = txns.filter((txn) => !isVoided(txn));
    const paid = live.filter((txn) => toCents(txn["TotalAmt"]) > 0 && txn["Balance"] === 0);
    const partial = live.filter((txn) => toCents(txn["Balance"]) > 0 && toCents(txn["Balance"]) < toCents(txn["TotalAmt"]));
    const foreign = live.filter((txn) => (txn["CurrencyRef"] as JsonObject)["value"] !== "USD");
    const noNumber = live.filter((txn) => txn["DocNumber"] === undefined);
    const commerce = live.filter((txn) => isFromQuickBooksCommerce(commerceTracesOfQboJson(txn)));
    const zero = live.filter((txn) => txn["TotalAmt"] === 0);
    for (const group of [paid, partial, foreign, noNumber, commerce, zero]) expect(group.length).toBeGreaterThan(0);
    expect(txns.length).toBe(80);
  });

  it("marks multicurrency on and keeps foreign bills in the vendor's currency", () => {
    const preferences = sandbox.getRecord(realmId, "Preferences", "1");
    expect((preferences?.["CurrencyPrefs"] as JsonObject)["MultiCurrencyEnabled"]).toBe(true);
    const eur = bills.find((bill) => (bill["CurrencyRef"] as JsonObject)["value"] === "EUR");
    const vendor = sandbox.getRecord(realmId, "Vendor", String((eur?.["VendorRef"] as JsonObject)["value"]));
    expect((vendor?.["CurrencyRef"] as JsonObject)["value"]).toBe("EUR");
  });

  it("keeps balances consistent: vendor Balance = open bills − unapplied credits", () => {
    const credits = records(sandbox, realmId, "VendorCredit");
    for (const vendor of records(sandbox, realmId, "Vendor")) {
      const mine = (txn: JsonObject) => (txn["VendorRef"] as JsonObject)["value"] === vendor["Id"];
      const expected = bills.filter(mine).reduce((sum, bill) => sum + toCents(bill["Balance"]), 0) - credits.filter(mine).reduce((sum, credit) => sum + toCents(credit["Balance"]), 0);
      expect(toCents(vendor["Balance"])).toBe(expected);
    }
    const settled = bills.find((bill) => bill["PrivateNote"] === "Settled by vendor credit");
    expect(settled?.["Balance"]).toBe(0);
  });

  it("is deterministic for a random seed and varies with it", () => {
    const again = createQboSandbox({ now: () => FIXED_NOW });
    const same = again.createCompany({ name: "Seeded Co", seed: { vendors: 12, customers: 12, bills: 80, invoices: 80, randomSeed: 42 } });
    expect(records(again, same.realmId, "Bill")).toEqual(bills);
    const other = again.createCompany({ name: "Seeded Co", seed: { vendors: 12, customers: 12, bills: 80, invoices: 80, randomSeed: 43 } });
    expect(records(again, other.realmId, "Bill")).not.toEqual(bills);
  });

  it("seeds 10k bills and 10k invoices fast", () => {
    const big = createQboSandbox({ now: () => FIXED_NOW });
    // CPU time, not wall time, so other processes on a busy 2-core machine do not make this flaky.
    const started = process.cpuUsage();
    const { realmId: bigRealm } = big.createCompany({ seed: { vendors: 200, customers: 200, bills: 10_000, invoices: 10_000 } });
    const used = process.cpuUsage(started);
    // Typically 0.6–1.5 s of CPU. The bound is generous so a loaded CI machine passes, yet an
    // accidental O(n²) step (e.g. a uniqueness scan per record) would blow far past it.
    expect((used.user + used.system) / 1000).toBeLessThan(8000);
    const summary = big.listCompanies().find((company) => company.realmId === bigRealm);
    expect([summary?.counts.Bill, summary?.counts.Invoice]).toEqual([10_000, 10_000]);
  });
});

describe("bulk fast path", () => {
  it("builds bills and invoices exactly as normalizeRecord would", () => {
    const core = new SandboxCore({ now: () => FIXED_NOW });
    const { realmId } = core.createCompany({ seed: { vendors: 5, customers: 5, bills: 40, invoices: 40, randomSeed: 9 } });
    const company = core.company(realmId);
    let checked = 0;
    for (const entity of ["Bill", "Invoice"] as const) {
      for (const record of [...company.table(entity).values()].slice(-20)) {
        if (record["LinkedTxn"]) continue;
        const writable = stripReadOnly(entity, structuredClone(record));
        const normalized = normalizeRecord({ company, now: FIXED_NOW }, entity, writable);
        checkReferences(company, ENTITY_SPECS[entity], normalized);
        expect(normalized).toEqual({ ...stripReadOnly(entity, record), TotalAmt: record["TotalAmt"] ?? null });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
