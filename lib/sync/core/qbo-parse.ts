import { z } from "zod";

import { amountToCents } from "@/lib/sync/core/money";
import { interpretQboLines, qboAmount, qboGroupLineDetail, qboRef } from "@/lib/sync/core/qbo-lines";
import type { QboPaymentLink, QboPaymentSnapshot } from "@/lib/sync/core/payments-plan";
import { compactAddress } from "@/lib/sync/core/party-fields";
import type { PartyAddress, QboDeletedSnapshot, QboLineSnapshot, QboPartySnapshot, QboTxnSnapshot } from "@/lib/sync/core/types";

/**
 * QBO JSON entities (as found in query, CDC and write responses) → the core's snapshots, validated
 * with zod. Unknown fields are ignored; missing optional ones get QBO's implied defaults
 * (no CurrencyRef = the USD home currency, no Active = active).
 */

const amount = qboAmount;
const ref = qboRef;
const metaData = z.object({ LastUpdatedTime: z.string() });

const tombstone = z.object({ Id: z.string(), status: z.literal("Deleted"), MetaData: metaData.partial().optional() });

const lineSchema = z.object({
  Amount: amount.optional(),
  DetailType: z.string(),
  Description: z.string().optional(),
  AccountBasedExpenseLineDetail: z
    .object({ AccountRef: ref.optional(), ClassRef: ref.optional(), CustomerRef: ref.optional() })
    .optional(),
  ItemBasedExpenseLineDetail: z
    .object({
      ItemRef: ref.optional(),
      Qty: amount.optional(),
      UnitPrice: amount.optional(),
      ClassRef: ref.optional(),
      CustomerRef: ref.optional(),
    })
    .optional(),
  SalesItemLineDetail: z
    .object({ ItemRef: ref.optional(), Qty: amount.optional(), UnitPrice: amount.optional(), ClassRef: ref.optional(), TaxCodeRef: ref.optional() })
    .optional(),
});

/**
 * Sales tax of a transaction. Shape: Intuit's Invoice reference (TxnTaxDetail: TxnTaxCodeRef,
 * TotalTax, TaxLine[] of DetailType "TaxLineDetail" with TaxRateRef, PercentBased, TaxPercent,
 * NetAmountTaxable) and python-quickbooks quickbooks/objects/tax.py; lines carry
 * SalesItemLineDetail.TaxCodeRef "TAX" / "NON" in US companies (Intuit, "Manage sales tax for US
 * locales"). TotalTax is part of TotalAmt: TotalAmt = lines − discounts + TotalTax.
 */
const txnTaxDetailSchema = z.object({
  TxnTaxCodeRef: ref.optional(),
  TotalTax: amount.optional(),
  TaxLine: z.array(z.object({ Amount: amount.optional(), DetailType: z.string().optional() })).optional(),
});

const txnSchema = z.object({
  Id: z.string(),
  SyncToken: z.string(),
  MetaData: metaData,
  DocNumber: z.string().optional(),
  CurrencyRef: ref.optional(),
  TotalAmt: amount.default(0),
  Balance: amount.optional(),
  VendorRef: ref.optional(),
  CustomerRef: ref.optional(),
  TxnDate: z.string().optional(),
  DueDate: z.string().optional(),
  PrivateNote: z.string().optional(),
  CustomerMemo: z.object({ value: z.string().optional() }).optional(),
  SalesTermRef: ref.optional(),
  DepartmentRef: ref.optional(),
  TxnSource: z.string().optional(),
  // Top-level lines may be bundles (qbo-lines.ts); their components are ordinary lines.
  Line: z.array(lineSchema.extend({ Id: z.string().optional(), GroupLineDetail: qboGroupLineDetail(lineSchema) })).default([]),
  TxnTaxDetail: txnTaxDetailSchema.optional(),
});

type RawTxn = z.infer<typeof txnSchema>;

/** Transaction kinds QBO can void; bills and vendor credits can only be deleted. */
const VOIDABLE = new Set(["invoice", "bill_payment", "payment"]);

/**
 * QBO has no "voided" flag in the entity: a void zeroes the amounts and prepends "Voided" to the
 * PrivateNote (QBO.md). Both must hold, so a $0 record or a memo mentioning "voided" alone is not
 * taken for a void.
 */
export function looksVoided(raw: { TotalAmt?: number; Balance?: number; PrivateNote?: string }): boolean {
  return (raw.TotalAmt ?? 0) === 0 && (raw.Balance ?? 0) === 0 && /^voided\b/i.test(raw.PrivateNote?.trim() ?? "");
}

/** `{ key: value }` when the value is present, else `{}` (snapshots leave absent fields out). */
function optional<K extends keyof QboLineSnapshot>(key: K, value: QboLineSnapshot[K] | undefined): Partial<Pick<QboLineSnapshot, K>> {
  return value === undefined ? {} : ({ [key]: value } as Partial<Pick<QboLineSnapshot, K>>);
}

