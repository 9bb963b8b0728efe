import { centsToAmount, sumCents } from "@/lib/sync/core/money";
import { NOT_APPLIED_HASH } from "@/lib/sync/core/payment-answer";
import { REASONS, type ReasonCode, type ReasonParams, type ReasonSeverity } from "@/lib/sync/core/reasons";
import type { MappingEntry, RefResolver, SyncPreferences } from "@/lib/sync/core/types";

/**
 * Payments, vendor-credit applications and funds transfers (SPEC §5), as decisions that carry the
 * exact QBO bodies to write (QBO JSON field names; amounts built from integer cents).
 *
 * Accounting model, so the clearing accounts net to zero:
 * - an electronic bill payment is a BillPayment paid from Money Out Clearing (credit clearing,
 *   debit A/P); the day's lump-sum funds transfer is a JournalEntry crediting the bank GL and
 *   debiting Money Out Clearing by the same amount;
 * - an electronic received payment is a Payment deposited to Money In Clearing; its funds transfer
 *   debits the bank GL and credits Money In Clearing;
 * - offline ("Mark as paid") payments use the chosen bank account directly, and sync only when
 *   Sync to QuickBooks is ticked.
 * BillPayment is written with PayType "Check" and CheckPayment.BankAccountRef, so the clearing
 * accounts the app creates in QBO must be of AccountType "Bank".
 */

/* ───────────────────────────── QBO bodies ───────────────────────────── */

export interface QboRef {
  value: string;
}

export interface QboLinkedTxn {
  TxnId: string;
  TxnType: "Bill" | "VendorCredit" | "Invoice";
}

export interface QboPaymentLine {
  Amount: number;
  LinkedTxn: QboLinkedTxn[];
}

export interface QboBillPaymentBody {
  VendorRef: QboRef;
  PayType: "Check";
  CheckPayment: { BankAccountRef: QboRef };
  TotalAmt: number;
  TxnDate: string;
  DocNumber?: string;
  PrivateNote?: string;
  Line: QboPaymentLine[];
}

export interface QboReceivePaymentBody {
  CustomerRef: QboRef;
  TotalAmt: number;
  TxnDate: string;
  DepositToAccountRef: QboRef;
  PaymentRefNum?: string;
  PrivateNote?: string;
  Line: QboPaymentLine[];
}

/** Sparse body sent to `?operation=update&include=void` to void a BillPayment or Payment. */
export interface QboVoidBody {
  Id: string;
  SyncToken: string;
  sparse: true;
}

export interface QboJournalEntryLine {
  Amount: number;
  DetailType: "JournalEntryLineDetail";
  Description?: string;
  JournalEntryLineDetail: { PostingType: "Debit" | "Credit"; AccountRef: QboRef };
}

export interface QboJournalEntryBody {
  TxnDate: string;
  DocNumber?: string;
  PrivateNote?: string;
  Line: QboJournalEntryLine[];
}

/* ───────────────────────────── app inputs ───────────────────────────── */

export type PaymentMethod = "electronic" | "offline";

export interface AppBillPayment {
  id: string;
  billId: string;
  amountCents: number;
  /** YYYY-MM-DD */
  date: string;
  method: PaymentMethod;
  /** The Sync to QuickBooks checkbox of an offline payment (electronic payments always sync). */
  syncToQbo: boolean;
  /** Offline: the bank account it was paid from (app-local id); defaults to Bank Account GL. */
  bankAccountId?: string;
  voided: boolean;
  reference?: string;
}

export interface AppVendorCreditApplication {
  id: string;
  vendorCreditId: string;
  billId: string;
  amountCents: number;
  /** YYYY-MM-DD the credit was applied in the app (the date of a $0 BillPayment that applies it). */
  date: string;
  /**
   * Local id of the BillPayment (an app payment id, or a `creditSettlementId`) that carried this
   * application to QBO; absent while the credit is still unapplied in QBO.
   */
  appliedInQboBy?: string;
}

