import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connection";
import { billPayments, fundsTransfers } from "@/lib/db/schema";
import { createBill } from "@/lib/bills/bill-repository";
import { billForm, createApOrg } from "@/lib/bills/test-fixtures";
import { setOrganizationTimeZone } from "@/lib/orgs/organizations";
import { createTestDatabase } from "@/lib/testing/test-database";
import { processDuePaymentsAt, scheduleElectronicPayments, settleProcessingPaymentsAt } from "./payment-repository";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

/** 01:00 UTC on 4 December is still the evening of 3 December in New York (UTC−5). */
const NEW_YORK_EVENING = new Date("2026-12-04T01:00:00Z");

async function orgWithTwoScheduledPayments(label: string, timeZone: string) {
  const org = await createApOrg(handle.db, label);
  await setOrganizationTimeZone(handle.db, org.actor, timeZone);
  const dec3 = (await createBill(handle.db, org.actor, billForm(org, { amounts: [120_00], billDate: "2026-11-20", dueDate: "2026-12-03" }))).id;
  const dec4 = (await createBill(handle.db, org.actor, billForm(org, { amounts: [80_00], billDate: "2026-11-20", dueDate: "2026-12-04" }))).id;
  await scheduleElectronicPayments(handle.db, org.actor, { bankAccountId: org.checking, processDate: "2026-12-03", payments: [{ billId: dec3, amountCents: 120_00 }] }, "2026-12-03");
  await scheduleElectronicPayments(handle.db, org.actor, { bankAccountId: org.checking, processDate: "2026-12-04", payments: [{ billId: dec4, amountCents: 80_00 }] }, "2026-12-03");
  return { org, dec3, dec4 };
}

async function statusOf(billId: string) {
  const [payment] = await handle.db.select().from(billPayments).where(eq(billPayments.billId, billId));
  return payment!;
}

describe("the day payments are grouped into funds transfers follows the organisation's time zone", () => {
  it("at 01:00Z an America/New_York organisation is still on the previous day", async () => {
    const { org, dec3, dec4 } = await orgWithTwoScheduledPayments("Gotham", "America/New_York");
    const processed = await processDuePaymentsAt(handle.db, org.actor, NEW_YORK_EVENING);
    expect(processed).toMatchObject({ paymentCount: 1, totalCents: 120_00 });
    const transfers = await handle.db.select().from(fundsTransfers).where(eq(fundsTransfers.organizationId, org.organizationId));
    expect(transfers.map((t) => [t.transferDate, t.amountCents])).toEqual([["2026-12-03", 120_00]]);
    expect((await statusOf(dec3)).status).toBe("processing");
    // Tomorrow's payment (in New York) waits, although UTC has already reached 4 December.
    expect((await statusOf(dec4)).status).toBe("scheduled");

    await settleProcessingPaymentsAt(handle.db, org.actor, NEW_YORK_EVENING);
    expect(await statusOf(dec3)).toMatchObject({ status: "paid", paidDate: "2026-12-03" });
  });

  it("the same instant is already the next day for a UTC organisation", async () => {
    const { org, dec4 } = await orgWithTwoScheduledPayments("Greenwich", "UTC");
    const processed = await processDuePaymentsAt(handle.db, org.actor, NEW_YORK_EVENING);
    expect(processed).toMatchObject({ paymentCount: 2, totalCents: 200_00 });
    expect((await statusOf(dec4)).status).toBe("processing");
  });
});