function parseLine(line: z.infer<typeof lineSchema>): QboLineSnapshot | undefined {
  const base = { amountCents: amountToCents(line.Amount ?? 0), ...(line.Description ? { description: line.Description } : {}) };
  switch (line.DetailType) {
    case "AccountBasedExpenseLineDetail": {
      const d = line.AccountBasedExpenseLineDetail;
      return {
        detailType: "AccountBasedExpenseLineDetail",
        ...base,
        ...optional("accountQboId", d?.AccountRef?.value),
        ...optional("classQboId", d?.ClassRef?.value),
        ...optional("customerQboId", d?.CustomerRef?.value),
      };
    }
    case "ItemBasedExpenseLineDetail": {
      const d = line.ItemBasedExpenseLineDetail;
      return {
        detailType: "ItemBasedExpenseLineDetail",
        ...base,
        ...optional("itemQboId", d?.ItemRef?.value),
        ...optional("classQboId", d?.ClassRef?.value),
        ...optional("customerQboId", d?.CustomerRef?.value),
        ...optional("qty", d?.Qty),
        ...optional("unitPrice", d?.UnitPrice),
      };
    }
    case "SalesItemLineDetail": {
      const d = line.SalesItemLineDetail;
      return {
        detailType: "SalesItemLineDetail",
        ...base,
        ...optional("itemQboId", d?.ItemRef?.value),
        ...optional("classQboId", d?.ClassRef?.value),
        ...optional("qty", d?.Qty),
        ...optional("unitPrice", d?.UnitPrice),
        ...optional("taxCodeQboId", d?.TaxCodeRef?.value),
      };
    }
    case "DiscountLineDetail":
      return { detailType: "DiscountLineDetail", ...base };
    default:
      // Every other line type is judged by interpretQboLines (left out, or the record is not importable).
      return undefined;
  }
}

function toTxnSnapshot(raw: RawTxn, kind: "bill" | "invoice" | "vendor_credit"): QboTxnSnapshot {
  const counterparty = kind === "invoice" ? raw.CustomerRef : raw.VendorRef;
  if (!counterparty) throw new z.ZodError([{ code: "custom", path: [kind === "invoice" ? "CustomerRef" : "VendorRef"], message: "Required", input: undefined }]);
  const totalCents = amountToCents(raw.TotalAmt);
  const interpreted = interpretQboLines(raw.Line, parseLine, { bundles: kind === "invoice" });
  const snapshot: QboTxnSnapshot = {
    id: raw.Id,
    syncToken: raw.SyncToken,
    lastUpdatedTime: raw.MetaData.LastUpdatedTime,
    currency: raw.CurrencyRef?.value ?? "USD",
    totalCents,
    // VendorCredit.Balance is its unapplied part; a missing Balance means nothing was applied or paid.
    balanceCents: raw.Balance === undefined ? totalCents : amountToCents(raw.Balance),
    voided: VOIDABLE.has(kind) && looksVoided(raw),
    counterpartyQboId: counterparty.value,
    lines: interpreted.lines,
  };
  if (interpreted.unsupported.length > 0) snapshot.unsupportedLines = interpreted.unsupported;
  if (raw.DocNumber !== undefined && raw.DocNumber !== "") snapshot.docNumber = raw.DocNumber;
  if (counterparty.name) snapshot.counterpartyName = counterparty.name;
  if (raw.TxnSource) snapshot.txnSource = raw.TxnSource;
  if (raw.PrivateNote) snapshot.privateNote = raw.PrivateNote;
  if (raw.CustomerMemo?.value) snapshot.customerMemo = raw.CustomerMemo.value;
  if (raw.SalesTermRef?.value) snapshot.salesTermQboId = raw.SalesTermRef.value;
  if (raw.DepartmentRef?.value) snapshot.departmentQboId = raw.DepartmentRef.value;
  if (raw.TxnDate) snapshot.txnDate = raw.TxnDate;
  if (raw.DueDate) snapshot.dueDate = raw.DueDate;
  const tax = raw.TxnTaxDetail;
  if (tax) {
    // No TotalTax: the sum of the tax lines (QBO sends both; older payloads only the lines).
    snapshot.taxCents =
      tax.TotalTax !== undefined ? amountToCents(tax.TotalTax) : (tax.TaxLine ?? []).reduce((sum, line) => sum + amountToCents(line.Amount ?? 0), 0);
    if (tax.TxnTaxCodeRef?.value) snapshot.txnTaxCodeQboId = tax.TxnTaxCodeRef.value;
  }
  return snapshot;
}

function parseDeleted(json: unknown): QboDeletedSnapshot | undefined {
  const deleted = tombstone.safeParse(json);
  if (!deleted.success) return undefined;
  const snapshot: QboDeletedSnapshot = { id: deleted.data.Id, deleted: true };
  const at = deleted.data.MetaData?.LastUpdatedTime;
  if (at) snapshot.lastUpdatedTime = at;
  return snapshot;
}

/** Parse a QBO Bill, Invoice or VendorCredit (or its CDC tombstone). Throws ZodError on malformed input. */
export function parseQboTxn(json: unknown, kind: "bill" | "invoice" | "vendor_credit"): QboTxnSnapshot | QboDeletedSnapshot {
  return parseDeleted(json) ?? toTxnSnapshot(txnSchema.parse(json), kind);
}

