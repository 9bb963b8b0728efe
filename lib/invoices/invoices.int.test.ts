import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceSchema, receivedPaymentSchema, type InvoiceInput } from "@/lib/ap";
import { listAudit } from "@/lib/audit/record-audit";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { accounts, customers, invoices, items, receivedPayments, terms } from "@/lib/db/schema";
import { seedReferenceData } from "@/lib/demo/seed-demo";
import { UserFacingError } from "@/lib/forms/action-result";
import { getReceivedPaymentDetail } from "@/lib/received-payments/queries";
import { receivePayment, voidReceivedPayment } from "@/lib/received-payments/receive-payment";
import { listAccounts, listClasses, listItems, listLocations, listTerms } from "@/lib/reference/queries";
import { createTestDatabase } from "@/lib/testing/test-database";
import { parseInvoiceListQuery } from "./list-query";
import { getInvoice, getInvoiceDetail, listInvoices } from "./queries";
import { createInvoice, updateInvoice } from "./save-invoice";
import { seedDemoInvoices } from "./seed-invoices";
import { voidInvoice } from "./void-invoice";

let handle: DatabaseHandle;
type Org = { organizationId: string; userId: string; customerId: string; itemId: string; itemPriceCents: number; depositId: string; net30Id: string };
let a: Org;
let b: Org;

async function makeOrg(label: string): Promise<Org> {
  const { user, organization } = await signUp(handle.db, {
    name: `${label} Person`,
    email: `${label.toLowerCase()}@example.com`,
    password: "a long enough password",
    organizationName: `${label} Landscaping`,
  });
  await seedReferenceData(handle.db, organization.id);
  const org = organization.id;
  const [customer] = await handle.db.select().from(customers).where(eq(customers.organizationId, org)).limit(1);
  const [item] = await handle.db.select().from(items).where(and(eq(items.organizationId, org), eq(items.name, "Lawn care visit")));
  const [deposit] = await handle.db.select().from(accounts).where(and(eq(accounts.organizationId, org), eq(accounts.name, "Undeposited Funds")));
  const [net30] = await handle.db.select().from(terms).where(and(eq(terms.organizationId, org), eq(terms.name, "Net 30")));
  return {
    organizationId: org,
    userId: user.id,
    customerId: customer!.id,
    itemId: item!.id,
    itemPriceCents: item!.unitPriceCents!,
    depositId: deposit!.id,
    net30Id: net30!.id,
  };
}

function invoiceInput(org: Org, overrides: Partial<InvoiceInput> = {}) {
  return invoiceSchema.parse({
    customerId: org.customerId,
    invoiceNumber: "1001",
    invoiceDate: "2026-10-01",
    dueDate: "2026-10-31",
    termsId: org.net30Id,
    memo: "October visits",
    lines: [
      { itemId: org.itemId, description: "Weekly visit", quantity: "2", unitPrice: "85.00" },
      { itemId: org.itemId, quantity: "1.5", unitPrice: "10.01" },
    ],
    ...overrides,
  });
}

const actorOf = (org: Org) => ({ organizationId: org.organizationId, userId: org.userId });

async function expectUserError(promise: Promise<unknown>, pattern: RegExp, field?: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  const userError = error as UserFacingError;
  if (field) expect(userError.fieldErrors?.[field]?.[0]).toMatch(pattern);
  else expect(userError.message).toMatch(pattern);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  a = await makeOrg("Alpha");
  b = await makeOrg("Beta");
});
afterAll(async () => handle?.close());

