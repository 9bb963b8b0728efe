/**
 * Deterministic demo data for a sandbox company. `createCompanyBaseData` gives every company what a
 * fresh QBO company has (chart of accounts, items, classes, locations, terms, CompanyInfo,
 * Preferences). `seedCompany` adds vendors, customers, bills and invoices in all states, always
 * including one record for every data-driven skip reason of SPEC §3: paid and partially paid,
 * non-USD, missing DocNumber, QuickBooks Commerce, and $0. Same random seed → same data.
 * Records go through the same normalisation and cascades as API writes, minus the O(n) uniqueness
 * scans (the generator guarantees unique names and numbers), so 10k bills take well under a second.
 */
// The app's one Commerce rule (pure, imports nothing), so the demo data exercises exactly what the engine detects.
import { COMMERCE_PRIVATE_NOTE_PREFIX, COMMERCE_TXN_SOURCE } from "../sync/core/commerce";
import { commitRecord, voidedLines } from "./engine";
import { ENTITY_SPECS } from "./entity-specs";
import { addDays, formatQboDate } from "./clock";
import { currencyRef, displayNameOf, normalizeRecord } from "./normalize";
import { recomputeParty } from "./balances";
import { recordKey, type CompanyState } from "./store";
import type { EntityName, JsonObject, SeedSpec } from "./types";
import { checkReferences } from "./validation";

export const DEFAULT_SEED: Required<SeedSpec> = { vendors: 25, customers: 25, bills: 60, invoices: 60, randomSeed: 1 };

const DAY_MS = 86_400_000;

/** mulberry32: tiny, fast, deterministic. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Seeder {
  private readonly random: () => number;
  readonly ids = new Map<string, string>();
  readonly names = new Set<string>();

  constructor(
    readonly company: CompanyState,
    readonly now: Date,
    randomSeed: number,
  ) {
    this.random = generator(randomSeed);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new Error("pick from empty list");
    return item;
  }

  chance(probability: number): boolean {
    return this.random() < probability;
  }

  fraction(): number {
    return this.random();
  }

  daysAgo(days: number, hour = 10): Date {
    const base = Math.floor(this.now.getTime() / DAY_MS) * DAY_MS - days * DAY_MS + hour * 3_600_000;
    // "Today" records never land in the future or on the seeding instant itself.
    return new Date(Math.min(base, this.now.getTime() - 3_600_000));
  }

  insert(entity: EntityName, input: JsonObject, at: Date, alias?: string): JsonObject {
    const ctx = { company: this.company, now: at };
    const record = normalizeRecord(ctx, entity, input);
    checkReferences(this.company, ENTITY_SPECS[entity], record);
    commitRecord(ctx, entity, record, undefined, { recomputeParties: false });
    if (alias) this.ids.set(alias, String(record["Id"]));
    return record;
  }

  ref(alias: string): JsonObject {
    const id = this.ids.get(alias);
    if (!id) throw new Error(`seed alias ${alias} missing`);
    return { value: id };
  }

  private readonly refNames = new Map<string, string>();

  /** A reference with the target's name filled in, as QBO returns it (fresh object each call). */
  namedRef(entity: EntityName, alias: string): JsonObject {
    const id = this.ids.get(alias);
    if (!id) throw new Error(`seed alias ${alias} missing`);
    const key = `${entity}:${id}`;
    let name = this.refNames.get(key);
    if (name === undefined) {
      const target = this.company.get(entity, id);
      name = target ? displayNameOf(target) : "";
      this.refNames.set(key, name);
    }
    return { value: id, name };
  }

  /** Commits a record that is already in normalised form (bulk fast path, see seedCompany). */
  commitNormalized(entity: EntityName, record: JsonObject, at: Date): JsonObject {
    commitRecord({ company: this.company, now: at }, entity, record, undefined, { recomputeParties: false });
    return record;
  }

  uniqueName(base: string): string {
    let name = base;
    for (let n = 2; this.names.has(name.toLowerCase()); n += 1) name = `${base} ${n}`;
    this.names.add(name.toLowerCase());
    return name;
  }
}

