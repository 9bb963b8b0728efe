/**
 * When a connection may sync at once, and when it waits for an admin's confirmation (issue 14,
 * item 1 and 3): a company other than the one the organisation's links point to would otherwise
 * receive a copy of every app record, and so would a first company while the app already holds
 * records. Pure: the caller reads the links and counts.
 */

/** A company the organisation's links (sync mappings) point to, with when it was last written. */
export interface LinkedRealm {
  realmId: string;
  lastSyncedAt: Date;
}

export type ConnectDecision =
  | { status: "connected" }
  | { status: "awaiting_confirmation"; awaitingKind: "switch"; fromRealmId: string }
  | { status: "awaiting_confirmation"; awaitingKind: "first_sync" };

export function decideConnect(input: { realmId: string; linkedRealms: readonly LinkedRealm[]; hasAppRecords: boolean }): ConnectDecision {
  const others = input.linkedRealms.filter((linked) => linked.realmId !== input.realmId);
  if (others.length > 0) {
    const latest = others.reduce((a, b) => (b.lastSyncedAt.getTime() > a.lastSyncedAt.getTime() ? b : a));
    return { status: "awaiting_confirmation", awaitingKind: "switch", fromRealmId: latest.realmId };
  }
  // The same company again keeps everything; a company never synced with is free unless the app has records to copy.
  const sameCompany = input.linkedRealms.length > 0;
  if (sameCompany || !input.hasAppRecords) return { status: "connected" };
  return { status: "awaiting_confirmation", awaitingKind: "first_sync" };
}

/** What the next sync would create in the new company: the organisation's app records, by kind. */
export interface AppRecordCounts {
  vendors: number;
  customers: number;
  bills: number;
  invoices: number;
  vendorCredits: number;
  billPayments: number;
  receivedPayments: number;
}

const NOUNS: Record<keyof AppRecordCounts, [string, string]> = {
  vendors: ["vendor", "vendors"],
  customers: ["customer", "customers"],
  bills: ["bill", "bills"],
  invoices: ["invoice", "invoices"],
  vendorCredits: ["vendor credit", "vendor credits"],
  billPayments: ["bill payment", "bill payments"],
  receivedPayments: ["received payment", "received payments"],
};

export function hasAnyRecords(counts: AppRecordCounts): boolean {
  return Object.values(counts).some((n) => n > 0);
}

/** "25 vendors, 1 customer and 43 invoices" — kinds with none are left out. */
export function describeRecordCounts(counts: AppRecordCounts): string {
  const parts = (Object.keys(NOUNS) as Array<keyof AppRecordCounts>)
    .filter((key) => counts[key] > 0)
    .map((key) => `${counts[key]} ${NOUNS[key][counts[key] === 1 ? 0 : 1]}`);
  if (parts.length === 0) return "no records";
  if (parts.length === 1) return parts[0]!;
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** How a company is named to a person: its name, else its realm id. */
export function companyLabel(name: string | null | undefined, realmId: string | null | undefined): string {
  if (name && name.trim()) return name.trim();
  return realmId ? `company ${realmId}` : "the new company";
}
