/**
 * Stable reason codes for every record that did not sync: why, in a bookkeeper's words, and what
 * to do about it. Codes are stored with sync issues, so never rename one; add new ones instead.
 *
 * "skip" = a sync rule deliberately left the record out (nothing is broken).
 * "failure" = the record should have synced but could not (QBO refused it, or something it
 *             depends on failed); it is retried on the next run and clears itself once fixed.
 */

export type ReasonSeverity = "skip" | "failure";

/** How the record is named in messages ("bill", "vendor credit", …). */
export type RecordLabel =
  | "bill"
  | "invoice"
  | "vendor"
  | "customer"
  | "vendor credit"
  | "bill payment"
  | "payment"
  | "funds transfer"
  | "record";

/** Record details a message may mention. Every field is optional: messages read well without it. */
export interface ReasonParams {
  record?: RecordLabel;
  /** Bill / invoice / credit number. */
  docNumber?: string;
  /** Vendor or customer the record belongs to. */
  counterpartyName?: string;
  /** Name of the vendor / customer record itself. */
  displayName?: string;
  currency?: string;
  /** Labels of preference fields that are not set (e.g. "Unallocated Expense Account"); stored issues keep them as comma-separated text. */
  missing?: string[] | string;
  /** Which account a message is about ("Money Out Clearing Account", "the payment’s bank account"). */
  account?: string;
  /** QBO fault code and its detail text, for failures that came from QBO. */
  qboCode?: string;
  qboDetail?: string;
  /** How QBO's answer differs from the record, in plain words (link checks). */
  linkDetail?: string;
  /** Which QuickBooks Commerce marker a record carried ("DocNumber prefix SHOP-"). */
  matched?: string;
  /** For a record without a number (lib/sync/core/record-identity.ts): its total ("$1,250.00"), date (YYYY-MM-DD) and QBO id. */
  amount?: string;
  txnDate?: string;
  qboId?: string;
  /** Lines the app cannot reproduce, naming their detail types; stored issues keep them as comma-separated text. */
  lineTypes?: string[] | string;
  /** Name of the bundle (QBO group item) a message is about. */
  bundleName?: string;
}

export interface ReasonDefinition {
  code: string;
  severity: ReasonSeverity;
  /**
   * Whether a person has to do something for the record to sync: every failure, and skips they can
   * fix (preferences, a missing number, a currency). Skips by design (paid history, Commerce, $0,
   * voided or deleted records) need nothing, and are kept out of the counts that ask for attention.
   */
  needsAction: boolean;
  title: string;
  explanation: (p: ReasonParams) => string;
  fix: (p: ReasonParams) => string;
  docs?: string;
}

/** A rendered reason: plain strings, ready to store with a sync issue or show in the UI. */
export interface ReasonDescription {
  code: ReasonCode;
  severity: ReasonSeverity;
  needsAction: boolean;
  title: string;
  explanation: string;
  fix: string;
  docs?: string;
}

const PREFERENCES = "Settings → Sync → Preferences";
const SYNC_SETTINGS = "Settings → Sync";
const QBO_ERROR_DOCS =
  "https://developer.intuit.com/app/developer/qbo/docs/develop/troubleshooting/error-codes";

/**
 * "Bill 1042 from Acme Supplies", "Vendor “Acme”", "This invoice", "This record". A record without
 * a number also says what tells it apart: "This bill from Acme ($1,250.00, dated 2026-11-04,
 * QuickBooks ID 148)".
 */
export function describeRecord(p: ReasonParams): string {
  const label = p.record ?? "record";
  const capital = label.charAt(0).toUpperCase() + label.slice(1);
  if (p.displayName) return `${capital} “${p.displayName}”`;
  const number = p.docNumber ? `${capital} ${p.docNumber}` : `This ${label}`;
  const named = p.counterpartyName ? `${number} ${label === "invoice" ? "for" : "from"} ${p.counterpartyName}` : number;
  if (p.docNumber) return named;
  const details = [p.amount, p.txnDate ? `dated ${p.txnDate}` : undefined, p.qboId ? `QuickBooks ID ${p.qboId}` : undefined].filter(Boolean);
  return details.length > 0 ? `${named} (${details.join(", ")})` : named;
}