const ACCOUNTS: [alias: string, name: string, type: string, subType: string][] = [
  ["checking", "Business Checking", "Bank", "Checking"],
  ["savings", "Business Savings", "Bank", "Savings"],
  ["ar", "Accounts Receivable (A/R)", "Accounts Receivable", "AccountsReceivable"],
  ["undeposited", "Undeposited Funds", "Other Current Asset", "UndepositedFunds"],
  ["inventory", "Inventory Asset", "Other Current Asset", "Inventory"],
  ["equipment", "Equipment", "Fixed Asset", "MachineryAndEquipment"],
  ["ap", "Accounts Payable (A/P)", "Accounts Payable", "AccountsPayable"],
  ["card", "Company Credit Card", "Credit Card", "CreditCard"],
  ["payroll", "Payroll Liabilities", "Other Current Liability", "PayrollTaxPayable"],
  ["loan", "Business Loan", "Long Term Liability", "NotesPayable"],
  ["equity", "Opening Balance Equity", "Equity", "OpeningBalanceEquity"],
  ["services-income", "Services Income", "Income", "ServiceFeeIncome"],
  ["sales-income", "Sales of Product Income", "Income", "SalesOfProductIncome"],
  ["uncategorized-income", "Uncategorized Income", "Income", "OtherPrimaryIncome"],
  ["interest-income", "Interest Earned", "Other Income", "InterestEarned"],
  ["cogs", "Cost of Goods Sold", "Cost of Goods Sold", "SuppliesMaterialsCogs"],
  ["advertising", "Advertising & Marketing", "Expense", "AdvertisingPromotional"],
  ["office", "Office Supplies & Software", "Expense", "OfficeGeneralAdministrativeExpenses"],
  ["rent", "Rent & Lease", "Expense", "RentOrLeaseOfBuildings"],
  ["utilities", "Utilities", "Expense", "Utilities"],
  ["travel", "Travel", "Expense", "Travel"],
  ["meals", "Meals", "Expense", "EntertainmentMeals"],
  ["legal", "Legal & Professional Services", "Expense", "LegalProfessionalFees"],
  ["insurance", "Insurance", "Expense", "Insurance"],
  ["repairs", "Repairs & Maintenance", "Expense", "RepairMaintenance"],
  ["shipping", "Shipping & Delivery", "Expense", "ShippingFreightDelivery"],
  ["contractors", "Contractors", "Expense", "CostOfLabor"],
  ["uncategorized-expense", "Uncategorized Expense", "Expense", "OtherMiscellaneousServiceCost"],
  ["bank-charges", "Bank Charges & Fees", "Other Expense", "OtherMiscellaneousExpense"],
];

const EXPENSE_ACCOUNTS = ["advertising", "office", "rent", "utilities", "travel", "meals", "legal", "insurance", "repairs", "shipping", "contractors", "cogs"];

const ITEMS: [alias: string, name: string, type: string, income: string, expense: string | null, price: number][] = [
  ["item-services", "Services", "Service", "services-income", null, 150],
  ["item-hours", "Hours", "Service", "services-income", null, 95],
  ["item-consulting", "Consulting", "Service", "services-income", "contractors", 175],
  ["item-design", "Design", "Service", "services-income", null, 120],
  ["item-installation", "Installation", "Service", "services-income", "contractors", 80],
  ["item-materials", "Materials", "NonInventory", "sales-income", "cogs", 45],
  ["item-shipping", "Shipping", "Service", "sales-income", "shipping", 25],
];

const TERMS: [alias: string, name: string, days: number][] = [
  ["term-receipt", "Due on receipt", 0],
  ["term-15", "Net 15", 15],
  ["term-30", "Net 30", 30],
  ["term-60", "Net 60", 60],
];

