/** Builders for the core's unit tests: complete, valid records with overridable fields. */
import { appPartyContentHash, appTxnContentHash } from "@/lib/sync/core/mappers";
import type {
  AppPartySnapshot,
  AppTxnSnapshot,
  MappingEntry,
  QboPartySnapshot,
  QboTxnSnapshot,
  RefKind,
  RefResolver,
  SyncPreferences,
} from "@/lib/sync/core/types";

export function readyPrefs(overrides: Partial<SyncPreferences> = {}): SyncPreferences {
  return {
    syncAutomatically: true,
    twoWayPaymentSync: false,
    direction: "two_way",
    unallocatedExpenseAccountId: "acc-unalloc-exp",
    unallocatedIncomeAccountId: "acc-unalloc-inc",
    bankAccountId: "acc-bank",
    moneyOutClearingAccountId: "acc-mo-clear",
    moneyInClearingAccountId: "acc-mi-clear",
    masterInConflict: "quickbooks",
    ...overrides,
  };
}

/** A resolver over fixed local → QBO id tables per kind. */
export function tableResolver(tables: Partial<Record<RefKind, Record<string, string>>>): RefResolver {
  return {
    toQbo: (kind, localId) => tables[kind]?.[localId],
    toLocal: (kind, qboId) => {
      const table = tables[kind] ?? {};
      return Object.keys(table).find((localId) => table[localId] === qboId);
    },
  };
}

export const STANDARD_REFS: Partial<Record<RefKind, Record<string, string>>> = {
  account: {
    "acc-unalloc-exp": "90",
    "acc-unalloc-inc": "91",
    "acc-bank": "35",
    "acc-bank-2": "36",
    "acc-mo-clear": "80",
    "acc-mi-clear": "81",
    "acc-office": "7",
  },
  vendor: { "ven-1": "56" },
  customer: { "cus-1": "58" },
  item: { "item-1": "5" },
  class: { "class-1": "200" },
};

export function appBill(overrides: Partial<AppTxnSnapshot> = {}): AppTxnSnapshot {
  const base: AppTxnSnapshot = {
    id: "bill-1",
    number: "B-100",
    counterpartyId: "ven-1",
    counterpartyName: "Acme Supplies",
    totalCents: 12_550,
    status: "open",
    updatedAt: "2026-11-01T10:00:00.000Z",
    currency: "USD",
    contentHash: "",
    txnDate: "2026-11-01",
    dueDate: "2026-12-01",
    lines: [{ amountCents: 12_550, accountId: "acc-office", description: "Paper" }],
    ...overrides,
  };
  return { ...base, contentHash: overrides.contentHash ?? appTxnContentHash(base) };
}

export function qboBill(overrides: Partial<QboTxnSnapshot> = {}): QboTxnSnapshot {
  return {
    id: "146",
    syncToken: "0",
    lastUpdatedTime: "2026-11-01T10:00:00.000Z",
    docNumber: "B-100",
    currency: "USD",
    totalCents: 12_550,
    balanceCents: 12_550,
    voided: false,
    counterpartyQboId: "56",
    counterpartyName: "Acme Supplies",
    txnDate: "2026-11-01",
    // One line carrying the whole total, so a QBO bill always adds up (inbound rule 9) unless a test says otherwise.
    lines: [{ detailType: "AccountBasedExpenseLineDetail", amountCents: overrides.totalCents ?? 12_550, accountQboId: "7" }],
    ...overrides,
  };
}

export function mappingOf(localId: string, qboId: string, overrides: Partial<MappingEntry> = {}): MappingEntry {
  return { localId, qboId, syncToken: "0", lastUpdatedTime: "2026-11-01T10:00:00.000Z", contentHash: "", ...overrides };
}

export function appParty(overrides: Partial<AppPartySnapshot> = {}): AppPartySnapshot {
  const base: AppPartySnapshot = {
    id: "ven-1",
    displayName: "Acme Supplies",
    active: true,
    currency: "USD",
    contentHash: "",
    ...overrides,
  };
  return { ...base, contentHash: overrides.contentHash ?? appPartyContentHash(base) };
}

export function qboParty(overrides: Partial<QboPartySnapshot> = {}): QboPartySnapshot {
  return {
    id: "56",
    syncToken: "0",
    lastUpdatedTime: "2026-11-01T10:00:00.000Z",
    displayName: "Acme Supplies",
    active: true,
    currency: "USD",
    ...overrides,
  };
}