export interface AppBillForPayment {
  id: string;
  number?: string;
  vendorId: string;
  vendorName?: string;
  totalCents: number;
}

export interface AppReceivedPayment {
  id: string;
  invoiceId: string;
  amountCents: number;
  date: string;
  method: PaymentMethod;
  syncToQbo: boolean;
  /** Offline: the account it was deposited to (app-local id); defaults to Bank Account GL. */
  depositAccountId?: string;
  voided: boolean;
  reference?: string;
}

export interface AppInvoiceForPayment {
  id: string;
  number?: string;
  customerId: string;
  customerName?: string;
  totalCents: number;
}

/* ───────────────────────────── decisions ───────────────────────────── */

export interface PaymentSkip {
  type: "skip";
  localId: string;
  reason: ReasonCode;
  severity: ReasonSeverity;
  params: ReasonParams;
}

export type BillSettlementDecision =
  | {
      type: "create-bill-payment";
      /** App payment id, or a `creditSettlementId` for a $0 BillPayment that only applies credits. */
      localId: string;
      billId: string;
      /** Credit applications this BillPayment carries (mark them applied once it is written). */
      creditApplicationIds: string[];
      body: QboBillPaymentBody;
    }
  | { type: "void-bill-payment"; localId: string; qboId: string; body: QboVoidBody }
  /** The bill is not fully settled yet, so these credits stay unapplied in QBO for now. */
  | { type: "hold-credits"; billId: string; creditApplicationIds: string[] }
  | PaymentSkip
  | { type: "noop"; localId: string };

export type InvoicePaymentDecision =
  | { type: "create-payment"; localId: string; invoiceId: string; body: QboReceivePaymentBody }
  | { type: "void-payment"; localId: string; qboId: string; body: QboVoidBody }
  | PaymentSkip
  | { type: "noop"; localId: string };

function paymentSkip(localId: string, reason: ReasonCode, params: ReasonParams): PaymentSkip {
  return { type: "skip", localId, reason, severity: REASONS[reason].severity, params };
}

/** Deterministic local id of the $0 BillPayment that applies credits alone (stable across retries). */
export function creditSettlementId(billId: string, applicationIds: readonly string[]): string {
  return `credit-settlement:${billId}:${[...applicationIds].sort().join("+")}`;
}

function byDateThenId(a: { date: string; id: string }, b: { date: string; id: string }): number {
  return a.date === b.date ? a.id.localeCompare(b.id) : a.date.localeCompare(b.date);
}

type AccountResolution = { ok: true; qboId: string } | { ok: false; missing: string; unlinked: boolean };

/**
 * The QBO account behind an app account. Not set at all → a preference is missing; set but with no
 * QBO twin (deleted or inactive there, or never from QBO) → the account itself is the problem.
 */
function resolveAccount(resolver: RefResolver, localId: string | undefined, label: string): AccountResolution {
  const qboId = localId ? resolver.toQbo("account", localId) : undefined;
  return qboId ? { ok: true, qboId } : { ok: false, missing: label, unlinked: localId !== undefined };
}

/** The skip for an account that cannot be used: missing preference or account not in QuickBooks. */
function accountSkip(localId: string, failures: ReadonlyArray<{ missing: string; unlinked: boolean }>, params: ReasonParams): PaymentSkip {
  const notSet = failures.filter((f) => !f.unlinked).map((f) => f.missing);
  if (notSet.length > 0) return paymentSkip(localId, "PREFERENCES_MISSING", { ...params, missing: notSet });
  return paymentSkip(localId, "ACCOUNT_NOT_IN_QBO", { ...params, account: failures.map((f) => f.missing).join(" and ") });
}

/* ───────────────────────────── bill payments and vendor credits ───────────────────────────── */