const VENDOR_STEMS = ["Acme", "Blue Ridge", "Cascade", "Summit", "Pioneer", "Redwood", "Harbor", "Granite", "Silverline", "Northwind", "Evergreen", "Keystone", "Lakeside", "Ironclad", "Bright Path", "Copper Creek", "Orchard", "Metro", "Prairie", "Beacon"];
const VENDOR_TRADES = ["Office Supply", "Plumbing", "Logistics", "Consulting", "Electric", "Paper Co.", "Cleaning Services", "IT Solutions", "Printing", "Insurance Agency", "Landscaping", "Freight", "Hardware", "Telecom", "Legal Group", "Marketing"];
const VENDOR_SUFFIXES = ["LLC", "Inc.", "Co.", "Partners", ""];
const FIRST_NAMES = ["Amy", "Bill", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Imani", "Jonas", "Kara", "Luis", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor", "Wen", "Yara", "Zane"];
const LAST_NAMES = ["Anderson", "Bishop", "Chen", "Dawson", "Estrada", "Fischer", "Garcia", "Hughes", "Ito", "Jensen", "Kowalski", "Lopez", "Murphy", "Nguyen", "Okafor", "Patel", "Reyes", "Schmidt", "Thompson", "Walsh"];
const CUSTOMER_BUSINESSES = ["Bakery", "Bird Sanctuary", "Dental", "Fitness Studio", "Florist", "Garden Center", "Auto Repair", "Coffee Roasters", "Yoga", "Pet Grooming", "Bookshop", "Bistro"];

/** Everything a fresh QBO company has before anyone enters data. */
export function createCompanyBaseData(company: CompanyState, companyName: string, now: Date): void {
  const at = new Date(now.getTime() - 120 * DAY_MS);
  const ctx = { company, now: at };
  const put = (entity: EntityName, input: JsonObject): void => {
    commitRecord(ctx, entity, normalizeRecord(ctx, entity, input), undefined, { recomputeParties: false });
  };
  put("CompanyInfo", {
    CompanyName: companyName,
    LegalName: companyName,
    Country: "US",
    CompanyAddr: { Line1: "2600 Marine Way", City: "Mountain View", CountrySubDivisionCode: "CA", PostalCode: "94043" },
    FiscalYearStartMonth: "January",
    SupportedLanguages: "en",
  });
  put("Preferences", {});
  renderPreferences(company);
  for (const [, name, type, subType] of ACCOUNTS) put("Account", { Name: name, AccountType: type, AccountSubType: subType });
  for (const [, name, days] of TERMS) put("Term", { Name: name, Type: "STANDARD", DueDays: days });
  for (const name of ["Retail", "Wholesale", "Online"]) put("Class", { Name: name });
  for (const name of ["Main Street Store", "Warehouse"]) put("Department", { Name: name });
  const accountId = (name: string): string => {
    for (const [id, account] of company.table("Account")) if (account["Name"] === name) return id;
    throw new Error(`account ${name} missing`);
  };
  for (const [, name, type, income, expense, price] of ITEMS) {
    const incomeName = ACCOUNTS.find(([alias]) => alias === income)?.[1] ?? "Services Income";
    const expenseName = expense ? ACCOUNTS.find(([alias]) => alias === expense)?.[1] : undefined;
    const item: JsonObject = { Name: name, Type: type, UnitPrice: price, IncomeAccountRef: { value: accountId(incomeName), name: incomeName } };
    if (expenseName) item["ExpenseAccountRef"] = { value: accountId(expenseName), name: expenseName };
    put("Item", item);
  }
}

/** Keeps the Preferences entity in step with the company settings (which are the source of truth). */
export function renderPreferences(company: CompanyState): void {
  const preferences = company.get("Preferences", "1");
  if (!preferences) return;
  const { settings } = company;
  const accountingInfo: JsonObject = { TrackDepartments: true, DepartmentTerminology: "Location", ClassTrackingPerTxnLine: true, ClassTrackingPerTxn: false, CustomerTerminology: "Customers" };
  if (settings.bookCloseDate) accountingInfo["BookCloseDate"] = settings.bookCloseDate;
  preferences["AccountingInfoPrefs"] = accountingInfo;
  preferences["CurrencyPrefs"] = { MultiCurrencyEnabled: settings.multiCurrencyEnabled, HomeCurrency: { value: settings.homeCurrency } };
  preferences["VendorAndPurchasesPrefs"] = { BillableExpenseTracking: true, TrackingByCustomer: true };
  preferences["SalesFormsPrefs"] = { CustomTxnNumbers: true, AllowDeposit: true, AllowDiscount: true };
  preferences["OtherPrefs"] = { NameValue: [{ Name: "WarnDuplicateBillNumber", Value: String(settings.duplicateDocNumberCheck) }] };
  // Preferences.TaxPrefs.UsingSalesTax tells a client the company charges sales tax; PartnerTaxEnabled
  // (automated sales tax) is off: the sandbox taxes with one fixed code (Intuit, "Manage sales tax for US locales").
  preferences["TaxPrefs"] = settings.salesTax
    ? { UsingSalesTax: true, PartnerTaxEnabled: false, TaxGroupCodeRef: { value: settings.salesTax.taxCodeId } }
    : { UsingSalesTax: false, PartnerTaxEnabled: false };
}

