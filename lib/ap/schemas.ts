/**
 * Form schemas (zod 4) for vendors, customers, bills, invoices, payments and vendor credits.
 *
 * Input is what a form posts: strings (FormData values, with repeated rows already gathered into
 * arrays such as `lines: [{...}]`); missing fields may be undefined. Output is typed and cents-based:
 * money → integer `...Cents`, dates → validated `YYYY-MM-DD`, checkboxes → boolean, blank optional
 * ids → undefined. Messages are written for a bookkeeper, not a developer.
 *
 * Length limits follow QBO: DocNumber ≤ 21, PaymentRefNum ≤ 21, descriptions/PrivateNote ≤ 4000.
 * Names: trimmed, 1–100 characters, no colon/tab/newline (QBO rejects those in DisplayName).
 */
import { z } from "zod";
import { canonicalTimeZone, compareDates, DEFAULT_TIME_ZONE, isIsoDate } from "./dates";
import { decimalToCents, multiplyToCents, parseDecimal, decimalToString, type ExactDecimal } from "./decimal";
import { MAX_AMOUNT_CENTS, safeParseMoney } from "./money";
import { isRecordId } from "@/lib/forms/record-id";

export const DOC_NUMBER_MAX = 21;
export const REFERENCE_MAX = 21;
export const DESCRIPTION_MAX = 4000;
export const NAME_MAX = 100;
export const QUANTITY_MAX_DECIMALS = 4;
export const UNIT_PRICE_MAX_DECIMALS = 4;
/** Quantities are stored as numeric(18, 4): at most 14 digits before the point. */
const QUANTITY_LIMIT = 10n ** 14n;

// ---- field builders ---------------------------------------------------------------------------

/** Form posts give undefined for absent fields and sometimes numbers from JS clients: normalise to text. */
function asText(value: unknown): unknown {
  if (value === undefined || value === null) return "";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return value;
}

function requiredText(message: string, max: number, maxMessage: string) {
  return z.preprocess(asText, z.string({ error: message }).trim().min(1, message).max(max, maxMessage));
}

function optionalText(max: number, maxMessage: string) {
  return z.preprocess(
    asText,
    z
      .string()
      .trim()
      .max(max, maxMessage)
      .transform((value) => (value === "" ? undefined : value)),
  );
}

/**
 * A picker's value: blank, or a record id. A forged, non-UUID value is that field's error (checked
 * in the transform, as money is, so the form's other checks still run and show every problem).
 */
function pickedId(message: string) {
  return z
    .string({ error: message })
    .trim()
    .transform((value, ctx) => {
      if (value === "") return undefined;
      if (!isRecordId(value)) {
        ctx.addIssue(message);
        return z.NEVER;
      }
      return value;
    });
}

/** A picker's chosen id; `message` says what to choose. */
function requiredId(message: string) {
  return z.preprocess(
    asText,
    pickedId(message).transform((value, ctx) => {
      if (value === undefined) {
        ctx.addIssue(message);
        return z.NEVER;
      }
      return value;
    }),
  );
}

/** An optional picker: a blank choice becomes undefined. */
function optionalId(message: string) {
  return z.preprocess(asText, pickedId(message));
}

/** A money amount typed by a person → integer cents. `min` is "positive" (> 0) or "nonNegative". */
function moneyCents(options: { min: "positive" | "nonNegative" }, what = "amount") {
  return z.preprocess(
    asText,
    z.string({ error: `Enter an ${what}.` }).transform((value, ctx) => {
      const result = safeParseMoney(value);
      if (!result.ok) {
        ctx.addIssue(result.error);
        return z.NEVER;
      }
      if (options.min === "positive" && result.cents <= 0) {
        ctx.addIssue(`The ${what} must be more than zero.`);
        return z.NEVER;
      }
      return result.cents;
    }),
  );
}

function isoDate(what: string) {
  return z.preprocess(
    asText,
    z
      .string({ error: `Enter the ${what}.` })
      .trim()
      .min(1, { error: `Enter the ${what}.`, abort: true })
      .refine(isIsoDate, `Enter the ${what} as a real date (YYYY-MM-DD).`),
  );
}

