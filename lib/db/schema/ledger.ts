import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cents, createdAt, id, updatedAt } from "./columns";
import { organizations, users } from "./identity";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const orgId = () =>
  uuid("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

/** Local copy of a QBO id. Null until the record has been synced. */
const qboId = () => text("qbo_id");

// ── Counterparties ─────────────────────────────────────────────────────────────────────────────
const counterpartyColumns = () => ({
  id: id(),
  organizationId: orgId(),
  displayName: text("display_name").notNull(),
  companyName: text("company_name"),
  email: text("email"),
  phone: text("phone"),
  // The billing address, part by part as QBO holds it (PhysicalAddress: Line1, Line2, City,
  // CountrySubDivisionCode, PostalCode, Country).
  addressLine1: text("address_line1"),
  addressLine2: text("address_line2"),
  addressCity: text("address_city"),
  addressRegion: text("address_region"),
  addressPostalCode: text("address_postal_code"),
  addressCountry: text("address_country"),
  currency: text("currency").notNull().default("USD"),
  active: boolean("active").notNull().default(true),
  qboId: qboId(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const vendors = pgTable("vendors", {
  ...counterpartyColumns(),
  /** A 1099 contractor (QBO Vendor.Vendor1099). */
  vendor1099: boolean("vendor_1099").notNull().default(false),
  /** The full tax id (QBO Vendor.TaxIdentifier, which QBO only ever returns masked). */
  taxId: text("tax_id"),
}, (t) => [
  uniqueIndex("vendors_org_name_key").on(t.organizationId, sql`lower(${t.displayName})`),
  index("vendors_org_active_idx").on(t.organizationId, t.active, t.displayName),
]);

export const customers = pgTable("customers", counterpartyColumns(), (t) => [
  uniqueIndex("customers_org_name_key").on(t.organizationId, sql`lower(${t.displayName})`),
  index("customers_org_active_idx").on(t.organizationId, t.active, t.displayName),
]);

// ── Reference data (fed by sync from QBO; the demo seeds a realistic set) ─────────────────────
export const accounts = pgTable(
  "accounts",
  {
    id: id(),
    organizationId: orgId(),
    name: text("name").notNull(),
    fullyQualifiedName: text("fully_qualified_name").notNull(),
    accountType: text("account_type").notNull(),
    accountSubType: text("account_sub_type"),
    currency: text("currency").notNull().default("USD"),
    active: boolean("active").notNull().default(true),
    qboId: qboId(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("accounts_org_type_idx").on(t.organizationId, t.accountType, t.name)],
);

export const items = pgTable(
  "items",
  {
    id: id(),
    organizationId: orgId(),
    name: text("name").notNull(),
    type: text("type").notNull(),
    description: text("description"),
    unitPriceCents: cents("unit_price_cents"),
    incomeAccountId: uuid("income_account_id").references(() => accounts.id),
    expenseAccountId: uuid("expense_account_id").references(() => accounts.id),
    active: boolean("active").notNull().default(true),
    qboId: qboId(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("items_org_idx").on(t.organizationId, t.name)],
);

const namedListColumns = () => ({
  id: id(),
  organizationId: orgId(),
  name: text("name").notNull(),
  active: boolean("active").notNull().default(true),
  qboId: qboId(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const classes = pgTable("classes", namedListColumns(), (t) => [index("classes_org_idx").on(t.organizationId)]);
/** QBO calls locations "Departments". */
export const locations = pgTable("locations", namedListColumns(), (t) => [
  index("locations_org_idx").on(t.organizationId),
]);

export const termTypeEnum = pgEnum("term_type", ["standard", "date_driven"]);
export const terms = pgTable(
  "terms",
  {
    ...namedListColumns(),
    type: termTypeEnum("type").notNull().default("standard"),
    dueDays: integer("due_days"),
    dayOfMonthDue: integer("day_of_month_due"),
    dueNextMonthDays: integer("due_next_month_days"),
  },
  (t) => [index("terms_org_idx").on(t.organizationId)],
);

// ── Bills and invoices ─────────────────────────────────────────────────────────────────────────
/** Derived from payments and credits by lib/ap, stored so lists can filter and sort on it. */
export const billStatusEnum = pgEnum("bill_status", ["unpaid", "scheduled", "partially_paid", "paid", "voided"]);
export const invoiceStatusEnum = pgEnum("invoice_status", ["unpaid", "partially_paid", "paid", "voided"]);

export const bills = pgTable(
  "bills",
  {
    id: id(),
    organizationId: orgId(),
    vendorId: uuid("vendor_id")
      .notNull()
      .references(() => vendors.id),
    billNumber: text("bill_number").notNull(),
    billDate: date("bill_date").notNull(),
    dueDate: date("due_date").notNull(),
    termsId: uuid("terms_id").references(() => terms.id),
    /** QBO DepartmentRef of the bill (optional). */
    locationId: uuid("location_id").references(() => locations.id),
    currency: text("currency").notNull().default("USD"),
    /** Internal note: QBO PrivateNote. */
    memo: text("memo"),
    totalCents: cents("total_cents").notNull(),
    openBalanceCents: cents("open_balance_cents").notNull(),
    status: billStatusEnum("status").notNull().default("unpaid"),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    qboId: qboId(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("bills_org_status_due_idx").on(t.organizationId, t.status, t.dueDate),
    index("bills_org_due_idx").on(t.organizationId, t.dueDate, t.id),
    // The list's bill-date range filter and sort.
    index("bills_org_bill_date_idx").on(t.organizationId, t.billDate, t.id),
    index("bills_org_vendor_idx").on(t.organizationId, t.vendorId),
    index("bills_org_number_idx").on(t.organizationId, t.billNumber),
    // The form's rule (billNumberTaken): one live bill per vendor and number, any case; voided ones free it.
    uniqueIndex("bills_vendor_number_key")
      .on(t.organizationId, t.vendorId, sql`lower(${t.billNumber})`)
      .where(sql`${t.voidedAt} is null`),
  ],
);

const lineColumns = () => ({
  id: id(),
  organizationId: orgId(),
  position: integer("position").notNull(),
  accountId: uuid("account_id").references(() => accounts.id),
  itemId: uuid("item_id").references(() => items.id),
  description: text("description"),
  quantity: numeric("quantity", { precision: 18, scale: 4 }),
  unitPriceCents: cents("unit_price_cents"),
  amountCents: cents("amount_cents").notNull(),
  classId: uuid("class_id").references(() => classes.id),
  locationId: uuid("location_id").references(() => locations.id),
});

export const billLines = pgTable(
  "bill_lines",
  {
    ...lineColumns(),
    billId: uuid("bill_id")
      .notNull()
      .references(() => bills.id, { onDelete: "cascade" }),
  },
  (t) => [index("bill_lines_bill_idx").on(t.billId, t.position)],
);

export const invoices = pgTable(
  "invoices",
  {
    id: id(),
    organizationId: orgId(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    invoiceNumber: text("invoice_number").notNull(),
    invoiceDate: date("invoice_date").notNull(),
    dueDate: date("due_date").notNull(),
    termsId: uuid("terms_id").references(() => terms.id),
    /** QBO DepartmentRef of the invoice (optional). */
    locationId: uuid("location_id").references(() => locations.id),
    currency: text("currency").notNull().default("USD"),
    /** Internal note, not shown to the customer: QBO PrivateNote. */
    memo: text("memo"),
    /** The message printed on the invoice: QBO CustomerMemo. */
    customerMemo: text("customer_memo"),
    /** Lines (less discounts) + taxCents. */
    totalCents: cents("total_cents").notNull(),
    /** Sales tax QBO computed (TxnTaxDetail.TotalTax); the app keeps QBO's figure. */
    taxCents: cents("tax_cents").notNull().default(0),
    /** QBO's TxnTaxDetail.TxnTaxCodeRef value, sent back unchanged on every write. */
    txnTaxCodeRef: text("txn_tax_code_ref"),
    openBalanceCents: cents("open_balance_cents").notNull(),
    status: invoiceStatusEnum("status").notNull().default("unpaid"),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    qboId: qboId(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("invoices_org_status_due_idx").on(t.organizationId, t.status, t.dueDate),
    index("invoices_org_due_idx").on(t.organizationId, t.dueDate, t.id),
    // The list's default sort (newest first) and its invoice-date range filter.
    index("invoices_org_invoice_date_idx").on(t.organizationId, t.invoiceDate, t.id),
    index("invoices_org_customer_idx").on(t.organizationId, t.customerId),
    index("invoices_org_number_idx").on(t.organizationId, t.invoiceNumber),
    // The form's rule (save-invoice refuseDuplicateNumber): one live invoice per number, any case.
    uniqueIndex("invoices_org_number_key")
      .on(t.organizationId, sql`lower(${t.invoiceNumber})`)
      .where(sql`${t.voidedAt} is null`),
  ],
);

export const invoiceLines = pgTable(
  "invoice_lines",
  {
    ...lineColumns(),
    /** QBO's SalesItemLineDetail.TaxCodeRef value ("TAX" / "NON" in US companies). */
    taxCodeRef: text("tax_code_ref"),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    // A component of a bundle imported from QBO (GroupLineDetail): lines sharing a bundle_key are
    // shown under "Bundle: <bundle_name>". Null on ordinary lines.
    bundleKey: text("bundle_key"),
    bundleName: text("bundle_name"),
    bundleQuantity: numeric("bundle_quantity", { precision: 18, scale: 4 }),
  },
  (t) => [index("invoice_lines_invoice_idx").on(t.invoiceId, t.position)],
);

/** Kept in the app only: documents never sync to QuickBooks (SPEC §2). */
export const documents = pgTable(
  "documents",
  {
    id: id(),
    organizationId: orgId(),
    billId: uuid("bill_id").references(() => bills.id, { onDelete: "cascade" }),
    invoiceId: uuid("invoice_id").references(() => invoices.id, { onDelete: "cascade" }),
    vendorCreditId: uuid("vendor_credit_id").references(() => vendorCredits.id, { onDelete: "cascade" }),
    billPaymentId: uuid("bill_payment_id").references(() => billPayments.id, { onDelete: "cascade" }),
    receivedPaymentId: uuid("received_payment_id").references(() => receivedPayments.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("documents_bill_idx").on(t.billId),
    index("documents_invoice_idx").on(t.invoiceId),
    index("documents_vendor_credit_idx").on(t.vendorCreditId),
    index("documents_bill_payment_idx").on(t.billPaymentId),
    index("documents_received_payment_idx").on(t.receivedPaymentId),
    // A document belongs to exactly one record (lib/documents/record-kinds.ts names the kinds).
    check(
      "documents_one_record",
      sql`num_nonnulls(${t.billId}, ${t.invoiceId}, ${t.vendorCreditId}, ${t.billPaymentId}, ${t.receivedPaymentId}) = 1`,
    ),
  ],
);

// ── Money movement ─────────────────────────────────────────────────────────────────────────────
export const paymentStatusEnum = pgEnum("payment_status", ["scheduled", "processing", "paid", "voided"]);
export const billPaymentKindEnum = pgEnum("bill_payment_kind", ["electronic", "offline"]);

/** A lump sum leaving (or reaching) one bank account on one day through a clearing account. */
export const fundsTransfers = pgTable(
  "funds_transfers",
  {
    id: id(),
    organizationId: orgId(),
    direction: text("direction", { enum: ["out", "in"] }).notNull(),
    bankAccountId: uuid("bank_account_id")
      .notNull()
      .references(() => accounts.id),
    transferDate: date("transfer_date").notNull(),
    amountCents: cents("amount_cents").notNull(),
    qboId: qboId(),
    createdAt: createdAt(),
  },
  (t) => [index("funds_transfers_org_date_idx").on(t.organizationId, t.transferDate)],
);

export const billPayments = pgTable(
  "bill_payments",
  {
    id: id(),
    organizationId: orgId(),
    billId: uuid("bill_id")
      .notNull()
      .references(() => bills.id),
    vendorId: uuid("vendor_id")
      .notNull()
      .references(() => vendors.id),
    kind: billPaymentKindEnum("kind").notNull(),
    status: paymentStatusEnum("status").notNull(),
    amountCents: cents("amount_cents").notNull(),
    bankAccountId: uuid("bank_account_id")
      .notNull()
      .references(() => accounts.id),
    processDate: date("process_date").notNull(),
    paidDate: date("paid_date"),
    reference: text("reference"),
    syncToQbo: boolean("sync_to_qbo").notNull().default(true),
    fundsTransferId: uuid("funds_transfer_id").references(() => fundsTransfers.id),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    qboId: qboId(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("bill_payments_bill_idx").on(t.billId),
    index("bill_payments_org_status_idx").on(t.organizationId, t.status, t.processDate),
  ],
);

export const receivedPayments = pgTable(
  "received_payments",
  {
    id: id(),
    organizationId: orgId(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    /**
     * electronic: QBO deposits it to Money In Clearing and the day's funds transfer moves it to
     * `depositAccountId` (a bank account); offline: deposited straight to `depositAccountId`.
     */
    kind: text("kind", { enum: ["electronic", "offline"] }).notNull().default("offline"),
    status: paymentStatusEnum("status").notNull().default("paid"),
    amountCents: cents("amount_cents").notNull(),
    depositAccountId: uuid("deposit_account_id")
      .notNull()
      .references(() => accounts.id),
    receivedDate: date("received_date").notNull(),
    reference: text("reference"),
    fundsTransferId: uuid("funds_transfer_id").references(() => fundsTransfers.id),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    qboId: qboId(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("received_payments_invoice_idx").on(t.invoiceId),
    index("received_payments_org_date_idx").on(t.organizationId, t.receivedDate),
  ],
);

export const vendorCredits = pgTable(
  "vendor_credits",
  {
    id: id(),
    organizationId: orgId(),
    vendorId: uuid("vendor_id")
      .notNull()
      .references(() => vendors.id),
    creditNumber: text("credit_number").notNull(),
    creditDate: date("credit_date").notNull(),
    currency: text("currency").notNull().default("USD"),
    memo: text("memo"),
    totalCents: cents("total_cents").notNull(),
    balanceCents: cents("balance_cents").notNull(),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    qboId: qboId(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("vendor_credits_org_vendor_idx").on(t.organizationId, t.vendorId),
    // The form's rule (creditNumberTaken): one live credit per vendor and number, any case.
    uniqueIndex("vendor_credits_vendor_number_key")
      .on(t.organizationId, t.vendorId, sql`lower(${t.creditNumber})`)
      .where(sql`${t.voidedAt} is null`),
  ],
);

export const vendorCreditLines = pgTable(
  "vendor_credit_lines",
  {
    ...lineColumns(),
    vendorCreditId: uuid("vendor_credit_id")
      .notNull()
      .references(() => vendorCredits.id, { onDelete: "cascade" }),
  },
  (t) => [index("vendor_credit_lines_credit_idx").on(t.vendorCreditId, t.position)],
);

export const vendorCreditApplications = pgTable(
  "vendor_credit_applications",
  {
    id: id(),
    organizationId: orgId(),
    vendorCreditId: uuid("vendor_credit_id")
      .notNull()
      .references(() => vendorCredits.id),
    billId: uuid("bill_id")
      .notNull()
      .references(() => bills.id),
    amountCents: cents("amount_cents").notNull(),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("vendor_credit_applications_bill_idx").on(t.billId),
    index("vendor_credit_applications_credit_idx").on(t.vendorCreditId),
  ],
);