export interface BillSettlementInput {
  bill: AppBillForPayment;
  /** Every payment of this bill, voided ones included. */
  payments: readonly AppBillPayment[];
  /** Every vendor-credit application to this bill. */
  creditApplications: readonly AppVendorCreditApplication[];
  /** Mappings of bill payments (app payment ids and credit-settlement ids). */
  paymentMappings: readonly MappingEntry[];
  prefs: SyncPreferences;
  resolver: RefResolver;
}

/**
 * App → QBO for one bill's payments and credit applications:
 * - each unsynced, live payment → a BillPayment (electronic: from Money Out Clearing; offline with
 *   Sync to QuickBooks: from its bank account);
 * - each synced payment voided in the app → void of its BillPayment;
 * - credit applications follow the bill's payment status: while payments + credits do not cover the
 *   bill, they are held (QBO shows the credit unapplied); once they do, the last unsynced payment's
 *   BillPayment links the bill and the credits; if no payment is left to carry them (the credit
 *   alone, or the credit last, settles the bill), a $0 BillPayment links bill and credits.
 * In a BillPayment that applies credits, the bill line carries cash + credits, each VendorCredit
 * line its credit, and TotalAmt the cash only (QBO nets the lines).
 */
export function planBillSettlement(input: BillSettlementInput): BillSettlementDecision[] {
  const { bill, prefs, resolver } = input;
  const mappingByLocal = new Map(input.paymentMappings.map((m) => [m.localId, m]));
  const decisions: BillSettlementDecision[] = [];
  const billQboId = resolver.toQbo("bill", bill.id);
  const vendorQboId = resolver.toQbo("vendor", bill.vendorId);
  const baseParams: ReasonParams = { record: "bill payment" };
  if (bill.number) baseParams.docNumber = bill.number;
  if (bill.vendorName) baseParams.counterpartyName = bill.vendorName;

  const voidedIds = new Set(input.payments.filter((p) => p.voided).map((p) => p.id));
  const live = input.payments.filter((p) => !p.voided).sort(byDateThenId);

  // Voids: a synced payment voided in the app is voided in QBO; one never synced needs nothing.
  for (const payment of input.payments.filter((p) => p.voided)) {
    const mapping = mappingByLocal.get(payment.id);
    if (mapping) {
      decisions.push({
        type: "void-bill-payment",
        localId: payment.id,
        qboId: mapping.qboId,
        body: { Id: mapping.qboId, SyncToken: mapping.syncToken, sparse: true },
      });
    } else decisions.push({ type: "noop", localId: payment.id });
  }

  // Which unsynced payments can be written now, and from which account.
  const sendable: Array<{ payment: AppBillPayment; accountQboId: string }> = [];
  for (const payment of live) {
    const mapping = mappingByLocal.get(payment.id);
    if (mapping) {
      // In QBO but not applied to the bill: the issue stays until the payment is voided (never sent again).
      decisions.push(mapping.contentHash === NOT_APPLIED_HASH ? paymentSkip(payment.id, "PAYMENT_NOT_APPLIED", baseParams) : { type: "noop", localId: payment.id });
      continue;
    }
    if (payment.method === "offline" && !payment.syncToQbo) {
      decisions.push(paymentSkip(payment.id, "NOT_MARKED_FOR_SYNC", baseParams));
      continue;
    }
    const account =
      payment.method === "electronic"
        ? resolveAccount(resolver, prefs.moneyOutClearingAccountId, "Money Out Clearing Account")
        : resolveAccount(resolver, payment.bankAccountId ?? prefs.bankAccountId, payment.bankAccountId ? "the bank account it was paid from" : "Bank Account GL");
    if (!account.ok) {
      decisions.push(accountSkip(payment.id, [account], baseParams));
      continue;
    }
    if (!vendorQboId) {
      decisions.push(paymentSkip(payment.id, "VENDOR_NOT_SYNCED", baseParams));
      continue;
    }
    if (!billQboId) {
      decisions.push(paymentSkip(payment.id, "BILL_NOT_SYNCED", baseParams));
      continue;
    }
    sendable.push({ payment, accountQboId: account.qboId });
  }

  // Credits whose carrier BillPayment was voided are unapplied again in QBO.
  const pending = input.creditApplications.filter((a) => !a.appliedInQboBy || voidedIds.has(a.appliedInQboBy));
  const readyCredits: Array<{ application: AppVendorCreditApplication; creditQboId: string }> = [];
  for (const application of pending) {
    const creditQboId = resolver.toQbo("vendor_credit", application.vendorCreditId);
    if (creditQboId) readyCredits.push({ application, creditQboId });
    else decisions.push(paymentSkip(application.id, "VENDOR_CREDIT_NOT_SYNCED", { ...baseParams, record: "vendor credit" }));
  }

  const coveredCents =
    sumCents(live.map((p) => p.amountCents)) + sumCents(input.creditApplications.map((a) => a.amountCents));
  const settled = coveredCents >= bill.totalCents;
  if (readyCredits.length > 0 && (!settled || !billQboId || !vendorQboId)) {
    decisions.push({ type: "hold-credits", billId: bill.id, creditApplicationIds: readyCredits.map((c) => c.application.id) });
  }
  if (!billQboId || !vendorQboId) return decisions;

  const creditsToApply = settled ? readyCredits : [];
  const creditCents = sumCents(creditsToApply.map((c) => c.application.amountCents));
  const creditIds = creditsToApply.map((c) => c.application.id);
  const creditLines: QboPaymentLine[] = creditsToApply.map((c) => ({
    Amount: centsToAmount(c.application.amountCents),
    LinkedTxn: [{ TxnId: c.creditQboId, TxnType: "VendorCredit" }],
  }));
  // The payment that completes the bill carries the credits: the latest one written now.
  const carrierId = creditsToApply.length > 0 ? sendable.at(-1)?.payment.id : undefined;

  for (const { payment, accountQboId } of sendable) {
    const carries = payment.id === carrierId;
    const body: QboBillPaymentBody = {
      VendorRef: { value: vendorQboId },
      PayType: "Check",
      CheckPayment: { BankAccountRef: { value: accountQboId } },
      TotalAmt: centsToAmount(payment.amountCents),
      TxnDate: payment.date,
      Line: [
        {
          Amount: centsToAmount(payment.amountCents + (carries ? creditCents : 0)),
          LinkedTxn: [{ TxnId: billQboId, TxnType: "Bill" }],
        },
        ...(carries ? creditLines : []),
      ],
    };
    if (payment.reference) body.DocNumber = payment.reference.slice(0, 21);
    decisions.push({
      type: "create-bill-payment",
      localId: payment.id,
      billId: bill.id,
      creditApplicationIds: carries ? creditIds : [],
      body,
    });
  }

  if (creditsToApply.length === 0 || carrierId !== undefined) return decisions;

  // Nothing left to pay: a $0 BillPayment applies the credits (the credit alone or last settles the bill).
  const localId = creditSettlementId(bill.id, creditIds);
  if (mappingByLocal.has(localId)) {
    // Written already (a crash before the applications were marked): never send it twice.
    decisions.push({ type: "noop", localId });
    return decisions;
  }
  // No money moves, so any bank-type account will do; prefer the clearing account the payments use.
  const clearing = resolveAccount(resolver, prefs.moneyOutClearingAccountId, "Money Out Clearing Account");
  const account = clearing.ok ? clearing : resolveAccount(resolver, prefs.bankAccountId, "Bank Account GL");
  if (!account.ok) {
    decisions.push(accountSkip(localId, [account], baseParams));
    return decisions;
  }
  decisions.push({
    type: "create-bill-payment",
    localId,
    billId: bill.id,
    creditApplicationIds: creditIds,
    body: {
      VendorRef: { value: vendorQboId },
      PayType: "Check",
      CheckPayment: { BankAccountRef: { value: account.qboId } },
      TotalAmt: 0,
      TxnDate: latestDate(creditsToApply.map((c) => c.application.date)),
      PrivateNote: "Vendor credit applied in Ledgerbridge",
      Line: [{ Amount: centsToAmount(creditCents), LinkedTxn: [{ TxnId: billQboId, TxnType: "Bill" }] }, ...creditLines],
    },
  });
  return decisions;
}

