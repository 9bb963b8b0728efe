/**
 * The phases of one sync run, in order, with their share of the progress bar. Weights follow
 * where the time goes for a typical small business: transactions dominate, reference data and
 * the connection check are quick. They sum to 100.
 */

export const SYNC_PHASES = [
  { id: "connection", label: "Checking connection", weight: 3 },
  { id: "reference_data", label: "Accounts and lists", weight: 12 },
  { id: "vendors_customers", label: "Vendors and customers", weight: 15 },
  { id: "bills_invoices", label: "Bills and invoices", weight: 35 },
  { id: "vendor_credits", label: "Vendor credits", weight: 10 },
  { id: "payments", label: "Payments", weight: 15 },
  { id: "funds_transfers", label: "Funds transfers", weight: 7 },
  { id: "finish", label: "Finishing", weight: 3 },
] as const;

export type SyncPhase = (typeof SYNC_PHASES)[number]["id"];

export const PHASE_ORDER: readonly SyncPhase[] = SYNC_PHASES.map((phase) => phase.id);

export function phaseLabel(phase: SyncPhase): string {
  return SYNC_PHASES.find((p) => p.id === phase)?.label ?? phase;
}

/**
 * Overall percent (0–100, whole number) for `done` of `total` items in `phase`. Rounded down so
 * 100 appears only when the last phase is complete; `done` is clamped to `total`; a phase with
 * nothing to do reports its start until the orchestrator moves to the next one.
 */
export function progressPercent(phase: SyncPhase, done: number, total: number): number {
  let before = 0;
  for (const p of SYNC_PHASES) {
    if (p.id === phase) {
      const fraction = total > 0 ? Math.min(Math.max(done, 0), total) / total : 0;
      return Math.floor(before + p.weight * fraction);
    }
    before += p.weight;
  }
  throw new RangeError(`unknown sync phase: ${phase}`);
}
