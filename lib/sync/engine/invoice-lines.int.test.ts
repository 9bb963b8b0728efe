/**
 * Real-world invoice lines through the sandbox over HTTP: a bundle (GroupLineDetail) comes in as
 * its component lines adding up to the total, and an invoice with a line type the app does not
 * model is skipped with LINES_NOT_SUPPORTED instead of being imported with another total.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceLines, invoices, syncIssues } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/forms/action-result";
import { startSandboxServer, type SandboxServer } from "@/lib/qbo-sandbox";
import { invoiceLineRows } from "@/lib/invoices/line-groups";
import { getInvoiceDetail } from "@/lib/invoices/queries";
import { updateInvoice } from "@/lib/invoices/save-invoice";
import { sandboxClientFactory } from "@/lib/sync/engine/sandbox-client-factory";
import { orgWithSandboxCompany, setStandardPreferences, syncNow } from "@/lib/sync/engine/sandbox-org";
import type { DatabaseHandle } from "@/lib/db/connection";
import { createTestDatabase } from "@/lib/testing/test-database";

/** The sandbox writes only line types the app knows; this stands in for QBO sending one it does not. */
const UNKNOWN_LINE = { Id: "90", LineNum: 90, Amount: 5, DetailType: "FutureLineDetail", FutureLineDetail: {} };
const UNKNOWN_DOC = "U-1";

function withUnknownLine(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withUnknownLine);
  if (typeof value !== "object" || value === null) return value;
  const record = Object.fromEntries(Object.entries(value).map(([key, member]) => [key, withUnknownLine(member)]));
  if (record["DocNumber"] === UNKNOWN_DOC && Array.isArray(record["Line"])) {
    record["Line"] = [...record["Line"], UNKNOWN_LINE];
    record["TotalAmt"] = Number(record["TotalAmt"]) + UNKNOWN_LINE.Amount;
    record["Balance"] = Number(record["Balance"]) + UNKNOWN_LINE.Amount;
  }
  return record;
}

const injectingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (!(response.headers.get("content-type") ?? "").includes("json")) return response;
  const body = withUnknownLine(await response.json());
  return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
};

let handle: DatabaseHandle;
let server: SandboxServer;
let qbo: ReturnType<typeof sandboxClientFactory>;

beforeAll(async () => {
  handle = await createTestDatabase();
  server = await startSandboxServer({ port: 0, throttling: false });
  qbo = sandboxClientFactory(server, { fetch: injectingFetch });
});
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

