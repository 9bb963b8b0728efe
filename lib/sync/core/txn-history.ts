import { formatMoney } from "@/lib/ap/money";
import type { AppTxnFields } from "@/lib/sync/core/mappers";
import type { AppTxnLine } from "@/lib/sync/core/types";

/**
 * How a sync change to a bill, invoice or vendor credit reads in its history: money as money,
 * the party, accounts and items by their names as they are now (never ids), and no entry for a
 * change a person cannot see.
 */

/** Names of what a record points at; undefined when the id is not known (shown as "(unknown …)"). */
export interface HistoryNames {
  party(id: string): string | undefined;
  account(id: string): string | undefined;
  item(id: string): string | undefined;
  term(id: string): string | undefined;
  location(id: string): string | undefined;
}

export type HistoryFields = Pick<AppTxnFields, "number" | "txnDate" | "memo" | "customerMemo" | "termsId" | "locationId" | "totalCents" | "counterpartyId" | "lines"> & {
  dueDate?: string | undefined;
  taxCents?: number | undefined;
  currency?: string | undefined;
};

/** A change as the history shows it (the shape of an audit event's `changes`). */
export type HistoryChange = { field: string; label: string; old: string | null; new: string | null };

/** A whole version of a record, e.g. the one a conflict did not keep. */
export type HistorySnapshot = { title: string; fields: Array<{ label: string; value: string | null }> };

type FieldKey = "number" | "txnDate" | "dueDate" | "termsId" | "locationId" | "counterpartyId" | "memo" | "customerMemo" | "totalCents" | "taxCents" | "lines";

function labelsFor(partyLabel: string): Array<[FieldKey, string]> {
  return [
    ["number", "Number"],
    ["counterpartyId", partyLabel],
    ["txnDate", "Date"],
    ["dueDate", "Due date"],
    ["termsId", "Terms"],
    ["locationId", "Location"],
    ["customerMemo", "Message on invoice"],
    ["memo", partyLabel === "Customer" ? "Internal note" : "Memo"],
    ["lines", "Lines"],
    ["taxCents", "Tax"],
    ["totalCents", "Total"],
  ];
}

function money(cents: number, currency: string | undefined): string {
  try {
    return formatMoney(cents, currency?.trim().toUpperCase() || "USD");
  } catch {
    return `${formatMoney(cents, "USD").replace("$", "")} ${currency}`;
  }
}

function lineText(line: AppTxnLine, names: HistoryNames, currency: string | undefined): string {
  const target = line.itemId
    ? (names.item(line.itemId) ?? "(unknown item)")
    : line.accountId
      ? (names.account(line.accountId) ?? "(unknown account)")
      : null;
  const parts = [line.description?.trim() || null, target].filter((p): p is string => !!p && p !== "");
  const amount = line.discount ? `−${money(line.amountCents, currency)}` : money(line.amountCents, currency);
  return [...new Set(parts)].concat(amount).join(" · ");
}

function valuesOf(fields: HistoryFields, names: HistoryNames): Record<FieldKey, string | null> {
  const text = (v: string | undefined | null) => (v === undefined || v === null || v.trim() === "" ? null : v);
  return {
    number: text(fields.number),
    txnDate: text(fields.txnDate),
    dueDate: text(fields.dueDate),
    counterpartyId: fields.counterpartyId ? (names.party(fields.counterpartyId) ?? "(unknown)") : null,
    termsId: fields.termsId ? (names.term(fields.termsId) ?? "(unknown terms)") : null,
    locationId: fields.locationId ? (names.location(fields.locationId) ?? "(unknown location)") : null,
    memo: text(fields.memo),
    customerMemo: text(fields.customerMemo),
    totalCents: money(fields.totalCents, fields.currency),
    taxCents: fields.taxCents ? money(fields.taxCents, fields.currency) : null,
    lines: fields.lines.length === 0 ? null : fields.lines.map((l) => lineText(l, names, fields.currency)).join("; "),
  };
}

/** Field-by-field differences between two versions, readable; empty when nothing visible changed. */
export function txnHistoryChanges(before: HistoryFields, after: HistoryFields, names: HistoryNames, partyLabel: string): HistoryChange[] {
  const old = valuesOf(before, names);
  const now = valuesOf(after, names);
  return labelsFor(partyLabel)
    .filter(([field]) => old[field] !== now[field])
    .map(([field, label]) => ({ field, label, old: old[field], new: now[field] }));
}

/** One whole version of the record, every field, for "view the version that was not kept". */
export function txnHistorySnapshot(title: string, fields: HistoryFields, names: HistoryNames, partyLabel: string): HistorySnapshot {
  const values = valuesOf(fields, names);
  return { title, fields: labelsFor(partyLabel).map(([field, label]) => ({ label, value: values[field] })) };
}

/** The ids a history entry needs names for (one batched lookup per sync phase). */
export function idsNamedBy(fields: HistoryFields): { parties: string[]; accounts: string[]; items: string[]; terms: string[]; locations: string[] } {
  return {
    terms: fields.termsId ? [fields.termsId] : [],
    locations: fields.locationId ? [fields.locationId] : [],
    parties: fields.counterpartyId ? [fields.counterpartyId] : [],
    accounts: fields.lines.flatMap((l) => (l.accountId && !l.itemId ? [l.accountId] : [])),
    items: fields.lines.flatMap((l) => (l.itemId ? [l.itemId] : [])),
  };
}