describe("invoices", () => {
  it("creates an invoice with exact line amounts, derived status, and an audit entry", async () => {
    const { id } = await createInvoice(handle.db, actorOf(a), invoiceInput(a));
    const detail = await getInvoiceDetail(handle.db, a.organizationId, id);
    // 2 × 85.00 + 1.5 × 10.01 (15.015 → 15.02)
    expect(detail?.invoice).toMatchObject({ totalCents: 18_502, openBalanceCents: 18_502, status: "unpaid", invoiceNumber: "1001" });
    expect(detail?.lines.map((line) => [line.itemName, line.amountCents])).toEqual([
      ["Lawn care visit", 17_000],
      ["Lawn care visit", 1_502],
    ]);
    expect(detail?.termsName).toBe("Net 30");
    const audit = await listAudit(handle.db, a.organizationId, "invoice", id);
    expect(audit[0]?.action).toBe("created");
    expect(audit[0]?.changes.find((change) => change.field === "total")?.new).toBe("$185.02");
  });

  it("edits an invoice, replacing lines and recording what changed", async () => {
    const { id } = await createInvoice(handle.db, actorOf(a), invoiceInput(a, { invoiceNumber: "1002" }));
    await updateInvoice(handle.db, actorOf(a), id, invoiceInput(a, { invoiceNumber: "1002", memo: "", lines: [{ itemId: a.itemId, quantity: "3", unitPrice: "100" }] }));
    const detail = await getInvoiceDetail(handle.db, a.organizationId, id);
    expect(detail?.invoice).toMatchObject({ totalCents: 30_000, openBalanceCents: 30_000, memo: null });
    expect(detail?.lines).toHaveLength(1);
    const [latest] = await listAudit(handle.db, a.organizationId, "invoice", id);
    expect(latest?.action).toBe("updated");
    expect(latest?.changes.map((change) => change.field).sort()).toEqual(["lines", "memo", "total"]);
  });

  it("refuses a duplicate invoice number and foreign ids, changing nothing", async () => {
    const before = await handle.db.select().from(invoices).where(eq(invoices.organizationId, a.organizationId));
    await expectUserError(createInvoice(handle.db, actorOf(a), invoiceInput(a, { invoiceNumber: "1001" })), /already uses number 1001/, "invoiceNumber");
    await expectUserError(createInvoice(handle.db, actorOf(a), invoiceInput(a, { invoiceNumber: "X1", customerId: b.customerId })), /Choose a customer/, "customerId");
    await expectUserError(
      createInvoice(handle.db, actorOf(a), invoiceInput(a, { invoiceNumber: "X2", lines: [{ itemId: b.itemId, quantity: "1", unitPrice: "5" }] })),
      /product or service/,
      "lines.0.itemId",
    );
    await expectUserError(createInvoice(handle.db, actorOf(a), invoiceInput(a, { invoiceNumber: "X3", termsId: b.net30Id })), /terms/, "termsId");
    const after = await handle.db.select().from(invoices).where(eq(invoices.organizationId, a.organizationId));
    expect(after).toHaveLength(before.length);
  });

  it("partial then full payment: partially paid, then paid; voiding a payment reopens the invoice", async () => {
    const { id } = await createInvoice(handle.db, actorOf(a), invoiceInput(a, { invoiceNumber: "2001" }));
    const pay = (amount: string) =>
      receivePayment(
        handle.db,
        actorOf(a),
        receivedPaymentSchema.parse({ invoiceId: id, depositAccountId: a.depositId, paymentDate: "2026-10-10", amount, reference: "CHK 77" }),
      );
    const first = await pay("85.02");
    expect(await getInvoice(handle.db, a.organizationId, id)).toMatchObject({ status: "partially_paid", openBalanceCents: 10_000 });
    await expectUserError(pay("100.01"), /more than the open balance of \$100\.00/, "amount");
    await pay("100.00");
    expect(await getInvoice(handle.db, a.organizationId, id)).toMatchObject({ status: "paid", openBalanceCents: 0 });
    await expectUserError(pay("1.00"), /already paid in full/);

    await voidReceivedPayment(handle.db, actorOf(a), first.id);
    expect(await getInvoice(handle.db, a.organizationId, id)).toMatchObject({ status: "partially_paid", openBalanceCents: 8_502 });
    await expectUserError(voidReceivedPayment(handle.db, actorOf(a), first.id), /already voided/);
    const invoiceAudit = await listAudit(handle.db, a.organizationId, "invoice", id);
    expect(invoiceAudit.map((event) => event.action)).toContain("had a payment of $85.02 voided");
    const paymentAudit = await listAudit(handle.db, a.organizationId, "received_payment", first.id);
    expect(paymentAudit.map((event) => event.action).sort()).toEqual(["created", "voided"]);
    // Its own page: invoice, customer, deposit account; another organisation (or a malformed id) gets nothing.
    expect(await getReceivedPaymentDetail(handle.db, a.organizationId, first.id)).toMatchObject({
      invoiceId: id,
      customerId: a.customerId,
      amountCents: 8_502,
      reference: "CHK 77",
      status: "voided",
      depositAccountName: "Undeposited Funds",
    });
    expect(await getReceivedPaymentDetail(handle.db, b.organizationId, first.id)).toBeNull();
    expect(await getReceivedPaymentDetail(handle.db, a.organizationId, "1 OR 1=1")).toBeNull();
  });

  it("refuses deposit accounts that can't take deposits and a total below what was received", async () => {
    const { id } = await createInvoice(handle.db, actorOf(a), invoiceInput(a, { invoiceNumber: "2002" }));
    const [income] = await listAccounts(handle.db, a.organizationId, { types: ["Income"] });
    await expectUserError(
      receivePayment(handle.db, actorOf(a), receivedPaymentSchema.parse({ invoiceId: id, depositAccountId: income!.id, paymentDate: "2026-10-10", amount: "5" })),
      /bank account or Undeposited Funds/,
      "depositAccountId",
    );
    await receivePayment(handle.db, actorOf(a), receivedPaymentSchema.parse({ invoiceId: id, depositAccountId: a.depositId, paymentDate: "2026-10-10", amount: "150" }));
    await expectUserError(
      updateInvoice(handle.db, actorOf(a), id, invoiceInput(a, { invoiceNumber: "2002", lines: [{ itemId: a.itemId, quantity: "1", unitPrice: "100" }] })),
      /already received/,
      "lines",
    );
    expect(await getInvoice(handle.db, a.organizationId, id)).toMatchObject({ totalCents: 18_502, status: "partially_paid" });
  });

  it("voids an invoice only when no live payments remain", async () => {
    const { id } = await createInvoice(handle.db, actorOf(a), invoiceInput(a, { invoiceNumber: "3001" }));
    const payment = await receivePayment(
      handle.db,
      actorOf(a),
      receivedPaymentSchema.parse({ invoiceId: id, depositAccountId: a.depositId, paymentDate: "2026-10-02", amount: "20" }),
    );
    await expectUserError(voidInvoice(handle.db, actorOf(a), id), /Void that payment first/);
    expect(await getInvoice(handle.db, a.organizationId, id)).toMatchObject({ status: "partially_paid" });
    await voidReceivedPayment(handle.db, actorOf(a), payment.id);
    await voidInvoice(handle.db, actorOf(a), id);
    expect(await getInvoice(handle.db, a.organizationId, id)).toMatchObject({ status: "voided", openBalanceCents: 0 });
    await expectUserError(
      receivePayment(handle.db, actorOf(a), receivedPaymentSchema.parse({ invoiceId: id, depositAccountId: a.depositId, paymentDate: "2026-10-02", amount: "1" })),
      /voided/,
    );
    await expectUserError(updateInvoice(handle.db, actorOf(a), id, invoiceInput(a, { invoiceNumber: "3001" })), /voided invoice can't be edited/);
  });
});

describe("organisation isolation", () => {
  it("org B's ids used with org A find nothing and change nothing", async () => {
    const { id: bInvoice } = await createInvoice(handle.db, actorOf(b), invoiceInput(b, { invoiceNumber: "9001" }));
    const bPayment = await receivePayment(
      handle.db,
      actorOf(b),
      receivedPaymentSchema.parse({ invoiceId: bInvoice, depositAccountId: b.depositId, paymentDate: "2026-10-05", amount: "10" }),
    );
    expect(await getInvoice(handle.db, a.organizationId, bInvoice)).toBeNull();
    expect(await getInvoiceDetail(handle.db, a.organizationId, bInvoice)).toBeNull();
    const aList = await listInvoices(handle.db, a.organizationId, parseInvoiceListQuery({ q: "9001" }));
    expect(aList.total).toBe(0);
    await expectUserError(updateInvoice(handle.db, actorOf(a), bInvoice, invoiceInput(a, { invoiceNumber: "9001" })), /no longer exists/);
    await expectUserError(voidInvoice(handle.db, actorOf(a), bInvoice), /no longer exists/);
    await expectUserError(voidReceivedPayment(handle.db, actorOf(a), bPayment.id), /no longer exists/);
    await expectUserError(
      receivePayment(handle.db, actorOf(a), receivedPaymentSchema.parse({ invoiceId: bInvoice, depositAccountId: a.depositId, paymentDate: "2026-10-05", amount: "1" })),
      /no longer exists/,
    );
    // A's own invoice with B's deposit account is refused too.
    const { id: aInvoice } = await createInvoice(handle.db, actorOf(a), invoiceInput(a, { invoiceNumber: "4001" }));
    await expectUserError(
      receivePayment(handle.db, actorOf(a), receivedPaymentSchema.parse({ invoiceId: aInvoice, depositAccountId: b.depositId, paymentDate: "2026-10-05", amount: "1" })),
      /bank account or Undeposited Funds/,
      "depositAccountId",
    );
    expect(await getInvoice(handle.db, b.organizationId, bInvoice)).toMatchObject({ status: "partially_paid", openBalanceCents: 17_502 });
    const [bPaymentRow] = await handle.db.select().from(receivedPayments).where(eq(receivedPayments.id, bPayment.id));
    expect(bPaymentRow?.status).toBe("paid");
  });

  it("reference pickers only list the organisation's own entries", async () => {
    const [aAccounts, bAccounts] = await Promise.all([listAccounts(handle.db, a.organizationId), listAccounts(handle.db, b.organizationId)]);
    expect(aAccounts.length).toBeGreaterThan(0);
    expect(aAccounts.every((row) => row.organizationId === a.organizationId)).toBe(true);
    const bIds = new Set(bAccounts.map((row) => row.id));
    expect(aAccounts.some((row) => bIds.has(row.id))).toBe(false);
    for (const list of [listItems, listClasses, listLocations, listTerms]) {
      const rows = await list(handle.db, a.organizationId);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.organizationId === a.organizationId)).toBe(true);
    }
    const deposits = await listAccounts(handle.db, a.organizationId, { types: ["Bank", "Other Current Asset"] });
    expect(deposits.map((row) => row.accountType).every((type) => type === "Bank" || type === "Other Current Asset")).toBe(true);
    const items = await listItems(handle.db, a.organizationId);
    expect(items.find((row) => row.name === "Maple tree (10 gal)")).toMatchObject({ incomeAccountName: "Plant Sales", expenseAccountName: "Cost of Goods Sold" });
  });
});