function kindOf(p: ReasonParams): string {
  return p.record ?? "record";
}

function qboSaid(p: ReasonParams): string {
  return p.qboDetail ? ` QuickBooks said: “${p.qboDetail}”` : "";
}

function listLineTypes(p: ReasonParams): string {
  const types = typeof p.lineTypes === "string" ? p.lineTypes : (p.lineTypes ?? []).join(", ");
  return types.length > 0 ? types : "lines of a kind it does not handle";
}

function listMissing(p: ReasonParams): string {
  const missing = typeof p.missing === "string" ? p.missing : (p.missing ?? []).join(", ");
  return missing.length > 0 ? missing : "Unallocated Expense Account, Unallocated Income Account, Bank Account GL";
}

export const REASONS = {
  PREFERENCES_MISSING: {
    code: "PREFERENCES_MISSING",
    severity: "skip",
    needsAction: true,
    title: "Sync preferences are not set",
    explanation: (p) =>
      `${describeRecord(p)} was not synced because the sync preferences are incomplete (${listMissing(p)}). ` +
      "Until they are set, no bills or invoices sync.",
    fix: (p) =>
      `Go to ${PREFERENCES}, select Edit preferences, choose ${listMissing(p)}, select Save, then select Sync Now.`,
  },
  ACCOUNT_NOT_IN_QBO: {
    code: "ACCOUNT_NOT_IN_QBO",
    severity: "failure",
    needsAction: true,
    title: "Account is not in QuickBooks",
    explanation: (p) =>
      `${describeRecord(p)} was not synced because ${p.account ?? "the account it uses"} has no matching account in QuickBooks ` +
      "(it was deleted or made inactive there, or never came from QuickBooks).",
    fix: (p) =>
      `In QuickBooks, restore or create that account, or choose another one (${p.account ?? "the account"} in ${PREFERENCES}, or on the payment). Then select Sync Now.`,
  },
  APP_TO_QBO_ONLY: {
    code: "APP_TO_QBO_ONLY",
    severity: "skip",
    needsAction: false,
    title: "Company syncs only from Ledgerbridge to QuickBooks",
    explanation: (p) =>
      `${describeRecord(p)} exists in QuickBooks but this company is set to sync only from Ledgerbridge to QuickBooks, so QuickBooks bills and invoices are not brought in.`,
    fix: () =>
      `If you want QuickBooks bills and invoices in Ledgerbridge, go to ${PREFERENCES}, select Edit preferences, set Sync direction to 2-way, select Save, then select Sync Now.`,
  },
  PAID_IN_QBO: {
    code: "PAID_IN_QBO",
    severity: "skip",
    needsAction: false,
    title: "Already paid in QuickBooks",
    explanation: (p) =>
      `${describeRecord(p)} is already paid in QuickBooks. Only unpaid bills and invoices are brought in; paid history stays in QuickBooks.`,
    fix: () => "Nothing to do. Keep managing this record in QuickBooks.",
  },
  PARTIALLY_PAID_IN_QBO: {
    code: "PARTIALLY_PAID_IN_QBO",
    severity: "skip",
    needsAction: false,
    title: "Partially paid in QuickBooks",
    explanation: (p) =>
      `${describeRecord(p)} already has a payment recorded in QuickBooks. Partially paid bills and invoices are not brought in, because their payment history cannot be reproduced in Ledgerbridge.`,
    fix: () =>
      "Finish paying it in QuickBooks, or delete the partial payment in QuickBooks and select Sync Now to bring it in unpaid.",
  },
  NON_USD_CURRENCY: {
    code: "NON_USD_CURRENCY",
    severity: "skip",
    needsAction: true,
    title: "Currency is not USD",
    explanation: (p) =>
      `${describeRecord(p)} is in ${p.currency ?? "a foreign currency"}. Ledgerbridge syncs only US dollar (USD) bills and invoices.`,
    fix: () => "Record it in USD (in QuickBooks, use a USD vendor or customer), then select Sync Now.",
  },
  MISSING_DOC_NUMBER: {
    code: "MISSING_DOC_NUMBER",
    severity: "skip",
    needsAction: true,
    title: "No bill or invoice number",
    explanation: (p) =>
      `${describeRecord(p)} has no ${kindOf(p) === "invoice" ? "invoice" : "bill"} number. A number is required to sync.`,
    fix: (p) =>
      `Open it in QuickBooks, enter a ${kindOf(p) === "invoice" ? "Invoice no." : "Bill no."}, save, then select Sync Now.`,
  },
  QUICKBOOKS_COMMERCE: {
    code: "QUICKBOOKS_COMMERCE",
    severity: "skip",
    needsAction: false,
    title: "Created by QuickBooks Commerce",
    explanation: (p) =>
      `${describeRecord(p)} was created by QuickBooks Commerce${p.matched ? ` (matched: ${p.matched})` : ""}. Items and transactions from QuickBooks Commerce never sync.`,
    fix: (p) =>
      "Nothing to do. Manage QuickBooks Commerce transactions in QuickBooks Commerce." +
      (p.matched && /prefix|phrase/.test(p.matched) ? ` If it is not from Commerce, change the QuickBooks Commerce markers in ${SYNC_SETTINGS}.` : ""),
  },
  ZERO_AMOUNT: {
    code: "ZERO_AMOUNT",
    severity: "skip",
    needsAction: false,
    title: "Total is $0",
    explanation: (p) => `${describeRecord(p)} totals $0.00. Records of $0 are never synced.`,
    fix: () => "Add the amounts to its lines if it should sync, then select Sync Now.",
  },
  LINES_NOT_SUPPORTED: {
    code: "LINES_NOT_SUPPORTED",
    severity: "skip",
    needsAction: true,
    title: "Has lines Ledgerbridge can’t show yet",
    explanation: (p) =>
      `${describeRecord(p)} has lines Ledgerbridge can’t show yet: ${listLineTypes(p)}. ` +
      "It was not brought in, so Ledgerbridge never shows it with a different total than QuickBooks.",
    fix: (p) =>
      `It has lines Ledgerbridge can’t show yet: ${listLineTypes(p)}. Keep managing it in QuickBooks, ` +
      "or change those lines there to product or service lines, then select Sync Now.",
  },
  BUNDLE_NOT_WRITABLE: {
    code: "BUNDLE_NOT_WRITABLE",
    severity: "skip",
    needsAction: true,
    title: "Has a bundle Ledgerbridge can’t send back",
    explanation: (p) =>
      `${describeRecord(p)} has a bundle from QuickBooks${p.bundleName ? ` (${p.bundleName})` : ""}. ` +
      "Ledgerbridge shows bundles but can’t write them back, so its changes in Ledgerbridge were not sent, and QuickBooks keeps the invoice as it is.",
    fix: () => "Make the change in QuickBooks instead; the next sync brings it into Ledgerbridge.",
  },
  VOIDED_IN_QBO: {
    code: "VOIDED_IN_QBO",
    severity: "skip",
    needsAction: false,
    title: "Voided in QuickBooks",
    explanation: (p) => `${describeRecord(p)} is voided in QuickBooks, so there is nothing to bring in or keep open.`,
    fix: () => "Nothing to do. If it was voided by mistake, re-enter it in QuickBooks or Ledgerbridge.",
  },
  DELETED_IN_QBO: {
    code: "DELETED_IN_QBO",
    severity: "skip",
    needsAction: false,
    title: "Deleted in QuickBooks",
    explanation: (p) =>
      `${describeRecord(p)} was deleted in QuickBooks, so it was marked deleted in Ledgerbridge too.`,
    fix: () => "Nothing to do. If it was deleted by mistake, re-enter it in Ledgerbridge and select Sync Now.",
  },
  VOIDED_IN_APP: {
    code: "VOIDED_IN_APP",
    severity: "skip",
    needsAction: false,
    title: "Voided before it was synced",
    explanation: (p) =>
      `${describeRecord(p)} was voided in Ledgerbridge before it ever reached QuickBooks, so there is nothing to send.`,
    fix: () => "Nothing to do.",
  },
  NOT_MARKED_FOR_SYNC: {
    code: "NOT_MARKED_FOR_SYNC",
    severity: "skip",
    needsAction: true,
    title: "Not marked to sync",
    explanation: (p) =>
      `${describeRecord(p)} was marked as paid with Sync to QuickBooks turned off, so it stays in Ledgerbridge only.`,
    fix: () => "If it should appear in QuickBooks, open the payment, select Sync to QuickBooks, save, then select Sync Now.",
  },
  VENDOR_NOT_SYNCED: {
    code: "VENDOR_NOT_SYNCED",
    severity: "failure",
    needsAction: true,
    title: "Vendor has not synced",
    explanation: (p) =>
      `${describeRecord(p)} waits because its vendor${p.counterpartyName ? ` ${p.counterpartyName}` : ""} is not synced with QuickBooks yet (the vendor failed or was skipped).`,
    fix: () => "Fix the vendor’s own sync issue listed in the sync history, then select Sync Now; this record follows.",
  },
  CUSTOMER_NOT_SYNCED: {
    code: "CUSTOMER_NOT_SYNCED",
    severity: "failure",
    needsAction: true,
    title: "Customer has not synced",
    explanation: (p) =>
      `${describeRecord(p)} waits because its customer${p.counterpartyName ? ` ${p.counterpartyName}` : ""} is not synced with QuickBooks yet (the customer failed or was skipped).`,
    fix: () => "Fix the customer’s own sync issue listed in the sync history, then select Sync Now; this record follows.",
  },
  BILL_NOT_SYNCED: {
    code: "BILL_NOT_SYNCED",
    severity: "failure",
    needsAction: true,
    title: "Bill has not synced",
    explanation: (p) => `${describeRecord(p)} waits because the bill it pays or credits is not synced with QuickBooks yet.`,
    fix: () => "Fix the bill’s own sync issue listed in the sync history, then select Sync Now; this record follows.",
  },
  INVOICE_NOT_SYNCED: {
    code: "INVOICE_NOT_SYNCED",
    severity: "failure",
    needsAction: true,
    title: "Invoice has not synced",
    explanation: (p) => `${describeRecord(p)} waits because the invoice it pays is not synced with QuickBooks yet.`,
    fix: () => "Fix the invoice’s own sync issue listed in the sync history, then select Sync Now; this record follows.",
  },
  VENDOR_CREDIT_NOT_SYNCED: {
    code: "VENDOR_CREDIT_NOT_SYNCED",
    severity: "failure",
    needsAction: true,
    title: "Vendor credit has not synced",
    explanation: (p) => `${describeRecord(p)} applies a vendor credit that is not synced with QuickBooks yet.`,
    fix: () => "Fix the vendor credit’s own sync issue listed in the sync history, then select Sync Now; this record follows.",
  },
  DUPLICATE_NAME: {
    code: "DUPLICATE_NAME",
    severity: "failure",
    needsAction: true,
    title: "Name already used in QuickBooks",
    explanation: (p) =>
      `${describeRecord(p)} could not sync because QuickBooks already has a vendor, customer or employee with that name. QuickBooks requires names to be unique across all of them.${qboSaid(p)}`,
    fix: () =>
      "Rename one of them (for example add “(Vendor)” to the vendor’s name) in Ledgerbridge or QuickBooks, then select Sync Now.",
    docs: QBO_ERROR_DOCS,
  },
  DUPLICATE_DOC_NUMBER: {
    code: "DUPLICATE_DOC_NUMBER",
    severity: "failure",
    needsAction: true,
    title: "Number already used in QuickBooks",
    explanation: (p) =>
      `${describeRecord(p)} could not sync because QuickBooks already has a ${kindOf(p)} with the same number.${qboSaid(p)}`,
    fix: (p) =>
      `Give this ${kindOf(p)} a different number in Ledgerbridge${kindOf(p) === "bill" ? ", or turn off “Warn if duplicate bill number is used” in QuickBooks (Settings → Account and settings → Expenses)" : ""}, then select Sync Now.`,
    docs: QBO_ERROR_DOCS,
  },
  NUMBER_TAKEN_IN_APP: {
    code: "NUMBER_TAKEN_IN_APP",
    severity: "failure",
    needsAction: true,
    title: "Number already used in Ledgerbridge",
    explanation: (p) =>
      `${describeRecord(p)} could not be brought into Ledgerbridge because another ${kindOf(p)}${kindOf(p) === "invoice" ? "" : " of the same vendor"} there already has this number. QuickBooks allows repeated numbers when its duplicate-number check is off; Ledgerbridge does not.`,
    fix: (p) => `Give one of the two ${kindOf(p)}s a different number in QuickBooks (or the other one in Ledgerbridge), then select Sync Now.`,
  },
  REFERENCE_NOT_FOUND: {
    code: "REFERENCE_NOT_FOUND",
    severity: "failure",
    needsAction: true,
    title: "Something it uses was deleted or made inactive in QuickBooks",
    explanation: (p) =>
      `${describeRecord(p)} refers to an account, item, class, location, vendor or customer that was deleted or made inactive in QuickBooks.${qboSaid(p)}`,
    fix: () =>
      "Make that record active again in QuickBooks, or change the line to an active one in Ledgerbridge, then select Sync Now.",
    docs: QBO_ERROR_DOCS,
  },
  INVALID_REFERENCE: {
    code: "INVALID_REFERENCE",
    severity: "failure",
    needsAction: true,
    title: "Something it uses does not exist in QuickBooks",
    explanation: (p) =>
      `${describeRecord(p)} refers to an account, item, class, location or term that QuickBooks does not recognise.${qboSaid(p)}`,
    fix: () =>
      "Select Sync Now to refresh the chart of accounts and lists, then pick a current account or item on the record and save.",
    docs: QBO_ERROR_DOCS,
  },
  PERIOD_CLOSED: {
    code: "PERIOD_CLOSED",
    severity: "failure",
    needsAction: true,
    title: "Date is in a closed period",
    explanation: (p) =>
      `${describeRecord(p)} is dated on or before the books closing date in QuickBooks, so QuickBooks refuses to change it.${qboSaid(p)}`,
    fix: () =>
      "Change its date to after the closing date, or ask your accountant to move the closing date in QuickBooks (Settings → Account and settings → Advanced → Close the books), then select Sync Now.",
    docs: QBO_ERROR_DOCS,
  },
  STALE_OBJECT: {
    code: "STALE_OBJECT",
    severity: "failure",
    needsAction: true,
    title: "Changed in QuickBooks while syncing",
    explanation: (p) =>
      `${describeRecord(p)} was changed in QuickBooks while Ledgerbridge was updating it, so the update was stopped to avoid overwriting that change.`,
    fix: () => "Select Sync Now; the next sync reads the latest version and applies your changes.",
    docs: QBO_ERROR_DOCS,
  },
  DEPOSITED_TRANSACTION: {
    code: "DEPOSITED_TRANSACTION",
    severity: "failure",
    needsAction: true,
    title: "Already deposited in QuickBooks",
    explanation: (p) =>
      `${describeRecord(p)} is part of a bank deposit in QuickBooks, and QuickBooks does not allow deposited transactions to be changed.${qboSaid(p)}`,
    fix: () =>
      "Remove it from the deposit in QuickBooks first (or make the change in QuickBooks directly), then select Sync Now.",
    docs: QBO_ERROR_DOCS,
  },
  BUSINESS_VALIDATION: {
    code: "BUSINESS_VALIDATION",
    severity: "failure",
    needsAction: true,
    title: "QuickBooks rejected the record",
    explanation: (p) => `QuickBooks did not accept ${describeRecord(p).replace(/^This/, "this")}.${qboSaid(p)}`,
    fix: () => "Correct what QuickBooks describes on the record in Ledgerbridge, save, then select Sync Now.",
    docs: QBO_ERROR_DOCS,
  },
  REQUIRED_FIELD_MISSING: {
    code: "REQUIRED_FIELD_MISSING",
    severity: "failure",
    needsAction: true,
    title: "A required field is empty",
    explanation: (p) => `${describeRecord(p)} is missing a field QuickBooks requires.${qboSaid(p)}`,
    fix: () => "Fill in the field QuickBooks names (for example vendor, date or line account), save, then select Sync Now.",
    docs: QBO_ERROR_DOCS,
  },
  AUTH_FAILED: {
    code: "AUTH_FAILED",
    severity: "failure",
    needsAction: true,
    title: "QuickBooks connection needs to be renewed",
    explanation: () =>
      "QuickBooks refused Ledgerbridge’s access: the connection expired, was revoked, or the QuickBooks user who connected it is no longer an admin.",
    fix: () => "An admin goes to Settings → Sync → Setup, selects Reconnect, signs in to QuickBooks as an admin, then selects Sync Now.",
    docs: QBO_ERROR_DOCS,
  },
  THROTTLED: {
    code: "THROTTLED",
    severity: "failure",
    needsAction: true,
    title: "QuickBooks asked us to slow down",
    explanation: () =>
      "QuickBooks limits how many requests an app may send per minute, and that limit was reached. Nothing is lost.",
    fix: () => "Wait a minute, then select Sync Now. The remaining records sync then.",
    docs: QBO_ERROR_DOCS,
  },
  COMPANY_INACTIVE: {
    code: "COMPANY_INACTIVE",
    severity: "failure",
    needsAction: true,
    title: "QuickBooks subscription is not active",
    explanation: () => "QuickBooks reports that this company's subscription has ended or is suspended, so it accepts no changes.",
    fix: () => "Renew the QuickBooks Online subscription (in QuickBooks: Settings → Subscriptions and billing), then select Sync Now.",
    docs: QBO_ERROR_DOCS,
  },
  LINK_NOT_TWIN: {
    code: "LINK_NOT_TWIN",
    severity: "failure",
    needsAction: true,
    title: "QuickBooks answered with a different record",
    explanation: (p) =>
      `${describeRecord(p)} was sent to QuickBooks, but QuickBooks answered with another record${p.linkDetail ? ` (${p.linkDetail})` : ""}. ` +
      "Ledgerbridge did not link the two, so neither record was changed.",
    fix: () =>
      "Nothing to do: the next sync looks for this record in QuickBooks and links it, or sends it once more. If this message stays after two syncs, contact support with the record’s number.",
  },
  LINK_TAKEN: {
    code: "LINK_TAKEN",
    severity: "failure",
    needsAction: true,
    title: "QuickBooks record is already linked to another one",
    explanation: (p) =>
      `QuickBooks answered the sync of ${describeRecord(p).replace(/^This/, "this")} with a record${p.linkDetail ? ` (${p.linkDetail})` : ""} that Ledgerbridge already links to another record matching it just as well. ` +
      "Ledgerbridge did not link one QuickBooks record to two.",
    fix: () =>
      "Check whether this record duplicates another one in Ledgerbridge (same number and vendor or customer). If so, void the duplicate; otherwise give it its own number. Then select Sync Now.",
  },
  PAYMENT_NOT_APPLIED: {
    code: "PAYMENT_NOT_APPLIED",
    severity: "failure",
    needsAction: true,
    title: "QuickBooks kept this payment as an unapplied credit",
    explanation: (p) => {
      const paid = p.record === "payment" ? "invoice" : "bill";
      return (
        `${describeRecord(p)} reached QuickBooks, but the ${paid} it pays was already paid in full there, so QuickBooks kept the money as an unapplied credit` +
        `${p.linkDetail ? ` (${p.linkDetail})` : ""} instead of paying the ${paid}. Ledgerbridge does not count this payment as synced.`
      );
    },
    fix: (p) => {
      const paid = p.record === "payment" ? "invoice" : "bill";
      return (
        `If the ${paid} was paid twice, void this payment in Ledgerbridge: the next sync voids it in QuickBooks too. ` +
        `If this payment is the right one, delete the other payment in QuickBooks and apply this one to the ${paid} there.`
      );
    },
  },
  UNKNOWN_QBO_ERROR: {
    code: "UNKNOWN_QBO_ERROR",
    severity: "failure",
    needsAction: true,
    title: "QuickBooks returned an unexpected error",
    explanation: (p) =>
      `${describeRecord(p)} could not sync because of an error QuickBooks did not explain further${p.qboCode ? ` (code ${p.qboCode})` : ""}.${qboSaid(p)}`,
    fix: () => "Select Sync Now to try again. If it keeps failing, contact support with the error code shown here.",
    docs: QBO_ERROR_DOCS,
  },
} as const satisfies Record<string, ReasonDefinition>;

