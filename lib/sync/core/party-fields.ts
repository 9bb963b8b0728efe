import type { AppPartySnapshot, PartyAddress } from "@/lib/sync/core/types";

/**
 * The fields of a vendor / customer beyond its name, as both sides hold them: the address shape
 * of QBO's PhysicalAddress (Vendor.BillAddr, Customer.BillAddr) and a flat view of every synced
 * field for history entries and first-link comparison.
 */

export const ADDRESS_PARTS = ["line1", "line2", "city", "region", "postalCode", "country"] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];

/** QBO PhysicalAddress element of each part. */
export const QBO_ADDRESS_FIELD: Record<AddressPart, string> = {
  line1: "Line1",
  line2: "Line2",
  city: "City",
  region: "CountrySubDivisionCode",
  postalCode: "PostalCode",
  country: "Country",
};

/** The address with blank parts dropped; undefined when nothing is left. */
export function compactAddress(address: Partial<Record<AddressPart, string | null | undefined>> | undefined): PartyAddress | undefined {
  if (!address) return undefined;
  const out: PartyAddress = {};
  for (const part of ADDRESS_PARTS) {
    const value = address[part]?.trim();
    if (value) out[part] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The fields a first link may find different, with their labels (the order history shows). */
export const PARTY_FIELD_LABELS = {
  displayName: "Name",
  companyName: "Company name",
  email: "Email",
  phone: "Phone",
  addressLine1: "Address line 1",
  addressLine2: "Address line 2",
  addressCity: "City",
  addressRegion: "State / region",
  addressPostalCode: "Postal code",
  addressCountry: "Country",
  vendor1099: "1099 contractor",
  active: "Active",
  currency: "Currency",
} as const;
export type PartyFlatField = keyof typeof PARTY_FIELD_LABELS;

export type FlatParty = Record<PartyFlatField, string | null>;

/** The fields both sides may hold (the tax id is the app's alone: QBO returns it masked). */
export interface PartyComparable {
  displayName: string;
  email?: string;
  active: boolean;
  currency: string;
  companyName?: string;
  phone?: string;
  address?: PartyAddress;
  vendor1099?: boolean;
}

export function flatParty(party: PartyComparable): FlatParty {
  const address = party.address ?? {};
  return {
    displayName: party.displayName.trim(),
    companyName: party.companyName ?? null,
    email: party.email ?? null,
    phone: party.phone ?? null,
    addressLine1: address.line1 ?? null,
    addressLine2: address.line2 ?? null,
    addressCity: address.city ?? null,
    addressRegion: address.region ?? null,
    addressPostalCode: address.postalCode ?? null,
    addressCountry: address.country ?? null,
    // A vendor that is not a 1099 contractor and a customer (no such flag) read the same.
    vendor1099: party.vendor1099 ? "Yes" : null,
    active: party.active ? "Yes" : "No",
    currency: party.currency.toUpperCase(),
  };
}

export interface FieldDifference {
  field: PartyFlatField;
  label: string;
  app: string | null;
  quickbooks: string | null;
}

/**
 * What differs between an app name and the QBO name it is about to be linked to (matched by
 * DisplayName, so the name itself differs at most in case and spacing). The tax id is not
 * compared: QBO's copy is masked, and the app's is never replaced by it.
 */
export function firstLinkDifferences(app: AppPartySnapshot, qbo: PartyComparable): FieldDifference[] {
  const a = flatParty(app);
  const q = flatParty(qbo);
  const out: FieldDifference[] = [];
  for (const field of Object.keys(PARTY_FIELD_LABELS) as PartyFlatField[]) {
    if (field === "displayName" ? a[field]?.toLowerCase() === q[field]?.toLowerCase() : a[field] === q[field]) continue;
    out.push({ field, label: PARTY_FIELD_LABELS[field], app: a[field], quickbooks: q[field] });
  }
  return out;
}