const partySchema = z.object({
  Id: z.string(),
  SyncToken: z.string(),
  MetaData: metaData,
  DisplayName: z.string(),
  Active: z.boolean().default(true),
  PrimaryEmailAddr: z.object({ Address: z.string().optional() }).optional(),
  CurrencyRef: ref.optional(),
  CompanyName: z.string().optional(),
  PrimaryPhone: z.object({ FreeFormNumber: z.string().optional() }).optional(),
  BillAddr: z
    .object({
      Line1: z.string().optional(),
      Line2: z.string().optional(),
      Line3: z.string().optional(),
      Line4: z.string().optional(),
      Line5: z.string().optional(),
      City: z.string().optional(),
      CountrySubDivisionCode: z.string().optional(),
      PostalCode: z.string().optional(),
      Country: z.string().optional(),
    })
    .optional(),
  Vendor1099: z.boolean().optional(),
  TaxIdentifier: z.string().optional(),
});

/**
 * The app keeps two address lines. QBO's Line3–Line5 (QBO moves an address there when it is edited
 * from a transaction, Intuit Vendor reference, BillAddr) are folded into line 2, so writing the
 * address back keeps every part of it.
 */
function partyAddress(raw: z.infer<typeof partySchema>["BillAddr"]): PartyAddress | undefined {
  if (!raw) return undefined;
  const rest = [raw.Line2, raw.Line3, raw.Line4, raw.Line5].map((line) => line?.trim()).filter(Boolean);
  return compactAddress({
    line1: raw.Line1,
    line2: rest.join(", "),
    city: raw.City,
    region: raw.CountrySubDivisionCode,
    postalCode: raw.PostalCode,
    country: raw.Country,
  });
}

/** Parse a QBO Vendor or Customer (or its CDC tombstone, e.g. after a merge). */
export function parseQboParty(json: unknown): QboPartySnapshot | QboDeletedSnapshot {
  const deleted = parseDeleted(json);
  if (deleted) return deleted;
  const raw = partySchema.parse(json);
  const snapshot: QboPartySnapshot = {
    id: raw.Id,
    syncToken: raw.SyncToken,
    lastUpdatedTime: raw.MetaData.LastUpdatedTime,
    displayName: raw.DisplayName,
    active: raw.Active,
    currency: raw.CurrencyRef?.value ?? "USD",
  };
  if (raw.PrimaryEmailAddr?.Address) snapshot.email = raw.PrimaryEmailAddr.Address;
  if (raw.CompanyName?.trim()) snapshot.companyName = raw.CompanyName.trim();
  if (raw.PrimaryPhone?.FreeFormNumber?.trim()) snapshot.phone = raw.PrimaryPhone.FreeFormNumber.trim();
  const address = partyAddress(raw.BillAddr);
  if (address) snapshot.address = address;
  if (raw.Vendor1099 !== undefined) snapshot.vendor1099 = raw.Vendor1099;
  if (raw.TaxIdentifier) snapshot.maskedTaxId = raw.TaxIdentifier;
  return snapshot;
}

const linkedTxnType = z.enum(["Bill", "Invoice", "VendorCredit", "CreditMemo"]);
const paymentSchema = z.object({
  Id: z.string(),
  SyncToken: z.string(),
  TotalAmt: amount.default(0),
  TxnDate: z.string().optional(),
  PrivateNote: z.string().optional(),
  VendorRef: ref.optional(),
  CustomerRef: ref.optional(),
  Line: z
    .array(
      z.object({
        Amount: amount.default(0),
        LinkedTxn: z.array(z.object({ TxnId: z.string(), TxnType: z.string() })).default([]),
      }),
    )
    .default([]),
});

/** Parse a QBO BillPayment (`kind: "bill_payment"`) or Payment (`"payment"`), or its tombstone. */
export function parseQboPayment(json: unknown, kind: "bill_payment" | "payment"): QboPaymentSnapshot {
  const deleted = parseDeleted(json);
  if (deleted) return { id: deleted.id, kind, syncToken: "", voided: false, deleted: true, totalCents: 0, links: [] };
  const raw = paymentSchema.parse(json);
  const links: QboPaymentLink[] = [];
  for (const line of raw.Line) {
    for (const linked of line.LinkedTxn) {
      const type = linkedTxnType.safeParse(linked.TxnType);
      // Other link types (e.g. Expense, Deposit) do not concern the app.
      if (type.success) links.push({ txnId: linked.TxnId, txnType: type.data, amountCents: amountToCents(line.Amount) });
    }
  }
  const snapshot: QboPaymentSnapshot = {
    id: raw.Id,
    kind,
    syncToken: raw.SyncToken,
    voided: looksVoided({ TotalAmt: raw.TotalAmt, Balance: 0, PrivateNote: raw.PrivateNote }),
    totalCents: amountToCents(raw.TotalAmt),
    links,
  };
  const counterparty = kind === "bill_payment" ? raw.VendorRef : raw.CustomerRef;
  if (counterparty) snapshot.counterpartyQboId = counterparty.value;
  if (raw.TxnDate) snapshot.txnDate = raw.TxnDate;
  return snapshot;
}