describe("invoice lines from QBO, to the cent", () => {
  let org: Awaited<ReturnType<typeof orgWithSandboxCompany>>;
  let bundleInvoiceQboId: string;
  let unknownInvoiceQboId: string;

  beforeAll(async () => {
    org = await orgWithSandboxCompany(handle.db, server, qbo, { vendors: 1, customers: 2, bills: 0, invoices: 0, randomSeed: 13 });
    await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    await setStandardPreferences(handle.db, org.organizationId, org.userId);

    const client = (await qbo.factory(org.organizationId))!.client;
    const [customer] = await client.query("Customer", "Active = true");
    const itemId = async (name: string) => String((await client.query("Item", `Name = '${name}'`))[0]?.Id);
    const hours = await itemId("Hours");
    const design = await itemId("Design");
    const act = (fields: Record<string, unknown>, entity: "Item" | "Invoice") =>
      String(server.sandbox.act(org.realmId, [{ type: "create", entity, fields: fields as never }]).results[0]?.["Id"]);
    const kit = act({ Name: "Starter Kit", Type: "Group", ItemGroupDetail: { ItemGroupLine: [{ ItemRef: { value: hours }, Qty: 2 }, { ItemRef: { value: design }, Qty: 1 }] } }, "Item");
    const customerRef = { value: String(customer?.Id) };
    bundleInvoiceQboId = act(
      {
        CustomerRef: customerRef,
        DocNumber: "K-1",
        Line: [
          { DetailType: "SalesItemLineDetail", Amount: 100, Description: "Setup", SalesItemLineDetail: { ItemRef: { value: hours }, Qty: 1, UnitPrice: 100 } },
          {
            DetailType: "GroupLineDetail",
            GroupLineDetail: {
              GroupItemRef: { value: kit },
              Quantity: 2,
              Line: [
                { DetailType: "SalesItemLineDetail", Amount: 380, SalesItemLineDetail: { ItemRef: { value: hours }, Qty: 4, UnitPrice: 95 } },
                { DetailType: "SalesItemLineDetail", Amount: 240.5, SalesItemLineDetail: { ItemRef: { value: design }, Qty: 2, UnitPrice: 120.25 } },
              ],
            },
          },
          { DetailType: "DiscountLineDetail", Amount: 20.25, DiscountLineDetail: { PercentBased: false } },
        ],
      },
      "Invoice",
    );
    unknownInvoiceQboId = act(
      { CustomerRef: customerRef, DocNumber: UNKNOWN_DOC, Line: [{ DetailType: "SalesItemLineDetail", Amount: 50, SalesItemLineDetail: { ItemRef: { value: hours } } }] },
      "Invoice",
    );
    await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
  });

  it("imports the bundle as its components under the bundle's name, adding up to QBO's total", async () => {
    const qboInvoice = server.sandbox.getRecord(org.realmId, "Invoice", bundleInvoiceQboId)!;
    expect(qboInvoice["TotalAmt"]).toBe(700.25);
    const [invoice] = await handle.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.organizationId, org.organizationId), eq(invoices.qboId, bundleInvoiceQboId)));
    expect(invoice?.totalCents).toBe(70_025);
    const lines = await handle.db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoice!.id))
      .orderBy(asc(invoiceLines.position));
    expect(lines.map((line) => [line.amountCents, line.bundleName, line.bundleQuantity])).toEqual([
      [10_000, null, null],
      [38_000, "Starter Kit", "2.0000"],
      [24_050, "Starter Kit", "2.0000"],
      [-2_025, null, null],
    ]);
    expect(lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(invoice!.totalCents);

    // What the invoice page shows: "Bundle: Starter Kit" heading its two components.
    const detail = await getInvoiceDetail(handle.db, org.organizationId, invoice!.id);
    const rows = invoiceLineRows(detail!.lines).map((row) => (row.kind === "bundle" ? `Bundle: ${row.name} = ${row.amountCents}` : `${row.line.itemName ?? "—"}${row.inBundle ? " (in bundle)" : ""}`));
    expect(rows).toEqual(["Hours", "Bundle: Starter Kit = 62050", "Hours (in bundle)", "Design (in bundle)", "—"]);
  });

  it("shows the invoice with an unknown line type as skipped, naming the type, and does not import it", async () => {
    const imported = await handle.db
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.organizationId, org.organizationId), eq(invoices.invoiceNumber, UNKNOWN_DOC)));
    expect(imported).toHaveLength(0);
    const issues = await handle.db
      .select()
      .from(syncIssues)
      .where(and(eq(syncIssues.organizationId, org.organizationId), eq(syncIssues.qboId, unknownInvoiceQboId), isNull(syncIssues.resolvedAt)));
    expect(issues.map((issue) => [issue.objectType, issue.reasonCode, issue.severity])).toEqual([["invoice", "LINES_NOT_SUPPORTED", "skip"]]);
    expect(issues[0]?.detail).toContain("has lines Ledgerbridge can’t show yet: FutureLineDetail");
  });

  it("a re-sync changes nothing, and the bundle invoice cannot be edited in the app (so no flat lines reach QBO)", async () => {
    const statsBefore = server.sandbox.getStats(org.realmId);
    const summary = await syncNow(handle.db, org.organizationId, { clientFactory: qbo.factory });
    expect(server.sandbox.getStats(org.realmId).writes - statsBefore.writes).toBe(0);
    expect(summary.counts["invoice"]?.updated ?? 0).toBe(0);

    const [invoice] = await handle.db.select().from(invoices).where(and(eq(invoices.organizationId, org.organizationId), eq(invoices.qboId, bundleInvoiceQboId)));
    const edit = updateInvoice(handle.db, { organizationId: org.organizationId, userId: org.userId }, invoice!.id, {
      customerId: invoice!.customerId,
      invoiceNumber: "K-1",
      invoiceDate: invoice!.invoiceDate,
      dueDate: invoice!.dueDate,
      currency: "USD",
      totalCents: 100,
      lines: [],
    } as never);
    await expect(edit).rejects.toBeInstanceOf(UserFacingError);
    await expect(edit).rejects.toThrow(/bundle from QuickBooks/);
  });
});