/** Latest of non-empty YYYY-MM-DD dates (ISO dates sort as strings). */
function latestDate(dates: readonly string[]): string {
  return [...dates].sort().at(-1) ?? "";
}

/* ───────────────────────────── received payments ───────────────────────────── */

export interface InvoicePaymentsInput {
  invoice: AppInvoiceForPayment;
  payments: readonly AppReceivedPayment[];
  paymentMappings: readonly MappingEntry[];
  prefs: SyncPreferences;
  resolver: RefResolver;
}

/** App → QBO for one invoice's received payments; mirrors bill payments via Money In Clearing. */
export function planInvoicePayments(input: InvoicePaymentsInput): InvoicePaymentDecision[] {
  const { invoice, prefs, resolver } = input;
  const mappingByLocal = new Map(input.paymentMappings.map((m) => [m.localId, m]));
  const invoiceQboId = resolver.toQbo("invoice", invoice.id);
  const customerQboId = resolver.toQbo("customer", invoice.customerId);
  const params: ReasonParams = { record: "payment" };
  if (invoice.number) params.docNumber = invoice.number;
  if (invoice.customerName) params.counterpartyName = invoice.customerName;
  const decisions: InvoicePaymentDecision[] = [];

  for (const payment of [...input.payments].sort(byDateThenId)) {
    const mapping = mappingByLocal.get(payment.id);
    if (payment.voided) {
      decisions.push(
        mapping
          ? { type: "void-payment", localId: payment.id, qboId: mapping.qboId, body: { Id: mapping.qboId, SyncToken: mapping.syncToken, sparse: true } }
          : { type: "noop", localId: payment.id },
      );
      continue;
    }
    if (mapping) {
      decisions.push(mapping.contentHash === NOT_APPLIED_HASH ? paymentSkip(payment.id, "PAYMENT_NOT_APPLIED", params) : { type: "noop", localId: payment.id });
      continue;
    }
    if (payment.method === "offline" && !payment.syncToQbo) {
      decisions.push(paymentSkip(payment.id, "NOT_MARKED_FOR_SYNC", params));
      continue;
    }
    const account =
      payment.method === "electronic"
        ? resolveAccount(resolver, prefs.moneyInClearingAccountId, "Money In Clearing Account")
        : resolveAccount(resolver, payment.depositAccountId ?? prefs.bankAccountId, payment.depositAccountId ? "the bank account it was deposited to" : "Bank Account GL");
    if (!account.ok) {
      decisions.push(accountSkip(payment.id, [account], params));
      continue;
    }
    if (!customerQboId) {
      decisions.push(paymentSkip(payment.id, "CUSTOMER_NOT_SYNCED", params));
      continue;
    }
    if (!invoiceQboId) {
      decisions.push(paymentSkip(payment.id, "INVOICE_NOT_SYNCED", params));
      continue;
    }
    const body: QboReceivePaymentBody = {
      CustomerRef: { value: customerQboId },
      TotalAmt: centsToAmount(payment.amountCents),
      TxnDate: payment.date,
      DepositToAccountRef: { value: account.qboId },
      Line: [{ Amount: centsToAmount(payment.amountCents), LinkedTxn: [{ TxnId: invoiceQboId, TxnType: "Invoice" }] }],
    };
    if (payment.reference) body.PaymentRefNum = payment.reference.slice(0, 21);
    decisions.push({ type: "create-payment", localId: payment.id, invoiceId: invoice.id, body });
  }
  return decisions;
}

