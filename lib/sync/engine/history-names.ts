import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { accounts, customers, items, locations, terms, vendors } from "@/lib/db/schema";
import { idsNamedBy, type HistoryFields, type HistoryNames, type TxnKind } from "@/lib/sync/core";

/** The names a phase's history entries point at, looked up once for all of them (as they are now). */
export async function loadHistoryNames(tx: Tx, organizationId: string, kind: TxnKind, versions: HistoryFields[]): Promise<HistoryNames> {
  const parties = new Set<string>();
  const accountIds = new Set<string>();
  const itemIds = new Set<string>();
  const termIds = new Set<string>();
  const locationIds = new Set<string>();
  for (const version of versions) {
    const ids = idsNamedBy(version);
    ids.parties.forEach((id) => parties.add(id));
    ids.accounts.forEach((id) => accountIds.add(id));
    ids.items.forEach((id) => itemIds.add(id));
    ids.terms.forEach((id) => termIds.add(id));
    ids.locations.forEach((id) => locationIds.add(id));
  }
  const partyTable = kind === "invoice" ? customers : vendors;
  const byId = (rows: Array<{ id: string; name: string }>) => new Map(rows.map((r) => [r.id, r.name]));
  const [partyNames, accountNames, itemNames, termNames, locationNames] = await Promise.all([
    parties.size === 0
      ? new Map<string, string>()
      : tx
          .select({ id: partyTable.id, name: partyTable.displayName })
          .from(partyTable)
          .where(and(eq(partyTable.organizationId, organizationId), inArray(partyTable.id, [...parties])))
          .then(byId),
    accountIds.size === 0
      ? new Map<string, string>()
      : tx
          .select({ id: accounts.id, name: accounts.fullyQualifiedName })
          .from(accounts)
          .where(and(eq(accounts.organizationId, organizationId), inArray(accounts.id, [...accountIds])))
          .then(byId),
    itemIds.size === 0
      ? new Map<string, string>()
      : tx
          .select({ id: items.id, name: items.name })
          .from(items)
          .where(and(eq(items.organizationId, organizationId), inArray(items.id, [...itemIds])))
          .then(byId),
    termIds.size === 0
      ? new Map<string, string>()
      : tx
          .select({ id: terms.id, name: terms.name })
          .from(terms)
          .where(and(eq(terms.organizationId, organizationId), inArray(terms.id, [...termIds])))
          .then(byId),
    locationIds.size === 0
      ? new Map<string, string>()
      : tx
          .select({ id: locations.id, name: locations.name })
          .from(locations)
          .where(and(eq(locations.organizationId, organizationId), inArray(locations.id, [...locationIds])))
          .then(byId),
  ]);
  return {
    party: (id) => partyNames.get(id),
    account: (id) => accountNames.get(id),
    item: (id) => itemNames.get(id),
    term: (id) => termNames.get(id),
    location: (id) => locationNames.get(id),
  };
}