/** An HTML checkbox: "on" (or "true") when ticked, absent when not. */
function checkbox() {
  return z.preprocess((value) => {
    if (value === undefined || value === null || value === "" || value === false) return false;
    if (value === true || value === "on" || value === "true") return true;
    if (value === "off" || value === "false") return false;
    return value;
  }, z.boolean({ error: "Tick the box or leave it empty." }));
}

function currencyCode() {
  return z.preprocess(
    (value) => (value === undefined || value === null || value === "" ? "USD" : value),
    z
      .string({ error: "Use a 3-letter currency code like USD." })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, { error: "Use a 3-letter currency code like USD.", abort: true })
      .refine(isCurrencyCode, "Use a real currency code (ISO 4217), like USD, EUR or CAD."),
  );
}

/** ISO 4217 codes the runtime knows (ICU's list), so "ZZZ" is refused without a list of our own. */
const CURRENCY_CODES = new Set(Intl.supportedValuesOf("currency"));

function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODES.has(code);
}

function docNumber(what: string) {
  return requiredText(`Enter the ${what}.`, DOC_NUMBER_MAX, `The ${what} can be at most ${DOC_NUMBER_MAX} characters.`);
}

const memo = optionalText(DESCRIPTION_MAX, `The memo can be at most ${DESCRIPTION_MAX} characters.`);
const description = optionalText(DESCRIPTION_MAX, `The description can be at most ${DESCRIPTION_MAX} characters.`);
const reference = optionalText(REFERENCE_MAX, `The reference can be at most ${REFERENCE_MAX} characters.`);

/** Rows of a repeated group; an absent group is an empty list so "add at least one" can say so. */
function rows<T extends z.ZodType>(row: T, emptyMessage: string) {
  return z.preprocess((value) => value ?? [], z.array(row, { error: emptyMessage }).min(1, emptyMessage));
}

/**
 * Cross-field checks run even when some field already failed, so a form shows every problem at once
 * (zod skips them by default after an aborting issue). They only look at values that parsed.
 */
const EVEN_WITH_FIELD_ERRORS = {
  when: (payload: { value: unknown }) =>
    typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value),
};

// Object-level refinements run even when a field already failed (zod 4 keeps collecting issues),
// so they only compare values that parsed.
function totalOf(lines: readonly { amountCents: number }[]): number {
  return lines.reduce((sum, line) => sum + (Number.isSafeInteger(line?.amountCents) ? line.amountCents : 0), 0);
}

function allLinesParsed(lines: unknown): boolean {
  return Array.isArray(lines) && lines.length > 0 && lines.every((line: { amountCents?: unknown } | undefined) => Number.isSafeInteger(line?.amountCents));
}

function dueBeforeStart(dueDate: unknown, startDate: unknown): boolean {
  return isIsoDate(dueDate) && isIsoDate(startDate) && compareDates(dueDate, startDate) < 0;
}

/** Shared check: the document total must be positive and within range (once every line parsed). */
function checkTotal(lines: readonly { amountCents: number }[], ctx: z.RefinementCtx, what: string) {
  if (!allLinesParsed(lines)) return;
  const total = totalOf(lines);
  if (total <= 0) ctx.addIssue({ code: "custom", path: ["lines"], message: `The ${what} total must be more than zero.` });
  if (total > MAX_AMOUNT_CENTS) ctx.addIssue({ code: "custom", path: ["lines"], message: `The ${what} total is too large.` });
}

function noDuplicateBills(items: readonly { billId: string }[], ctx: z.RefinementCtx, root: string, message: string) {
  if (!Array.isArray(items)) return;
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (typeof item?.billId !== "string") return;
    if (seen.has(item.billId)) ctx.addIssue({ code: "custom", path: [root, index, "billId"], message });
    seen.add(item.billId);
  });
}

// ---- vendors and customers ----------------------------------------------------------------------

const displayName = z.preprocess(
  asText,
  z
    .string({ error: "Enter a display name." })
    .trim()
    .min(1, { error: "Enter a display name.", abort: true })
    .max(NAME_MAX, `The display name can be at most ${NAME_MAX} characters.`)
    .refine((value) => !/[:\t\n\r]/.test(value), "The display name can't contain a colon (:), tab or line break."),
);

