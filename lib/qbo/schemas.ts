import { z } from "zod";

/**
 * Response schemas for the QBO entities Ledgerbridge uses. Loose objects: unknown fields survive
 * (and are sent back on full updates); the fields the app relies on are checked.
 */

export const refSchema = z.looseObject({ value: z.string(), name: z.string().optional() });
export type QboRef = z.infer<typeof refSchema>;

export const metaDataSchema = z.looseObject({
  CreateTime: z.string(),
  LastUpdatedTime: z.string(),
});

export const linkedTxnSchema = z.looseObject({
  TxnId: z.string(),
  TxnType: z.string(),
  TxnLineId: z.string().optional(),
});
export type QboLinkedTxn = z.infer<typeof linkedTxnSchema>;

const emailSchema = z.looseObject({ Address: z.string().optional() });

/** Fields every stored entity has. */
const entityBase = {
  Id: z.string(),
  SyncToken: z.string(),
  MetaData: metaDataSchema,
};

const money = z.number();

// ---- name lists -------------------------------------------------------------------------------

export const accountSchema = z.looseObject({
  ...entityBase,
  Name: z.string(),
  AccountType: z.string(),
  AccountSubType: z.string().optional(),
  Classification: z.string().optional(),
  FullyQualifiedName: z.string().optional(),
  Active: z.boolean().optional(),
  CurrentBalance: money.optional(),
  CurrencyRef: refSchema.optional(),
});

const partyFields = {
  ...entityBase,
  DisplayName: z.string(),
  Active: z.boolean().optional(),
  Balance: money.optional(),
  CurrencyRef: refSchema.optional(),
  PrimaryEmailAddr: emailSchema.optional(),
  CompanyName: z.string().optional(),
};
export const vendorSchema = z.looseObject(partyFields);
export const customerSchema = z.looseObject(partyFields);

export const itemSchema = z.looseObject({
  ...entityBase,
  Name: z.string(),
  Type: z.string().optional(),
  Active: z.boolean().optional(),
  IncomeAccountRef: refSchema.optional(),
  ExpenseAccountRef: refSchema.optional(),
});

export const classSchema = z.looseObject({
  ...entityBase,
  Name: z.string(),
  FullyQualifiedName: z.string().optional(),
  Active: z.boolean().optional(),
});

export const departmentSchema = z.looseObject({
  ...entityBase,
  Name: z.string(),
  FullyQualifiedName: z.string().optional(),
  Active: z.boolean().optional(),
});

export const termSchema = z.looseObject({
  ...entityBase,
  Name: z.string(),
  Type: z.string().optional(),
  DueDays: z.number().optional(),
  Active: z.boolean().optional(),
});

// ---- transactions -----------------------------------------------------------------------------

const expenseLineSchema = z.looseObject({
  Id: z.string().optional(),
  LineNum: z.number().optional(),
  Description: z.string().optional(),
  Amount: money,
  DetailType: z.string(),
  AccountBasedExpenseLineDetail: z
    .looseObject({
      AccountRef: refSchema,
      ClassRef: refSchema.optional(),
      CustomerRef: refSchema.optional(),
      BillableStatus: z.string().optional(),
    })
    .optional(),
  ItemBasedExpenseLineDetail: z
    .looseObject({
      ItemRef: refSchema,
      Qty: z.number().optional(),
      UnitPrice: z.number().optional(),
      ClassRef: refSchema.optional(),
      CustomerRef: refSchema.optional(),
    })
    .optional(),
  LinkedTxn: z.array(linkedTxnSchema).optional(),
});

const transactionFields = {
  ...entityBase,
  DocNumber: z.string().optional(),
  TxnDate: z.string().optional(),
  PrivateNote: z.string().optional(),
  CurrencyRef: refSchema.optional(),
  ExchangeRate: z.number().optional(),
  TotalAmt: money,
  LinkedTxn: z.array(linkedTxnSchema).optional(),
  TxnSource: z.string().optional(),
};

export const billSchema = z.looseObject({
  ...transactionFields,
  VendorRef: refSchema,
  Line: z.array(expenseLineSchema).default([]),
  DueDate: z.string().optional(),
  SalesTermRef: refSchema.optional(),
  APAccountRef: refSchema.optional(),
  DepartmentRef: refSchema.optional(),
  Balance: money,
});

const salesLineSchema = z.looseObject({
  Id: z.string().optional(),
  LineNum: z.number().optional(),
  Description: z.string().optional(),
  // DescriptionOnly lines may carry no amount.
  Amount: money.optional(),
  DetailType: z.string(),
  SalesItemLineDetail: z
    .looseObject({
      ItemRef: refSchema.optional(),
      Qty: z.number().optional(),
      UnitPrice: z.number().optional(),
      ClassRef: refSchema.optional(),
      // "TAX" / "NON" in US companies (Intuit, "Manage sales tax for US locales").
      TaxCodeRef: refSchema.optional(),
    })
    .optional(),
});

/** Sales tax of an invoice (Intuit Invoice reference; python-quickbooks quickbooks/objects/tax.py). */
export const txnTaxDetailSchema = z.looseObject({
  TxnTaxCodeRef: refSchema.optional(),
  TotalTax: money.optional(),
  TaxLine: z
    .array(
      z.looseObject({
        Amount: money.optional(),
        DetailType: z.string().optional(),
        TaxLineDetail: z
          .looseObject({
            TaxRateRef: refSchema.optional(),
            PercentBased: z.boolean().optional(),
            TaxPercent: z.number().optional(),
            NetAmountTaxable: money.optional(),
          })
          .optional(),
      }),
    )
    .optional(),
});