export type ReasonCode = keyof typeof REASONS;

export const REASON_CODES = Object.keys(REASONS) as ReasonCode[];

export function isReasonCode(value: string): value is ReasonCode {
  return Object.hasOwn(REASONS, value);
}

export function reasonSeverity(code: ReasonCode): ReasonSeverity {
  return REASONS[code].severity;
}

/** The two groups open issues are shown in: "needs your action" and "skipped by design". */
export type IssueGroup = "action" | "by-design";

/** Codes skipped by design. Anything else — including a code this version does not know — needs action. */
export const BY_DESIGN_REASON_CODES: ReasonCode[] = REASON_CODES.filter((code) => !REASONS[code].needsAction);

/** Whether an issue with this stored code needs a person's action (unknown codes do, to stay visible). */
export function reasonNeedsAction(code: string): boolean {
  return isReasonCode(code) ? REASONS[code].needsAction : true;
}

export function issueGroupOf(code: string): IssueGroup {
  return reasonNeedsAction(code) ? "action" : "by-design";
}

/** Render a reason with the record's details filled in. */
export function describeReason(code: ReasonCode, params: ReasonParams = {}): ReasonDescription {
  const def: ReasonDefinition = REASONS[code];
  const description: ReasonDescription = {
    code,
    severity: def.severity,
    needsAction: def.needsAction,
    title: def.title,
    explanation: def.explanation(params),
    fix: def.fix(params),
  };
  if (def.docs) description.docs = def.docs;
  return description;
}