const partySchema = z.object({
  displayName,
  companyName: optionalText(NAME_MAX, `The company name can be at most ${NAME_MAX} characters.`),
  email: z.preprocess(
    asText,
    z
      .string()
      .trim()
      .max(100, "The email can be at most 100 characters.")
      .refine((value) => value === "" || z.email().safeParse(value).success, "Enter a valid email address, like name@example.com.")
      .transform((value) => (value === "" ? undefined : value)),
  ),
  phone: optionalText(30, "The phone number can be at most 30 characters."),
  currency: currencyCode(),
});

export const vendorSchema = partySchema;
export const customerSchema = partySchema;
export type VendorInput = z.input<typeof vendorSchema>;
export type VendorForm = z.output<typeof vendorSchema>;
export type CustomerInput = z.input<typeof customerSchema>;
export type CustomerForm = z.output<typeof customerSchema>;

// ---- bills and vendor credits --------------------------------------------------------------------

/** Forms post `amount` (so errors point at that field); the output calls it `amountCents`. */
function withAmountCents<T extends { amount: number }>(value: T): Omit<T, "amount"> & { amountCents: number } {
  const { amount, ...rest } = value;
  return { ...rest, amountCents: amount };
}

export const expenseLineSchema = z
  .object({
    accountId: optionalId("Choose an account from the list."),
    itemId: optionalId("Choose an item from the list."),
    description,
    amount: moneyCents({ min: "positive" }),
    classId: optionalId("Choose a class from the list."),
    locationId: optionalId("Choose a location from the list."),
  })
  .superRefine((line, ctx) => {
    if (!line.accountId && !line.itemId) {
      ctx.addIssue({ code: "custom", path: ["accountId"], message: "Choose an account or an item for this line." });
    } else if (line.accountId && line.itemId) {
      ctx.addIssue({ code: "custom", path: ["accountId"], message: "Choose either an account or an item, not both." });
    }
  }, EVEN_WITH_FIELD_ERRORS)
  .transform(withAmountCents);

export const billSchema = z
  .object({
    vendorId: requiredId("Choose a vendor."),
    billNumber: docNumber("bill number"),
    billDate: isoDate("bill date"),
    dueDate: isoDate("due date"),
    termsId: optionalId("Choose terms from the list."),
    locationId: optionalId("Choose a location from the list."),
    currency: currencyCode(),
    memo,
    lines: rows(expenseLineSchema, "Add at least one line to the bill."),
  })
  .superRefine((bill, ctx) => {
    if (dueBeforeStart(bill.dueDate, bill.billDate)) {
      ctx.addIssue({ code: "custom", path: ["dueDate"], message: "The due date can't be before the bill date." });
    }
    checkTotal(bill.lines, ctx, "bill");
  }, EVEN_WITH_FIELD_ERRORS)
  .transform((bill) => ({ ...bill, totalCents: totalOf(bill.lines) }));

export type BillInput = z.input<typeof billSchema>;
export type BillForm = z.output<typeof billSchema>;
export type ExpenseLineForm = z.output<typeof expenseLineSchema>;

export const vendorCreditSchema = z
  .object({
    vendorId: requiredId("Choose a vendor."),
    creditNumber: docNumber("credit number"),
    creditDate: isoDate("credit date"),
    currency: currencyCode(),
    memo,
    lines: rows(expenseLineSchema, "Add at least one line to the credit."),
  })
  .superRefine((credit, ctx) => checkTotal(credit.lines, ctx, "credit"), EVEN_WITH_FIELD_ERRORS)
  .transform((credit) => ({ ...credit, totalCents: totalOf(credit.lines) }));

export type VendorCreditInput = z.input<typeof vendorCreditSchema>;
export type VendorCreditForm = z.output<typeof vendorCreditSchema>;

// ---- invoices ------------------------------------------------------------------------------------

function exactDecimal(what: string, maxScale: number) {
  return z.preprocess(
    asText,
    z.string({ error: `Enter the ${what}.` }).transform((value, ctx) => {
      const result = parseDecimal(value, { maxScale, what });
      if (!result.ok) {
        ctx.addIssue(result.error);
        return z.NEVER;
      }
      return result.value;
    }),
  );
}

