import type { SyncRunSummary } from "@/lib/sync/engine/types";

/** Human names of the object types in summaries. */
const OBJECT_LABELS: Record<string, string> = {
  account: "Accounts",
  item: "Items",
  class: "Classes",
  location: "Locations",
  term: "Terms",
  vendor: "Vendors",
  customer: "Customers",
  bill: "Bills",
  invoice: "Invoices",
  vendor_credit: "Vendor credits",
  vendor_credit_application: "Credit applications",
  bill_payment: "Bill payments",
  payment: "Received payments",
  funds_transfer: "Funds transfers",
};

/** Fixed-width text table of a run's counts (for terminals). */
export function formatSyncSummary(summary: SyncRunSummary): string {
  const header = ["Object", "Created", "Updated", "Skipped", "Failed"];
  const rows = Object.entries(summary.counts)
    .sort(([a], [b]) => Object.keys(OBJECT_LABELS).indexOf(a) - Object.keys(OBJECT_LABELS).indexOf(b))
    .map(([type, c]) => [OBJECT_LABELS[type] ?? type, String(c.created), String(c.updated), String(c.skipped), String(c.failed)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  const out = [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)];
  if (rows.length === 0) out.push("(nothing to sync)");
  out.push("");
  out.push(`Status: ${summary.status}${summary.mode ? ` (${summary.mode} sync)` : ""}`);
  out.push(`Duration: ${(summary.durationMs / 1000).toFixed(1)} s · QuickBooks API calls: ${summary.apiCalls} · open issues: ${summary.openIssues}`);
  if (summary.error) out.push(`Note: ${summary.error}`);
  return out.join("\n");
}