describe("10,000 seeded invoices", () => {
  it("seeds a realistic mix and lists one page with totals over all matches", async () => {
    const result = await seedDemoInvoices(handle.db, b.organizationId, { count: 10_000, today: "2026-11-25" });
    expect(result.invoices).toBe(10_000);
    const statusCounts = await handle.query<{ status: string; n: number }>(
      "select status, count(*)::int as n from invoices where organization_id = $1 group by status",
      [b.organizationId],
    );
    const byStatus = Object.fromEntries(statusCounts.map((row) => [row.status, row.n]));
    expect(byStatus.voided).toBeGreaterThanOrEqual(1);
    for (const status of ["unpaid", "partially_paid", "paid"]) expect(byStatus[status]).toBeGreaterThan(500);

    // Stored status and balance agree with the payments for every seeded invoice.
    const [mismatch] = await handle.query<{ n: number }>(
      `select count(*)::int as n from invoices i
         left join (select invoice_id, sum(amount_cents) as paid from received_payments where status = 'paid' group by invoice_id) p on p.invoice_id = i.id
        where i.organization_id = $1 and i.voided_at is null and i.open_balance_cents <> i.total_cents - coalesce(p.paid, 0)`,
      [b.organizationId],
    );
    expect(mismatch?.n).toBe(0);

    const page = await listInvoices(handle.db, b.organizationId, parseInvoiceListQuery({ status: "unpaid", sort: "total", dir: "desc", page: "3" }));
    expect(page.rows).toHaveLength(25);
    expect(page.total).toBe(byStatus.unpaid);
    expect(page.rows.every((row) => row.status === "unpaid")).toBe(true);
    const totals = page.rows.map((row) => row.totalCents);
    expect(totals).toEqual([...totals].sort((x, y) => y - x));
    const [sums] = await handle.query<{ total: string }>(
      "select sum(total_cents)::text as total from invoices where organization_id = $1 and status = 'unpaid'",
      [b.organizationId],
    );
    expect(page.totalCents).toBe(Number(sums?.total));
    expect(page.openBalanceCents).toBe(page.totalCents);
  }, 120_000);
});