function aliasIds(seeder: Seeder, company: CompanyState): void {
  for (const [alias, name] of ACCOUNTS) {
    for (const [id, account] of company.table("Account")) if (account["Name"] === name) seeder.ids.set(alias, id);
  }
  const byName = (entity: EntityName, alias: string, name: string): void => {
    for (const [id, record] of company.table(entity)) if (record["Name"] === name) seeder.ids.set(alias, id);
  };
  for (const [alias, name] of ITEMS) byName("Item", alias, name);
  for (const [alias, name] of TERMS) byName("Term", alias, name);
  byName("Department", "dept-store", "Main Street Store");
  byName("Department", "dept-warehouse", "Warehouse");
  for (const vendorOrCustomer of ["Vendor", "Customer"] as const) {
    for (const record of company.table(vendorOrCustomer).values()) {
      const name = record["DisplayName"];
      if (typeof name === "string") seeder.names.add(name.toLowerCase());
    }
  }
}

function expenseLine(seeder: Seeder, cents: number, description: string): JsonObject {
  return {
    Amount: cents / 100,
    Description: description,
    DetailType: "AccountBasedExpenseLineDetail",
    AccountBasedExpenseLineDetail: { AccountRef: seeder.ref(seeder.pick(EXPENSE_ACCOUNTS)), BillableStatus: "NotBillable" },
  };
}

function salesLine(seeder: Seeder, cents: number): JsonObject {
  const [alias, name] = seeder.pick(ITEMS.slice(0, 5));
  const qty = seeder.int(1, 10);
  return {
    Amount: cents / 100,
    Description: name,
    DetailType: "SalesItemLineDetail",
    SalesItemLineDetail: { ItemRef: seeder.ref(alias), Qty: qty, UnitPrice: Math.round(cents / qty) / 100 },
  };
}

function amountCents(seeder: Seeder): number {
  return seeder.int(25, 5000) * 100 + seeder.pick([0, 0, 50, 99, 25, 75]);
}