/* ───────────────────────────── payments recorded in QBO ───────────────────────────── */

export interface QboPaymentLink {
  txnId: string;
  txnType: "Bill" | "Invoice" | "VendorCredit" | "CreditMemo";
  amountCents: number;
}

/** A QBO BillPayment or Payment (or its CDC tombstone, `deleted: true`). */
export interface QboPaymentSnapshot {
  id: string;
  kind: "bill_payment" | "payment";
  syncToken: string;
  voided: boolean;
  deleted?: boolean;
  totalCents: number;
  txnDate?: string;
  counterpartyQboId?: string;
  links: QboPaymentLink[];
}

export interface InboundPaymentsInput {
  qboPayments: readonly QboPaymentSnapshot[];
  /** Mappings of app payments (both kinds) keyed by QBO id. */
  paymentMappings: readonly MappingEntry[];
  /** App payments that are already voided, so a void is applied once. */
  voidedAppPaymentIds: ReadonlySet<string>;
  prefs: SyncPreferences;
  resolver: RefResolver;
}

export interface InboundAllocation {
  /** App-local bill or invoice id. */
  localTxnId: string;
  /** Amount applied to it (cash plus any credits QBO applied with it). */
  amountCents: number;
}

export type InboundPaymentDecision =
  | {
      type: "record-payment-in-app";
      kind: "bill_payment" | "payment";
      qboId: string;
      syncToken: string;
      /** Cash amount (QBO TotalAmt). */
      totalCents: number;
      txnDate?: string;
      allocations: InboundAllocation[];
      /** Credits QBO applied in the same payment (QBO ids); amounts in cents. */
      credits: Array<{ qboId: string; amountCents: number }>;
    }
  /** A payment we know was voided or deleted in QBO: void it in the app, which reopens its bills/invoices. */
  | { type: "void-payment-in-app"; kind: "bill_payment" | "payment"; localId: string; qboId: string }
  | { type: "noop"; qboId: string };