/**
 * What the orchestrator should do after a QBO fault, beyond recording the reason:
 * - "fail-record": record the issue for this record and carry on with the others;
 * - "replan": re-read the record from QBO and plan it again (stale SyncToken);
 * - "backoff": wait and retry the same request with the same request id;
 * - "reauthorize": refresh the token once, then stop the sync and ask to reconnect;
 * - "stop-sync": nothing else can succeed for this company right now.
 */
export type FaultRecovery = "fail-record" | "replan" | "backoff" | "reauthorize" | "stop-sync";

export interface FaultReason {
  reason: ReasonCode;
  recovery: FaultRecovery;
  params: ReasonParams;
}

const FAULT_REASONS: Record<string, { reason: ReasonCode; recovery: FaultRecovery }> = {
  "6240": { reason: "DUPLICATE_NAME", recovery: "fail-record" },
  "6140": { reason: "DUPLICATE_DOC_NUMBER", recovery: "fail-record" },
  "610": { reason: "REFERENCE_NOT_FOUND", recovery: "fail-record" },
  "2500": { reason: "INVALID_REFERENCE", recovery: "fail-record" },
  "6210": { reason: "PERIOD_CLOSED", recovery: "fail-record" },
  "5010": { reason: "STALE_OBJECT", recovery: "replan" },
  "6540": { reason: "DEPOSITED_TRANSACTION", recovery: "fail-record" },
  "6000": { reason: "BUSINESS_VALIDATION", recovery: "fail-record" },
  "2020": { reason: "REQUIRED_FIELD_MISSING", recovery: "fail-record" },
  "3200": { reason: "AUTH_FAILED", recovery: "reauthorize" },
  "120": { reason: "AUTH_FAILED", recovery: "stop-sync" },
  "3100": { reason: "AUTH_FAILED", recovery: "stop-sync" },
  "3001": { reason: "THROTTLED", recovery: "backoff" },
  "6190": { reason: "COMPANY_INACTIVE", recovery: "stop-sync" },
};

/** Map a QBO fault code (`Fault.Error[].code`) and its Detail text to a stable reason. */
export function reasonForQboFault(code: string, detail?: string): FaultReason {
  const normalized = code.trim();
  const known = FAULT_REASONS[normalized] ?? { reason: "UNKNOWN_QBO_ERROR", recovery: "fail-record" };
  const params: ReasonParams = { qboCode: normalized };
  if (detail) params.qboDetail = detail;
  return { reason: known.reason, recovery: known.recovery, params };
}
