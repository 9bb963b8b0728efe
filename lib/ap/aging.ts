/**
 * AP / AR aging: open balances by how many days past due they are on an "as of" date.
 * Buckets: Current (not yet due, or due today), 1–30, 31–60, 61–90, Over 90 days past due.
 * Documents with no open balance are left out; parties are listed by name.
 */
import { daysBetween, type IsoDate } from "./dates";
import { assertCents } from "./money";

export type AgingBucket = "current" | "days1to30" | "days31to60" | "days61to90" | "over90";

export const AGING_BUCKETS: readonly AgingBucket[] = ["current", "days1to30", "days31to60", "days61to90", "over90"];

export const AGING_BUCKET_LABELS: Record<AgingBucket, string> = {
  current: "Current",
  days1to30: "1–30",
  days31to60: "31–60",
  days61to90: "61–90",
  over90: "Over 90",
};

export interface AgingItem {
  id: string;
  partyId: string;
  partyName: string;
  dueDate: IsoDate;
  openBalanceCents: number;
}

export type BucketAmounts = Record<AgingBucket, number>;

export interface AgingRow {
  partyId: string;
  partyName: string;
  buckets: BucketAmounts;
  totalCents: number;
  documentCount: number;
}

export interface AgingReport {
  asOf: IsoDate;
  rows: AgingRow[];
  totals: BucketAmounts;
  totalCents: number;
}

export function daysPastDue(dueDate: IsoDate, asOf: IsoDate): number {
  return Math.max(0, daysBetween(dueDate, asOf));
}

export function agingBucket(dueDate: IsoDate, asOf: IsoDate): AgingBucket {
  const days = daysPastDue(dueDate, asOf);
  if (days === 0) return "current";
  if (days <= 30) return "days1to30";
  if (days <= 60) return "days31to60";
  if (days <= 90) return "days61to90";
  return "over90";
}

function emptyBuckets(): BucketAmounts {
  return { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 };
}

export function agingReport(items: readonly AgingItem[], asOf: IsoDate): AgingReport {
  const rowsByParty = new Map<string, AgingRow>();
  const totals = emptyBuckets();
  let totalCents = 0;
  for (const item of items) {
    assertCents(item.openBalanceCents, "open balance");
    if (item.openBalanceCents === 0) continue;
    const bucket = agingBucket(item.dueDate, asOf);
    let row = rowsByParty.get(item.partyId);
    if (!row) {
      row = { partyId: item.partyId, partyName: item.partyName, buckets: emptyBuckets(), totalCents: 0, documentCount: 0 };
      rowsByParty.set(item.partyId, row);
    }
    row.buckets[bucket] += item.openBalanceCents;
    row.totalCents += item.openBalanceCents;
    row.documentCount += 1;
    totals[bucket] += item.openBalanceCents;
    totalCents += item.openBalanceCents;
  }
  const rows = [...rowsByParty.values()].sort(
    (a, b) => a.partyName.localeCompare(b.partyName, "en", { sensitivity: "base" }) || a.partyId.localeCompare(b.partyId),
  );
  return { asOf, rows, totals, totalCents };
}