/** A quantity or rate that parsed (cross-field checks also run when one did not). */
function parsedDecimal(value: unknown): ExactDecimal | undefined {
  return typeof value === "object" && value !== null && typeof (value as Partial<ExactDecimal>).units === "bigint" ? (value as ExactDecimal) : undefined;
}
/**
 * A line's QuickBooks sales-tax code ("TAX" / "NON" in US companies, a TaxCode Id elsewhere): kept as
 * QuickBooks sent it so an edit never changes how QuickBooks taxes the line.
 */
const taxCode = z.preprocess(
  asText,
  z
    .string()
    .trim()
    .max(20, "Choose a tax code from the list.")
    .regex(/^[A-Za-z0-9_-]*$/, "Choose a tax code from the list.")
    .transform((value) => (value === "" ? undefined : value))
    .optional(),
);

export const invoiceLineSchema = z
  .object({
    itemId: requiredId("Choose a product or service."),
    description,
    quantity: exactDecimal("quantity", QUANTITY_MAX_DECIMALS),
    unitPrice: exactDecimal("rate", UNIT_PRICE_MAX_DECIMALS),
    classId: optionalId("Choose a class from the list."),
    taxCode,
  })
  .superRefine((line, ctx) => {
    const quantity = parsedDecimal(line.quantity);
    const rate = parsedDecimal(line.unitPrice);
    if (quantity && quantity.units <= 0n) {
      ctx.addIssue({ code: "custom", path: ["quantity"], message: "The quantity must be more than zero." });
    }
    // Quantities are numeric(18, 4) in the database and amounts bigint cents used as safe JS
    // numbers: beyond those a save would fail (or lose cents) instead of saying why.
    if (quantity && quantity.units >= QUANTITY_LIMIT * 10n ** BigInt(quantity.scale)) {
      ctx.addIssue({ code: "custom", path: ["quantity"], message: "The quantity is too large." });
    } else if (rate && decimalToCents(rate) > MAX_AMOUNT_CENTS) {
      ctx.addIssue({ code: "custom", path: ["unitPrice"], message: "The rate is too large." });
    } else if (quantity && rate && multiplyToCents(quantity, rate) > MAX_AMOUNT_CENTS) {
      ctx.addIssue({ code: "custom", path: ["quantity"], message: "The line amount (quantity × rate) is too large." });
    }
  }, EVEN_WITH_FIELD_ERRORS)
  // Amount = quantity × rate, rounded half-up to the cent once; quantity and rate stay exact text.
  .transform((line) => ({
    ...line,
    quantity: decimalToString(line.quantity),
    unitPrice: decimalToString(line.unitPrice),
    amountCents: multiplyToCents(line.quantity, line.unitPrice),
  }));

export const invoiceSchema = z
  .object({
    customerId: requiredId("Choose a customer."),
    invoiceNumber: docNumber("invoice number"),
    invoiceDate: isoDate("invoice date"),
    dueDate: isoDate("due date"),
    termsId: optionalId("Choose terms from the list."),
    locationId: optionalId("Choose a location from the list."),
    currency: currencyCode(),
    /** Internal note (QBO PrivateNote), never shown to the customer. */
    memo,
    /** The message printed on the invoice (QBO CustomerMemo). */
    customerMemo: optionalText(DESCRIPTION_MAX, `The message on the invoice can be at most ${DESCRIPTION_MAX} characters.`),
    lines: rows(invoiceLineSchema, "Add at least one line to the invoice."),
  })
  .superRefine((invoice, ctx) => {
    if (dueBeforeStart(invoice.dueDate, invoice.invoiceDate)) {
      ctx.addIssue({ code: "custom", path: ["dueDate"], message: "The due date can't be before the invoice date." });
    }
    checkTotal(invoice.lines, ctx, "invoice");
  }, EVEN_WITH_FIELD_ERRORS)
  .transform((invoice) => ({ ...invoice, totalCents: totalOf(invoice.lines) }));

export type InvoiceInput = z.input<typeof invoiceSchema>;
export type InvoiceForm = z.output<typeof invoiceSchema>;
export type InvoiceLineForm = z.output<typeof invoiceLineSchema>;