/**
 * QBO → app payments, only with Enable 2-Way Payment Sync on (otherwise nothing comes in:
 * payments are app → QBO by default). A new QBO payment is recorded only for its links to bills /
 * invoices the app has; payments touching none of them are not the app's business. Known payments
 * voided or deleted in QBO are voided in the app.
 */
export function planInboundPayments(input: InboundPaymentsInput): InboundPaymentDecision[] {
  if (!input.prefs.twoWayPaymentSync) return [];
  const mappingByQbo = new Map(input.paymentMappings.map((m) => [m.qboId, m]));
  const decisions: InboundPaymentDecision[] = [];
  for (const payment of input.qboPayments) {
    const mapping = mappingByQbo.get(payment.id);
    const gone = payment.voided || payment.deleted === true;
    if (mapping) {
      if (gone && !input.voidedAppPaymentIds.has(mapping.localId)) {
        decisions.push({ type: "void-payment-in-app", kind: payment.kind, localId: mapping.localId, qboId: payment.id });
      } else decisions.push({ type: "noop", qboId: payment.id });
      continue;
    }
    if (gone) {
      decisions.push({ type: "noop", qboId: payment.id });
      continue;
    }
    const targetType = payment.kind === "bill_payment" ? "Bill" : "Invoice";
    const targetRef = payment.kind === "bill_payment" ? "bill" : "invoice";
    const allocations: InboundAllocation[] = [];
    for (const link of payment.links) {
      if (link.txnType !== targetType) continue;
      const localTxnId = input.resolver.toLocal(targetRef, link.txnId);
      if (localTxnId) allocations.push({ localTxnId, amountCents: link.amountCents });
    }
    if (allocations.length === 0) {
      decisions.push({ type: "noop", qboId: payment.id });
      continue;
    }
    const credits = payment.links
      .filter((link) => link.txnType === "VendorCredit" || link.txnType === "CreditMemo")
      .map((link) => ({ qboId: link.txnId, amountCents: link.amountCents }));
    const decision: InboundPaymentDecision = {
      type: "record-payment-in-app",
      kind: payment.kind,
      qboId: payment.id,
      syncToken: payment.syncToken,
      totalCents: payment.totalCents,
      allocations,
      credits,
    };
    if (payment.txnDate) decision.txnDate = payment.txnDate;
    decisions.push(decision);
  }
  return decisions;
}