/** Adds generated vendors, customers, bills and invoices (plus every skip-reason case) to a company. */
export function seedCompany(company: CompanyState, spec: SeedSpec, now: Date): void {
  const counts = { ...DEFAULT_SEED, ...spec };
  const seeder = new Seeder(company, now, counts.randomSeed);
  company.settings.multiCurrencyEnabled = true;
  renderPreferences(company);
  aliasIds(seeder, company);
  const setupDay = seeder.daysAgo(100);

  // Foreign-currency A/P and A/R accounts, as QBO creates them when multicurrency is used.
  seeder.insert("Account", { Name: "Accounts Payable (A/P) - EUR", AccountType: "Accounts Payable", AccountSubType: "AccountsPayable", CurrencyRef: { value: "EUR" } }, setupDay, "ap-eur");
  seeder.insert("Account", { Name: "Accounts Receivable (A/R) - CAD", AccountType: "Accounts Receivable", AccountSubType: "AccountsReceivable", CurrencyRef: { value: "CAD" } }, setupDay, "ar-cad");

  const vendorAliases: string[] = [];
  for (let i = 0; i < Math.max(1, counts.vendors); i += 1) {
    const suffix = seeder.pick(VENDOR_SUFFIXES);
    const name = seeder.uniqueName(`${seeder.pick(VENDOR_STEMS)} ${seeder.pick(VENDOR_TRADES)}${suffix ? ` ${suffix}` : ""}`);
    const alias = `vendor-${i}`;
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "");
    seeder.insert("Vendor", { DisplayName: name, CompanyName: name, PrimaryEmailAddr: { Address: `billing@${slug}.example.com` }, TermRef: seeder.ref(seeder.pick(["term-15", "term-30", "term-30", "term-60"])) }, setupDay, alias);
    vendorAliases.push(alias);
  }
  seeder.insert("Vendor", { DisplayName: seeder.uniqueName("Lumière Fournitures SARL"), CompanyName: "Lumière Fournitures SARL", CurrencyRef: currencyRef("EUR") }, setupDay, "vendor-eur");
  seeder.insert("Vendor", { DisplayName: seeder.uniqueName("Old Harbor Freight"), Active: false }, setupDay, "vendor-inactive");

  const customerAliases: string[] = [];
  for (let i = 0; i < Math.max(1, counts.customers); i += 1) {
    const first = seeder.pick(FIRST_NAMES);
    const last = seeder.pick(LAST_NAMES);
    const business = seeder.chance(0.5);
    const name = seeder.uniqueName(business ? `${first}'s ${seeder.pick(CUSTOMER_BUSINESSES)}` : `${first} ${last}`);
    const alias = `customer-${i}`;
    const record: JsonObject = { DisplayName: name, PrimaryEmailAddr: { Address: `${first.toLowerCase()}.${last.toLowerCase()}@example.com` }, SalesTermRef: seeder.ref(seeder.pick(["term-receipt", "term-15", "term-30"])) };
    if (business) record["CompanyName"] = name;
    else Object.assign(record, { GivenName: first, FamilyName: last });
    seeder.insert("Customer", record, setupDay, alias);
    customerAliases.push(alias);
  }
  seeder.insert("Customer", { DisplayName: seeder.uniqueName("Maple Leaf Outfitters Ltd."), CurrencyRef: currencyRef("CAD") }, setupDay, "customer-cad");
  seeder.insert("Customer", { DisplayName: seeder.uniqueName("Former Client Co."), Active: false }, setupDay, "customer-inactive");

  let billNumber = 4100;
  let invoiceNumber = 1000;
  const bill = (vendorAlias: string, cents: number[], daysAgo: number, extra: JsonObject = {}): JsonObject => {
    billNumber += 1;
    const at = seeder.daysAgo(daysAgo, seeder.int(8, 17));
    return seeder.insert("Bill", {
      VendorRef: seeder.ref(vendorAlias),
      DocNumber: `${seeder.int(10, 99)}-${billNumber}`,
      TxnDate: formatQboDate(at),
      Line: cents.map((c) => expenseLine(seeder, c, seeder.pick(["Monthly service", "Supplies", "Repairs", "Consulting hours", "Freight", "Subscription"]))),
      ...extra,
    }, at);
  };
  const invoice = (customerAlias: string, cents: number[], daysAgo: number, extra: JsonObject = {}): JsonObject => {
    invoiceNumber += 1;
    const at = seeder.daysAgo(daysAgo, seeder.int(8, 17));
    return seeder.insert("Invoice", {
      CustomerRef: seeder.ref(customerAlias),
      DocNumber: String(invoiceNumber),
      TxnDate: formatQboDate(at),
      Line: cents.map((c) => salesLine(seeder, c)),
      ...extra,
    }, at);
  };
  const payBill = (target: JsonObject, cents: number, daysAgo: number, credit?: JsonObject): JsonObject => {
    const at = seeder.daysAgo(daysAgo, 18);
    const lines: JsonObject[] = [{ Amount: cents / 100, LinkedTxn: [{ TxnId: String(target["Id"]), TxnType: "Bill" }] }];
    if (credit) lines.push({ Amount: Number(credit["TotalAmt"]), LinkedTxn: [{ TxnId: String(credit["Id"]), TxnType: "VendorCredit" }] });
    const creditCents = credit ? Math.round(Number(credit["TotalAmt"]) * 100) : 0;
    return seeder.insert("BillPayment", {
      VendorRef: structuredClone(target["VendorRef"] ?? null),
      PayType: "Check",
      CheckPayment: { BankAccountRef: seeder.ref("checking") },
      TxnDate: formatQboDate(at),
      TotalAmt: (cents - creditCents) / 100,
      Line: lines,
    }, at);
  };
  const receive = (target: JsonObject, cents: number, daysAgo: number): JsonObject => {
    const at = seeder.daysAgo(daysAgo, 18);
    return seeder.insert("Payment", {
      CustomerRef: structuredClone(target["CustomerRef"] ?? null),
      TotalAmt: cents / 100,
      TxnDate: formatQboDate(at),
      PaymentRefNum: String(seeder.int(1000, 9999)),
      DepositToAccountRef: seeder.ref("undeposited"),
      Line: [{ Amount: cents / 100, LinkedTxn: [{ TxnId: String(target["Id"]), TxnType: "Invoice" }] }],
    }, at);
  };
  const voidPayment = (entity: "BillPayment" | "Payment", payment: JsonObject, daysAgo: number): void => {
    const at = seeder.daysAgo(daysAgo, 19);
    const record: JsonObject = { ...payment, Line: [], TotalAmt: 0, PrivateNote: "Voided" };
    if (entity === "Payment") record["UnappliedAmt"] = 0;
    commitRecord({ company, now: at }, entity, record, payment, { recomputeParties: false });
    company.voided.add(recordKey(entity, String(payment["Id"])));
  };

  // One record per data-driven skip reason (SPEC §3), plus payment, credit and void cases.
  const v0 = vendorAliases[0] ?? "vendor-0";
  const c0 = customerAliases[0] ?? "customer-0";
  const paidBill = bill(v0, [120_000], 40, { PrivateNote: "Paid in full" });
  payBill(paidBill, 120_000, 35);
  const partialBill = bill(v0, [80_000, 20_000], 20, { PrivateNote: "Partially paid" });
  payBill(partialBill, 40_000, 10);
  bill("vendor-eur", [250_000], 15, { APAccountRef: seeder.ref("ap-eur"), ExchangeRate: 1.08, PrivateNote: "Invoice in euros" });
  bill(vendorAliases[1 % vendorAliases.length] ?? v0, [33_000], 12, { DocNumber: null, PrivateNote: "No bill number" });
  bill(vendorAliases[2 % vendorAliases.length] ?? v0, [57_500], 9, { TxnSource: COMMERCE_TXN_SOURCE, PrivateNote: `${COMMERCE_PRIVATE_NOTE_PREFIX} purchase order PO-2207` });
  bill(vendorAliases[3 % vendorAliases.length] ?? v0, [0], 7, { PrivateNote: "Zero-amount bill" });
  const creditedBill = bill(v0, [15_000], 18, { PrivateNote: "Settled by vendor credit" });
  const fullCredit = seeder.insert("VendorCredit", { VendorRef: seeder.ref(v0), DocNumber: "VC-301", TxnDate: formatQboDate(seeder.daysAgo(17)), Line: [expenseLine(seeder, 15_000, "Returned goods")] }, seeder.daysAgo(17));
  seeder.insert("BillPayment", {
    VendorRef: seeder.ref(v0),
    PayType: "Check",
    CheckPayment: { BankAccountRef: seeder.ref("checking") },
    TxnDate: formatQboDate(seeder.daysAgo(16)),
    TotalAmt: 0,
    Line: [
      { Amount: 150, LinkedTxn: [{ TxnId: String(creditedBill["Id"]), TxnType: "Bill" }] },
      { Amount: 150, LinkedTxn: [{ TxnId: String(fullCredit["Id"]), TxnType: "VendorCredit" }] },
    ],
  }, seeder.daysAgo(16));
  seeder.insert("VendorCredit", { VendorRef: seeder.ref(vendorAliases[1 % vendorAliases.length] ?? v0), DocNumber: "VC-302", TxnDate: formatQboDate(seeder.daysAgo(5)), Line: [expenseLine(seeder, 4_500, "Damaged shipment credit")] }, seeder.daysAgo(5));
  const reopenedBill = bill(vendorAliases[4 % vendorAliases.length] ?? v0, [64_000], 25, { PrivateNote: "Payment voided in QBO" });
  voidPayment("BillPayment", payBill(reopenedBill, 64_000, 22), 21);

  const paidInvoice = invoice(c0, [90_000], 45);
  receive(paidInvoice, 90_000, 30);
  const partialInvoice = invoice(c0, [60_000, 15_000], 19);
  receive(partialInvoice, 25_000, 8);
  invoice("customer-cad", [180_000], 14, { ARAccountRef: seeder.ref("ar-cad"), ExchangeRate: 0.73, CustomerMemo: { value: "Prices in CAD" } });
  invoice(customerAliases[1 % customerAliases.length] ?? c0, [42_000], 11, { DocNumber: null });
  // No TxnSource here: a memo that mentions Commerce mid-sentence is enough (real memos vary).
  invoice(customerAliases[2 % customerAliases.length] ?? c0, [19_900], 6, { PrivateNote: "Order #50113, synced from QuickBooks Commerce" });
  invoice(customerAliases[3 % customerAliases.length] ?? c0, [0], 4, { PrivateNote: "Zero-amount invoice" });
  const reopenedInvoice = invoice(customerAliases[4 % customerAliases.length] ?? c0, [31_000], 26);
  voidPayment("Payment", receive(reopenedInvoice, 31_000, 23), 20);
  const voidedInvoice = invoice(customerAliases[5 % customerAliases.length] ?? c0, [12_500], 13);
  const voidedAt = seeder.daysAgo(12, 19);
  commitRecord({ company, now: voidedAt }, "Invoice", { ...voidedInvoice, Line: voidedLines("Invoice", voidedInvoice), TotalAmt: 0, Balance: 0, PrivateNote: "Voided" }, voidedInvoice, { recomputeParties: false });
  company.voided.add(recordKey("Invoice", String(voidedInvoice["Id"])));
  seeder.insert("JournalEntry", {
    DocNumber: "COMM-DAILY-1",
    TxnDate: formatQboDate(seeder.daysAgo(3)),
    TxnSource: COMMERCE_TXN_SOURCE,
    PrivateNote: `${COMMERCE_PRIVATE_NOTE_PREFIX} daily sales summary`,
    Line: [
      { Amount: 842.5, DetailType: "JournalEntryLineDetail", JournalEntryLineDetail: { PostingType: "Debit", AccountRef: seeder.ref("undeposited") } },
      { Amount: 842.5, DetailType: "JournalEntryLineDetail", JournalEntryLineDetail: { PostingType: "Credit", AccountRef: seeder.ref("sales-income") } },
    ],
  }, seeder.daysAgo(3));

  // Bulk records are built directly in the shape normalizeRecord produces (a test checks this),
  // skipping per-record normalisation so 10k bills + 10k invoices seed in well under 2 s.
  const termDays = (termRef: JsonObject | undefined): number => {
    const term = termRef ? company.get("Term", String(termRef["value"])) : undefined;
    return typeof term?.["DueDays"] === "number" ? term["DueDays"] : 0;
  };
  const bulkBill = (vendorAlias: string, cents: number[], daysAgo: number): JsonObject => {
    billNumber += 1;
    const at = seeder.daysAgo(daysAgo, seeder.int(8, 17));
    const txnDate = formatQboDate(at);
    const vendorRef = seeder.namedRef("Vendor", vendorAlias);
    const vendor = company.get("Vendor", String(vendorRef["value"]));
    const termRef = vendor?.["TermRef"] as JsonObject | undefined;
    const record: JsonObject = {
      VendorRef: vendorRef,
      DocNumber: `${seeder.int(10, 99)}-${billNumber}`,
      TxnDate: txnDate,
      Line: cents.map((c, index) => ({
        Amount: c / 100,
        Description: seeder.pick(["Monthly service", "Supplies", "Repairs", "Consulting hours", "Freight", "Subscription"]),
        DetailType: "AccountBasedExpenseLineDetail",
        AccountBasedExpenseLineDetail: { AccountRef: seeder.namedRef("Account", seeder.pick(EXPENSE_ACCOUNTS)), BillableStatus: "NotBillable" },
        Id: String(index + 1),
        LineNum: index + 1,
      })),
      CurrencyRef: currencyRef("USD"),
      TotalAmt: cents.reduce((a, b) => a + b, 0) / 100,
      APAccountRef: seeder.namedRef("Account", "ap"),
    };
    if (termRef) record["SalesTermRef"] = { ...termRef };
    record["DueDate"] = addDays(txnDate, termDays(termRef));
    if (seeder.chance(0.3)) record["DepartmentRef"] = seeder.namedRef("Department", seeder.pick(["dept-store", "dept-warehouse"]));
    return seeder.commitNormalized("Bill", record, at);
  };
  const bulkInvoice = (customerAlias: string, cents: number[], daysAgo: number): JsonObject => {
    invoiceNumber += 1;
    const at = seeder.daysAgo(daysAgo, seeder.int(8, 17));
    const txnDate = formatQboDate(at);
    const customerRef = seeder.namedRef("Customer", customerAlias);
    const customer = company.get("Customer", String(customerRef["value"]));
    const termRef = customer?.["SalesTermRef"] as JsonObject | undefined;
    const total = cents.reduce((a, b) => a + b, 0);
    const lines: JsonObject[] = cents.map((c, index) => {
      const [alias, name] = seeder.pick(ITEMS.slice(0, 5));
      const qty = seeder.int(1, 10);
      return {
        Amount: c / 100,
        Description: name,
        DetailType: "SalesItemLineDetail",
        SalesItemLineDetail: { ItemRef: seeder.namedRef("Item", alias), Qty: qty, UnitPrice: Math.round(c / qty) / 100 },
        Id: String(index + 1),
        LineNum: index + 1,
      };
    });
    lines.push({ Amount: total / 100, DetailType: "SubTotalLineDetail", SubTotalLineDetail: {} });
    const record: JsonObject = {
      CustomerRef: customerRef,
      DocNumber: String(invoiceNumber),
      TxnDate: txnDate,
      Line: lines,
      CurrencyRef: currencyRef("USD"),
      TotalAmt: total / 100,
    };
    if (termRef) record["SalesTermRef"] = { ...termRef };
    record["DueDate"] = addDays(txnDate, termDays(termRef));
    return seeder.commitNormalized("Invoice", record, at);
  };

  const specialBills = 8;
  const specialInvoices = 8;
  for (let i = 0; i < counts.bills - specialBills; i += 1) {
    const lines = Array.from({ length: seeder.int(1, 3) }, () => amountCents(seeder));
    const total = lines.reduce((a, b) => a + b, 0);
    const daysAgo = seeder.int(0, 89);
    const created = bulkBill(seeder.pick(vendorAliases), lines, daysAgo);
    const state = seeder.fraction();
    if (daysAgo > 1 && state < 0.15) payBill(created, total, seeder.int(0, daysAgo - 1));
    else if (daysAgo > 1 && state < 0.25) payBill(created, Math.floor(total / 2), seeder.int(0, daysAgo - 1));
  }
  for (let i = 0; i < counts.invoices - specialInvoices; i += 1) {
    const lines = Array.from({ length: seeder.int(1, 3) }, () => amountCents(seeder));
    const total = lines.reduce((a, b) => a + b, 0);
    const daysAgo = seeder.int(0, 89);
    const created = bulkInvoice(seeder.pick(customerAliases), lines, daysAgo);
    const state = seeder.fraction();
    if (daysAgo > 1 && state < 0.15) receive(created, total, seeder.int(0, daysAgo - 1));
    else if (daysAgo > 1 && state < 0.25) receive(created, Math.floor(total / 3), seeder.int(0, daysAgo - 1));
  }

  for (const entity of ["Vendor", "Customer"] as const) {
    for (const id of company.table(entity).keys()) recomputeParty(company, recordKey(entity, id));
  }
}