// ---- payments --------------------------------------------------------------------------------------

/** Rows of `{ billId, amount }` → `{ billId, amountCents }`. */
function billAmountRows(emptyMessage: string) {
  return rows(
    z.object({ billId: requiredId("Choose a bill."), amount: moneyCents({ min: "positive" }) }).transform(withAmountCents),
    emptyMessage,
  );
}

/**
 * Paying bills electronically. `today` is the business's current date (passed in: this module never
 * reads the clock); the process date can't be before it.
 */
export function electronicPaymentSchema(today: string) {
  return z
    .object({
      bankAccountId: requiredId("Choose a bank account."),
      processDate: isoDate("process date"),
      payments: billAmountRows("Select at least one bill to pay."),
    })
    .superRefine((payment, ctx) => {
      if (dueBeforeStart(payment.processDate, today)) {
        ctx.addIssue({ code: "custom", path: ["processDate"], message: "The process date can't be in the past." });
      }
      noDuplicateBills(payment.payments, ctx, "payments", "This bill is already in this payment run.");
    }, EVEN_WITH_FIELD_ERRORS);
}

export type ElectronicPaymentInput = z.input<ReturnType<typeof electronicPaymentSchema>>;
export type ElectronicPaymentForm = z.output<ReturnType<typeof electronicPaymentSchema>>;

/** "Mark as paid": a payment made outside the app, optionally synced to QuickBooks. */
export const markAsPaidSchema = z
  .object({
    billId: requiredId("Choose a bill."),
    bankAccountId: requiredId("Choose the bank account it was paid from."),
    paidDate: isoDate("payment date"),
    amount: moneyCents({ min: "positive" }),
    reference,
    syncToQbo: checkbox(),
  })
  .transform(withAmountCents);

export type MarkAsPaidInput = z.input<typeof markAsPaidSchema>;
export type MarkAsPaidForm = z.output<typeof markAsPaidSchema>;

/** A payment received from a customer against an invoice. */
export const receivedPaymentSchema = z
  .object({
    invoiceId: requiredId("Choose an invoice."),
    depositAccountId: requiredId("Choose the account to deposit to."),
    paymentDate: isoDate("payment date"),
    amount: moneyCents({ min: "positive" }),
    /** electronic: through Money In Clearing and the day's funds transfer; offline: straight to the account. */
    method: z.enum(["electronic", "offline"], { error: "Choose how the payment was received." }).default("offline"),
    reference,
    memo,
  })
  .transform(withAmountCents);

export type ReceivedPaymentInput = z.input<typeof receivedPaymentSchema>;
export type ReceivedPaymentForm = z.output<typeof receivedPaymentSchema>;

export const vendorCreditApplicationSchema = z
  .object({
    vendorCreditId: requiredId("Choose a vendor credit."),
    applications: billAmountRows("Select at least one bill to apply the credit to."),
  })
  .superRefine(
    (application, ctx) => noDuplicateBills(application.applications, ctx, "applications", "This bill is listed twice."),
    EVEN_WITH_FIELD_ERRORS,
  );

export type VendorCreditApplicationInput = z.input<typeof vendorCreditApplicationSchema>;
export type VendorCreditApplicationForm = z.output<typeof vendorCreditApplicationSchema>;

// ---- The organisation's time zone ---------------------------------------------------------------

/** Settings → Time zone: an IANA name the runtime knows (Intl.supportedValuesOf('timeZone'), or UTC). */
export const timeZoneSchema = z.preprocess(
  asText,
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      const zone = canonicalTimeZone(value);
      if (zone === null) {
        ctx.addIssue({ code: "custom", message: "Choose a time zone from the list, such as America/New_York." });
        return z.NEVER;
      }
      return zone;
    }),
);

/**
 * The browser's zone sent at sign-up or org creation: a default only, so an odd or missing value
 * never blocks the form — the organisation starts on UTC and an admin changes it in Settings.
 */
export const browserTimeZoneSchema = z.unknown().optional().transform((value) => canonicalTimeZone(value) ?? DEFAULT_TIME_ZONE);

/** For forms outside this module (the bulk actions): a required real date, and an HTML checkbox. */
export const isoDateField = isoDate;
export const checkboxField = checkbox;
