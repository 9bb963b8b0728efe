import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorMap, fieldErrorsFromZod } from "./field-errors";
import {
  browserTimeZoneSchema,
  timeZoneSchema,
  billSchema,
  customerSchema,
  electronicPaymentSchema,
  invoiceSchema,
  markAsPaidSchema,
  receivedPaymentSchema,
  vendorCreditApplicationSchema,
  vendorCreditSchema,
  vendorSchema,
} from "./schemas";

/** A stable UUID per label, so fixtures stay readable: uid("v1"), uid("acc-1"). */
function uid(label: string): string {
  return `00000000-0000-4000-8000-${Buffer.from(label).toString("hex").padStart(12, "0")}`;
}

/** Parses and returns { path: [messages] } so tests read like the form. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return fieldErrorMap(fieldErrorsFromZod(result.error));
}

describe("vendorSchema / customerSchema", () => {
  it("trims and fills defaults; blank optionals become undefined", () => {
    expect(vendorSchema.parse({ displayName: "  Acme Co.  ", companyName: "", email: "", phone: " " })).toEqual({
      displayName: "Acme Co.",
      companyName: undefined,
      email: undefined,
      phone: undefined,
      currency: "USD",
    });
    expect(customerSchema.parse({ displayName: 'Bob "The Builder" & Sons', email: " bob@example.com ", currency: "cad" })).toMatchObject({
      displayName: 'Bob "The Builder" & Sons',
      email: "bob@example.com",
      currency: "CAD",
    });
  });

  it("enforces QBO name rules", () => {
    expect(errorsOf(vendorSchema, {})).toEqual({ displayName: ["Enter a display name."] });
    expect(errorsOf(vendorSchema, { displayName: "   " })).toEqual({ displayName: ["Enter a display name."] });
    expect(errorsOf(vendorSchema, { displayName: "Parent:Child" })).toEqual({
      displayName: ["The display name can't contain a colon (:), tab or line break."],
    });
    expect(errorsOf(vendorSchema, { displayName: "a\tb" }).displayName).toHaveLength(1);
    expect(errorsOf(vendorSchema, { displayName: "x".repeat(100) })).toEqual({});
    expect(errorsOf(vendorSchema, { displayName: "x".repeat(101) })).toEqual({
      displayName: ["The display name can be at most 100 characters."],
    });
  });

  it("checks email and currency", () => {
    expect(errorsOf(vendorSchema, { displayName: "A", email: "not-an-email", currency: "US" })).toEqual({
      email: ["Enter a valid email address, like name@example.com."],
      currency: ["Use a 3-letter currency code like USD."],
    });
  });
});

const validBill = {
  vendorId: uid("v1"),
  billNumber: " INV-001 ",
  billDate: "2024-02-29",
  dueDate: "2024-03-30",
  termsId: "",
  memo: "",
  lines: [
    { accountId: uid("acc-1"), amount: "1,234.56", description: "Rent", classId: "", locationId: uid("loc-1") },
    { itemId: uid("item-1"), amount: "0.44" },
  ],
};

describe("billSchema", () => {
  it("produces typed, cents-based output with a total", () => {
    expect(billSchema.parse(validBill)).toEqual({
      vendorId: uid("v1"),
      billNumber: "INV-001",
      billDate: "2024-02-29",
      dueDate: "2024-03-30",
      termsId: undefined,
      currency: "USD",
      memo: undefined,
      lines: [
        { accountId: uid("acc-1"), itemId: undefined, description: "Rent", amountCents: 123456, classId: undefined, locationId: uid("loc-1") },
        { accountId: undefined, itemId: uid("item-1"), description: undefined, amountCents: 44, classId: undefined, locationId: undefined },
      ],
      totalCents: 123500,
    });
  });

  it("reports every missing field once, in plain English", () => {
    expect(errorsOf(billSchema, {})).toEqual({
      vendorId: ["Choose a vendor."],
      billNumber: ["Enter the bill number."],
      billDate: ["Enter the bill date."],
      dueDate: ["Enter the due date."],
      lines: ["Add at least one line to the bill."],
    });
  });

  it("rejects impossible dates and a due date before the bill date", () => {
    expect(errorsOf(billSchema, { ...validBill, billDate: "2026-02-29", dueDate: "2026-03-01" })).toEqual({
      billDate: ["Enter the bill date as a real date (YYYY-MM-DD)."],
    });
    expect(errorsOf(billSchema, { ...validBill, dueDate: "2024-02-28" })).toEqual({
      dueDate: ["The due date can't be before the bill date."],
    });
    expect(errorsOf(billSchema, { ...validBill, dueDate: "2024-02-29" })).toEqual({});
  });

  it("limits the bill number to 21 characters", () => {
    expect(errorsOf(billSchema, { ...validBill, billNumber: "x".repeat(21) })).toEqual({});
    expect(errorsOf(billSchema, { ...validBill, billNumber: "x".repeat(22) })).toEqual({
      billNumber: ["The bill number can be at most 21 characters."],
    });
  });

  it("validates each line: account xor item, amount > 0 and strict, description length", () => {
    const errors = errorsOf(billSchema, {
      ...validBill,
      lines: [
        { amount: "10" },
        { accountId: uid("a"), itemId: uid("i"), amount: "10" },
        { accountId: uid("a"), amount: "1.005" },
        { accountId: uid("a"), amount: "0" },
        { accountId: uid("a"), amount: "-5" },
        { accountId: uid("a"), amount: "ten" },
        { accountId: uid("a"), amount: "1", description: "d".repeat(4001) },
        { accountId: uid("a") },
      ],
    });
    expect(errors).toEqual({
      "lines.0.accountId": ["Choose an account or an item for this line."],
      "lines.1.accountId": ["Choose either an account or an item, not both."],
      "lines.2.amount": ["Amounts can have at most 2 decimal places."],
      "lines.3.amount": ["The amount must be more than zero."],
      "lines.4.amount": ["The amount can't be negative."],
      "lines.5.amount": ["Enter an amount like 1,234.56."],
      "lines.6.description": ["The description can be at most 4000 characters."],
      "lines.7.amount": ["Enter an amount."],
    });
  });

  it("accepts a numeric amount from a JS client but still strictly", () => {
    expect(billSchema.parse({ ...validBill, lines: [{ accountId: uid("a"), amount: 12.5 }] }).totalCents).toBe(1250);
    expect(errorsOf(billSchema, { ...validBill, lines: [{ accountId: uid("a"), amount: 0.1 + 0.2 }] })).toEqual({
      "lines.0.amount": ["Amounts can have at most 2 decimal places."],
    });
  });

  it("rejects a total above the maximum", () => {
    const big = { accountId: uid("a"), amount: "99,999,999,999.99" };
    expect(errorsOf(billSchema, { ...validBill, lines: [big, big] })).toEqual({ lines: ["The bill total is too large."] });
  });

  it("normalises currency and drops unknown form keys", () => {
    const parsed = billSchema.parse({ ...validBill, currency: " eur ", $ACTION_ID_123: "" });
    expect(parsed.currency).toBe("EUR");
    expect(parsed).not.toHaveProperty("$ACTION_ID_123");
  });
});

describe("vendorCreditSchema", () => {
  it("parses like a bill", () => {
    expect(
      vendorCreditSchema.parse({ vendorId: uid("v"), creditNumber: "CR-1", creditDate: "2026-01-05", lines: [{ accountId: uid("a"), amount: "25" }] }),
    ).toMatchObject({ creditNumber: "CR-1", totalCents: 2500, lines: [{ amountCents: 2500 }] });
    expect(errorsOf(vendorCreditSchema, { vendorId: uid("v"), creditDate: "2026-01-05", lines: [] })).toEqual({
      creditNumber: ["Enter the credit number."],
      lines: ["Add at least one line to the credit."],
    });
  });
});

describe("invoiceSchema", () => {
  const validInvoice = {
    customerId: uid("c1"),
    invoiceNumber: "1001",
    invoiceDate: "2026-03-01",
    dueDate: "2026-03-31",
    lines: [
      { itemId: uid("i1"), quantity: "1.5", unitPrice: "0.99" },
      { itemId: uid("i2"), quantity: "3", unitPrice: "0.3333", description: "Widgets" },
      { itemId: uid("i3"), quantity: "1", unitPrice: "0.125" },
    ],
  };

  it("computes line amounts as quantity × rate rounded half-up to the cent", () => {
    const parsed = invoiceSchema.parse(validInvoice);
    expect(parsed.lines.map((line) => [line.quantity, line.unitPrice, line.amountCents])).toEqual([
      ["1.5", "0.99", 149],
      ["3", "0.3333", 100],
      ["1", "0.125", 13],
    ]);
    expect(parsed.totalCents).toBe(262);
  });

  it("allows a free line but not a zero total", () => {
    expect(errorsOf(invoiceSchema, { ...validInvoice, lines: [{ itemId: uid("i"), quantity: "1", unitPrice: "0" }] })).toEqual({
      lines: ["The invoice total must be more than zero."],
    });
    expect(errorsOf(invoiceSchema, { ...validInvoice, lines: [...validInvoice.lines, { itemId: uid("i"), quantity: "1", unitPrice: "0" }] })).toEqual({});
  });

  it("validates quantity, rate, item and due date", () => {
    expect(
      errorsOf(invoiceSchema, {
        ...validInvoice,
        dueDate: "2026-02-28",
        lines: [
          { quantity: "1", unitPrice: "1" },
          { itemId: uid("i"), quantity: "0", unitPrice: "1" },
          { itemId: uid("i"), quantity: "1e2", unitPrice: "1" },
          { itemId: uid("i"), quantity: "1.23456", unitPrice: "1" },
          { itemId: uid("i"), quantity: "1", unitPrice: "-1" },
          { itemId: uid("i"), unitPrice: "1" },
        ],
      }),
    ).toEqual({
      dueDate: ["The due date can't be before the invoice date."],
      "lines.0.itemId": ["Choose a product or service."],
      "lines.1.quantity": ["The quantity must be more than zero."],
      "lines.2.quantity": ["Enter the quantity as a number, like 2 or 1.5."],
      "lines.3.quantity": ["The quantity can have at most 4 decimal places."],
      "lines.4.unitPrice": ["The rate can't be negative."],
      "lines.5.quantity": ["Enter a quantity."],
    });
  });

  it("limits the invoice number", () => {
    expect(errorsOf(invoiceSchema, { ...validInvoice, invoiceNumber: "1".repeat(22) })).toEqual({
      invoiceNumber: ["The invoice number can be at most 21 characters."],
    });
  });
});

describe("electronicPaymentSchema", () => {
  const schema = electronicPaymentSchema("2026-03-01");

  it("parses a batch of bills", () => {
    expect(
      schema.parse({ bankAccountId: uid("bank"), processDate: "2026-03-01", payments: [{ billId: uid("b1"), amount: "10.00" }, { billId: uid("b2"), amount: "0.01" }] }),
    ).toEqual({
      bankAccountId: uid("bank"),
      processDate: "2026-03-01",
      payments: [
        { billId: uid("b1"), amountCents: 1000 },
        { billId: uid("b2"), amountCents: 1 },
      ],
    });
  });

  it("refuses past dates, duplicates, empty batches and zero amounts", () => {
    expect(errorsOf(schema, { bankAccountId: "", processDate: "2026-02-28", payments: [{ billId: uid("b1"), amount: "1" }, { billId: uid("b1"), amount: "2" }, { billId: uid("b2"), amount: "0" }] })).toEqual({
      bankAccountId: ["Choose a bank account."],
      processDate: ["The process date can't be in the past."],
      "payments.1.billId": ["This bill is already in this payment run."],
      "payments.2.amount": ["The amount must be more than zero."],
    });
    expect(errorsOf(schema, { bankAccountId: uid("b"), processDate: "2026-03-02" })).toEqual({ payments: ["Select at least one bill to pay."] });
  });
});

describe("markAsPaidSchema", () => {
  const input = { billId: uid("b"), bankAccountId: uid("bank"), paidDate: "2026-02-27", amount: "50", reference: " 1001 " };

  it("turns the checkbox into a boolean", () => {
    expect(markAsPaidSchema.parse({ ...input, syncToQbo: "on" })).toEqual({
      billId: uid("b"),
      bankAccountId: uid("bank"),
      paidDate: "2026-02-27",
      amountCents: 5000,
      reference: "1001",
      syncToQbo: true,
    });
    expect(markAsPaidSchema.parse(input).syncToQbo).toBe(false);
    expect(markAsPaidSchema.parse({ ...input, syncToQbo: "true" }).syncToQbo).toBe(true);
    expect(errorsOf(markAsPaidSchema, { ...input, syncToQbo: "maybe" })).toEqual({ syncToQbo: ["Tick the box or leave it empty."] });
  });

  it("limits the reference to 21 characters", () => {
    expect(errorsOf(markAsPaidSchema, { ...input, reference: "r".repeat(22) })).toEqual({
      reference: ["The reference can be at most 21 characters."],
    });
  });
});

describe("receivedPaymentSchema", () => {
  it("parses a received payment", () => {
    expect(receivedPaymentSchema.parse({ invoiceId: uid("i"), depositAccountId: uid("d"), paymentDate: "2026-03-03", amount: "$1,000", reference: "" })).toEqual({
      invoiceId: uid("i"),
      depositAccountId: uid("d"),
      paymentDate: "2026-03-03",
      amountCents: 100000,
      method: "offline",
      reference: undefined,
      memo: undefined,
    });
    expect(receivedPaymentSchema.parse({ invoiceId: uid("i"), depositAccountId: uid("d"), paymentDate: "2026-03-03", amount: "1", method: "electronic" }).method).toBe("electronic");
    expect(errorsOf(receivedPaymentSchema, { invoiceId: uid("i"), depositAccountId: uid("d"), paymentDate: "2026-03-03", amount: "1", method: "wire" })).toEqual({
      method: ["Choose how the payment was received."],
    });
    expect(errorsOf(receivedPaymentSchema, { invoiceId: uid("i"), paymentDate: "03/03/2026", amount: "1" })).toEqual({
      depositAccountId: ["Choose the account to deposit to."],
      paymentDate: ["Enter the payment date as a real date (YYYY-MM-DD)."],
    });
  });
});

describe("vendorCreditApplicationSchema", () => {
  it("parses applications and refuses duplicates", () => {
    expect(vendorCreditApplicationSchema.parse({ vendorCreditId: uid("c"), applications: [{ billId: uid("b1"), amount: "5" }] })).toEqual({
      vendorCreditId: uid("c"),
      applications: [{ billId: uid("b1"), amountCents: 500 }],
    });
    expect(errorsOf(vendorCreditApplicationSchema, { vendorCreditId: uid("c"), applications: [{ billId: uid("b1"), amount: "5" }, { billId: uid("b1"), amount: "1" }] })).toEqual({
      "applications.1.billId": ["This bill is listed twice."],
    });
    expect(errorsOf(vendorCreditApplicationSchema, { vendorCreditId: "" })).toEqual({
      vendorCreditId: ["Choose a vendor credit."],
      applications: ["Select at least one bill to apply the credit to."],
    });
  });
});

describe("hostile input", () => {
  it("reports errors instead of throwing on wrong shapes", () => {
    const schemas: z.ZodType[] = [
      vendorSchema,
      billSchema,
      vendorCreditSchema,
      invoiceSchema,
      electronicPaymentSchema("2026-03-01"),
      markAsPaidSchema,
      receivedPaymentSchema,
      vendorCreditApplicationSchema,
    ];
    const inputs: unknown[] = [
      null,
      "text",
      42,
      [],
      { lines: "x", payments: "x", applications: "x", billDate: 5, dueDate: {}, vendorId: ["a"] },
      { lines: [null, "x", 3], payments: [null, { billId: 5 }], applications: [{}], processDate: "2026-03-05" },
    ];
    for (const schema of schemas) {
      for (const input of inputs) {
        const result = schema.safeParse(input);
        expect(result.success).toBe(false);
      }
    }
  });
});

describe("ids, amounts and currencies a forged form can send (issue 12)", () => {
  const validInvoice = {
    customerId: uid("c1"),
    invoiceNumber: "1001",
    invoiceDate: "2026-03-01",
    dueDate: "2026-03-31",
    lines: [{ itemId: uid("i1"), quantity: "2", unitPrice: "10" }],
  };

  it("turns a non-UUID id in any picker into that field's error, not a database error", () => {
    expect(errorsOf(billSchema, {
      ...validBill,
      vendorId: "not-a-uuid",
      termsId: "1 or 1=1",
      lines: [{ accountId: "not-a-uuid", amount: "1", classId: "x", locationId: "42" }, { itemId: "item-1", amount: "1" }],
    })).toEqual({
      vendorId: ["Choose a vendor."],
      termsId: ["Choose terms from the list."],
      "lines.0.accountId": ["Choose an account from the list."],
      "lines.0.classId": ["Choose a class from the list."],
      "lines.0.locationId": ["Choose a location from the list."],
      "lines.1.itemId": ["Choose an item from the list."],
    });
    expect(errorsOf(invoiceSchema, { ...validInvoice, customerId: "c1", lines: [{ itemId: "i1", quantity: "1", unitPrice: "1" }] })).toEqual({
      customerId: ["Choose a customer."],
      "lines.0.itemId": ["Choose a product or service."],
    });
    expect(errorsOf(markAsPaidSchema, { billId: "b", bankAccountId: "bank", paidDate: "2026-02-27", amount: "5" })).toEqual({
      billId: ["Choose a bill."],
      bankAccountId: ["Choose the bank account it was paid from."],
    });
    expect(errorsOf(receivedPaymentSchema, { invoiceId: "i", depositAccountId: "d", paymentDate: "2026-03-03", amount: "1" })).toEqual({
      invoiceId: ["Choose an invoice."],
      depositAccountId: ["Choose the account to deposit to."],
    });
    expect(errorsOf(electronicPaymentSchema("2026-03-01"), { bankAccountId: "bank", processDate: "2026-03-01", payments: [{ billId: "b1", amount: "1" }] })).toEqual({
      bankAccountId: ["Choose a bank account."],
      "payments.0.billId": ["Choose a bill."],
    });
    expect(errorsOf(vendorCreditApplicationSchema, { vendorCreditId: "c", applications: [{ billId: "b1", amount: "1" }] })).toEqual({
      vendorCreditId: ["Choose a vendor credit."],
      "applications.0.billId": ["Choose a bill."],
    });
  });

  it("refuses a quantity, rate or quantity × rate the database cannot hold", () => {
    const line = (quantity: string, unitPrice: string) => errorsOf(invoiceSchema, { ...validInvoice, lines: [{ itemId: uid("i1"), quantity, unitPrice }] });
    expect(line("999999999999999", "1")).toEqual({ "lines.0.quantity": ["The quantity is too large."] });
    expect(line("1", "999999999999999")).toEqual({ "lines.0.unitPrice": ["The rate is too large."] });
    expect(line("99999999999999", "99999999999")).toEqual({ "lines.0.quantity": ["The line amount (quantity × rate) is too large."] });
    expect(line("10000000", "1000000")).toEqual({ "lines.0.quantity": ["The line amount (quantity × rate) is too large."] });
    // The largest amount still fits.
    expect(line("1", "99,999,999,999.99")).toEqual({});
    expect(line("12345678901234", "0.0001")).toEqual({});
  });

  it("accepts ISO 4217 currency codes only", () => {
    expect(errorsOf(billSchema, { ...validBill, currency: "ZZZ" })).toEqual({ currency: ["Use a real currency code (ISO 4217), like USD, EUR or CAD."] });
    expect(errorsOf(invoiceSchema, { ...validInvoice, currency: "abc" })).toEqual({ currency: ["Use a real currency code (ISO 4217), like USD, EUR or CAD."] });
    expect(billSchema.parse({ ...validBill, currency: "cad" }).currency).toBe("CAD");
    expect(errorsOf(billSchema, { ...validBill, currency: "EUR" })).toEqual({});
  });
});

describe("time zone settings", () => {
  it("accepts an IANA zone and stores the runtime's spelling", () => {
    expect(timeZoneSchema.parse("America/New_York")).toBe("America/New_York");
    expect(timeZoneSchema.parse(" UTC ")).toBe("UTC");
  });

  it.each(["", "Mars/Base", "+05:00", undefined])("refuses %j with a message for a person", (value) => {
    const result = timeZoneSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/Choose a time zone/);
  });

  it("falls back to UTC for a browser that names no usable zone", () => {
    expect(browserTimeZoneSchema.parse("Europe/Berlin")).toBe("Europe/Berlin");
    expect(browserTimeZoneSchema.parse("")).toBe("UTC");
    expect(browserTimeZoneSchema.parse(undefined)).toBe("UTC");
    expect(browserTimeZoneSchema.parse("Not/AZone")).toBe("UTC");
  });
});