/* ───────────────────────────── funds transfers ───────────────────────────── */

export interface AppFundsTransfer {
  id: string;
  date: string;
  /** money_out: bank → Money Out Clearing (bill payments); money_in: Money In Clearing → bank. */
  direction: "money_out" | "money_in";
  /** The payments the lump sum consists of; the transfer amount is their sum. */
  payments: ReadonlyArray<{ id: string; amountCents: number }>;
  /** Bank account (app-local id); defaults to Bank Account GL. */
  bankAccountId?: string;
  reference?: string;
}

export type FundsTransferDecision =
  | { type: "create-journal-entry"; localId: string; amountCents: number; body: QboJournalEntryBody }
  | PaymentSkip
  | { type: "noop"; localId: string };

/**
 * A funds transfer → one balanced JournalEntry. Money out: credit the bank GL, debit Money Out
 * Clearing. Money in: debit the bank GL, credit Money In Clearing. Both lines carry the same
 * amount (the sum of the transfer's payments), so the entry balances by construction.
 */
export function planFundsTransfer(input: {
  transfer: AppFundsTransfer;
  mapping?: MappingEntry;
  prefs: SyncPreferences;
  resolver: RefResolver;
}): FundsTransferDecision {
  const { transfer, prefs, resolver } = input;
  if (input.mapping) return { type: "noop", localId: transfer.id };
  const params: ReasonParams = { record: "funds transfer" };
  const amountCents = sumCents(transfer.payments.map((p) => p.amountCents));
  if (amountCents <= 0) return paymentSkip(transfer.id, "ZERO_AMOUNT", params);

  const bank = resolveAccount(resolver, transfer.bankAccountId ?? prefs.bankAccountId, transfer.bankAccountId ? "the transfer’s bank account" : "Bank Account GL");
  const clearing =
    transfer.direction === "money_out"
      ? resolveAccount(resolver, prefs.moneyOutClearingAccountId, "Money Out Clearing Account")
      : resolveAccount(resolver, prefs.moneyInClearingAccountId, "Money In Clearing Account");
  if (!bank.ok || !clearing.ok) return accountSkip(transfer.id, [bank, clearing].flatMap((r) => (r.ok ? [] : [r])), params);

  const amount = centsToAmount(amountCents);
  const bankPosting = transfer.direction === "money_out" ? "Credit" : "Debit";
  const clearingPosting = transfer.direction === "money_out" ? "Debit" : "Credit";
  const description = `Ledgerbridge funds transfer (${transfer.payments.length} payment${transfer.payments.length === 1 ? "" : "s"})`;
  const body: QboJournalEntryBody = {
    TxnDate: transfer.date,
    PrivateNote: `${description}: ${transfer.payments.map((p) => p.id).join(", ")}`.slice(0, 4000),
    Line: [
      { Amount: amount, DetailType: "JournalEntryLineDetail", Description: description, JournalEntryLineDetail: { PostingType: bankPosting, AccountRef: { value: bank.qboId } } },
      { Amount: amount, DetailType: "JournalEntryLineDetail", Description: description, JournalEntryLineDetail: { PostingType: clearingPosting, AccountRef: { value: clearing.qboId } } },
    ],
  };
  if (transfer.reference) body.DocNumber = transfer.reference.slice(0, 21);
  return { type: "create-journal-entry", localId: transfer.id, amountCents, body };
}