export const invoiceSchema = z.looseObject({
  ...transactionFields,
  CustomerRef: refSchema,
  Line: z.array(salesLineSchema).default([]),
  TxnTaxDetail: txnTaxDetailSchema.optional(),
  DueDate: z.string().optional(),
  SalesTermRef: refSchema.optional(),
  DepartmentRef: refSchema.optional(),
  Balance: money,
});

const paymentLineSchema = z.looseObject({
  Amount: money,
  LinkedTxn: z.array(linkedTxnSchema).default([]),
});

export const billPaymentSchema = z.looseObject({
  ...transactionFields,
  VendorRef: refSchema,
  PayType: z.string(),
  CheckPayment: z.looseObject({ BankAccountRef: refSchema.optional() }).optional(),
  CreditCardPayment: z.looseObject({ CCAccountRef: refSchema.optional() }).optional(),
  APAccountRef: refSchema.optional(),
  Line: z.array(paymentLineSchema).default([]),
});

export const paymentSchema = z.looseObject({
  ...transactionFields,
  CustomerRef: refSchema,
  DepositToAccountRef: refSchema.optional(),
  ARAccountRef: refSchema.optional(),
  PaymentRefNum: z.string().optional(),
  UnappliedAmt: money.optional(),
  Line: z.array(paymentLineSchema).default([]),
});

export const vendorCreditSchema = z.looseObject({
  ...transactionFields,
  VendorRef: refSchema,
  Line: z.array(expenseLineSchema).default([]),
  APAccountRef: refSchema.optional(),
  Balance: money.optional(),
});

const journalLineSchema = z.looseObject({
  Id: z.string().optional(),
  Description: z.string().optional(),
  Amount: money,
  DetailType: z.string(),
  JournalEntryLineDetail: z
    .looseObject({
      PostingType: z.enum(["Debit", "Credit"]),
      AccountRef: refSchema,
      ClassRef: refSchema.optional(),
      DepartmentRef: refSchema.optional(),
    })
    .optional(),
});

export const journalEntrySchema = z.looseObject({
  ...transactionFields,
  // Journal entries have no TotalAmt in some responses; the lines are what matters.
  TotalAmt: money.optional(),
  Adjustment: z.boolean().optional(),
  Line: z.array(journalLineSchema).default([]),
});

// ---- company --------------------------------------------------------------------------------

export const companyInfoSchema = z.looseObject({
  Id: z.string(),
  SyncToken: z.string().optional(),
  CompanyName: z.string(),
  LegalName: z.string().optional(),
  Country: z.string().optional(),
  MetaData: metaDataSchema.optional(),
});

export const preferencesSchema = z.looseObject({
  Id: z.string().optional(),
  SyncToken: z.string().optional(),
  CurrencyPrefs: z
    .looseObject({
      MultiCurrencyEnabled: z.boolean().optional(),
      HomeCurrency: refSchema.optional(),
    })
    .optional(),
  AccountingInfoPrefs: z
    .looseObject({
      BookCloseDate: z.string().optional(),
      ClassTrackingPerTxn: z.boolean().optional(),
      ClassTrackingPerTxnLine: z.boolean().optional(),
      TrackDepartments: z.boolean().optional(),
    })
    .optional(),
  MetaData: metaDataSchema.optional(),
});

/** What a delete answers with, and how CDC lists deleted objects. */
export const deletedEntitySchema = z.looseObject({
  Id: z.string(),
  status: z.literal("Deleted"),
  MetaData: z.looseObject({ LastUpdatedTime: z.string().optional() }).optional(),
});

export type QboAccount = z.infer<typeof accountSchema>;
export type QboVendor = z.infer<typeof vendorSchema>;
export type QboCustomer = z.infer<typeof customerSchema>;
export type QboItem = z.infer<typeof itemSchema>;
export type QboClass = z.infer<typeof classSchema>;
export type QboDepartment = z.infer<typeof departmentSchema>;
export type QboTerm = z.infer<typeof termSchema>;
export type QboBill = z.infer<typeof billSchema>;
export type QboInvoice = z.infer<typeof invoiceSchema>;
export type QboBillPayment = z.infer<typeof billPaymentSchema>;
export type QboPayment = z.infer<typeof paymentSchema>;
export type QboVendorCredit = z.infer<typeof vendorCreditSchema>;
export type QboJournalEntry = z.infer<typeof journalEntrySchema>;
export type QboCompanyInfo = z.infer<typeof companyInfoSchema>;
export type QboPreferences = z.infer<typeof preferencesSchema>;
export type QboDeletedEntity = z.infer<typeof deletedEntitySchema>;

/** Entities reachable through query, read, create, update, delete and CDC. */
export const entitySchemas = {
  Account: accountSchema,
  Vendor: vendorSchema,
  Customer: customerSchema,
  Item: itemSchema,
  Class: classSchema,
  Department: departmentSchema,
  Term: termSchema,
  Bill: billSchema,
  Invoice: invoiceSchema,
  BillPayment: billPaymentSchema,
  Payment: paymentSchema,
  VendorCredit: vendorCreditSchema,
  JournalEntry: journalEntrySchema,
} as const;

export type QboEntityName = keyof typeof entitySchemas;
export type QboEntity<E extends QboEntityName> = z.infer<(typeof entitySchemas)[E]>;

export const QBO_ENTITY_NAMES = Object.keys(entitySchemas) as QboEntityName[];

export function isQboEntityName(name: string): name is QboEntityName {
  return Object.prototype.hasOwnProperty.call(entitySchemas, name);
}

