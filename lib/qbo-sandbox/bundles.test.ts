import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get, idWhere, postOk, startFixture, type SandboxFixture } from "./test-support";
import type { JsonObject } from "./types";

/**
 * Invoice bundles (GroupLineDetail), per Intuit's Invoice reference: GroupItemRef, Quantity
 * (default 1) and the component SalesItemLines in GroupLineDetail.Line, returned in responses.
 */
let fx: SandboxFixture;
let customerId: string;
let pumpId: string;
let rockId: string;
let kitId: string;

beforeAll(async () => {
  fx = await startFixture({ companyName: "Bundle Co" });
  customerId = String((await postOk(fx, "/customer", { DisplayName: "Fountain Buyer" }, "Customer"))["Id"]);
  pumpId = String((await postOk(fx, "/item", { Name: "Pump", Type: "Service", UnitPrice: 19 }, "Item"))["Id"]);
  rockId = String((await postOk(fx, "/item", { Name: "Rock", Type: "Service", UnitPrice: 5.15 }, "Item"))["Id"]);
  kitId = String(
    (await postOk(
      fx,
      "/item",
      { Name: "Fountain Kit", Type: "Group", ItemGroupDetail: { ItemGroupLine: [{ ItemRef: { value: pumpId }, Qty: 1 }, { ItemRef: { value: rockId }, Qty: 2 }] } },
      "Item",
    ))["Id"],
  );
});
afterAll(async () => fx.close());

const component = (itemId: string, qty: number, unitPrice: number, amount: number) => ({
  DetailType: "SalesItemLineDetail",
  Amount: amount,
  SalesItemLineDetail: { ItemRef: { value: itemId }, Qty: qty, UnitPrice: unitPrice },
});

describe("GroupLineDetail on invoices", () => {
  it("keeps the components sent; the bundle's Amount is their sum and they count in TotalAmt", async () => {
    const servicesId = await idWhere(fx, "Item", "Name = 'Services'");
    const invoice = await postOk(
      fx,
      "/invoice",
      {
        CustomerRef: { value: customerId },
        DocNumber: "B-1",
        Line: [
          { DetailType: "SalesItemLineDetail", Amount: 100, SalesItemLineDetail: { ItemRef: { value: servicesId } } },
          {
            DetailType: "GroupLineDetail",
            GroupLineDetail: { GroupItemRef: { value: kitId }, Quantity: 3, Line: [component(pumpId, 3, 19, 57), component(rockId, 3, 5.15, 15.45)] },
          },
        ],
      },
      "Invoice",
    );
    expect(invoice["TotalAmt"]).toBe(172.45);
    const group = get(invoice, "Line", 1) as JsonObject;
    expect(group["DetailType"]).toBe("GroupLineDetail");
    expect(group["Amount"]).toBe(72.45);
    expect(get(group, "GroupLineDetail", "Quantity")).toBe(3);
    expect(get(group, "GroupLineDetail", "GroupItemRef", "name")).toBe("Fountain Kit");
    expect((get(group, "GroupLineDetail", "Line") as JsonObject[]).map((line) => [line["Id"], line["Amount"]])).toEqual([
      ["3", 57],
      ["4", 15.45],
    ]);
    expect(get(invoice, "Line", 2, "DetailType")).toBe("SubTotalLineDetail");

    const read = await fx.api(`/invoice/${String(invoice["Id"])}`);
    expect(get(read.body, "Invoice", "Line", 1, "GroupLineDetail", "Line", 1, "SalesItemLineDetail", "ItemRef", "name")).toBe("Rock");
  });

  it("expands a bundle sent by GroupItemRef alone from the group item's ItemGroupDetail", async () => {
    const invoice = await postOk(
      fx,
      "/invoice",
      { CustomerRef: { value: customerId }, DocNumber: "B-2", Line: [{ DetailType: "GroupLineDetail", GroupLineDetail: { GroupItemRef: { value: kitId }, Quantity: 2 } }] },
      "Invoice",
    );
    // 2 kits: 2 pumps at 19.00 and 4 rocks at 5.15.
    expect((get(invoice, "Line", 0, "GroupLineDetail", "Line") as JsonObject[]).map((line) => [get(line, "SalesItemLineDetail", "Qty"), line["Amount"]])).toEqual([
      [2, 38],
      [4, 20.6],
    ]);
    expect(invoice["TotalAmt"]).toBe(58.6);
  });

  it("refuses a component that is not a sales item line, a bundle with nothing to expand, and an unknown group item", async () => {
    const bad = await fx.api("/invoice", {
      body: { CustomerRef: { value: customerId }, Line: [{ DetailType: "GroupLineDetail", GroupLineDetail: { Line: [{ DetailType: "DiscountLineDetail", Amount: 1 }] } }] },
    });
    expect(bad.status).toBe(400);
    const empty = await fx.api("/invoice", {
      body: { CustomerRef: { value: customerId }, Line: [{ DetailType: "GroupLineDetail", GroupLineDetail: { GroupItemRef: { value: pumpId } } }] },
    });
    expect(empty.status).toBe(400);
    const unknown = await fx.api("/invoice", {
      body: { CustomerRef: { value: customerId }, Line: [{ DetailType: "GroupLineDetail", GroupLineDetail: { GroupItemRef: { value: "9999" }, Line: [component(pumpId, 1, 19, 19)] } }] },
    });
    expect(get(unknown.body, "Fault", "Error", 0, "code")).toBe("2500");
  });

  it("a void zeroes the bundle's components too", async () => {
    const invoice = await postOk(
      fx,
      "/invoice",
      { CustomerRef: { value: customerId }, DocNumber: "B-3", Line: [{ DetailType: "GroupLineDetail", GroupLineDetail: { GroupItemRef: { value: kitId }, Line: [component(pumpId, 1, 19, 19)] } }] },
      "Invoice",
    );
    const voided = await postOk(fx, "/invoice?operation=void", { Id: invoice["Id"], SyncToken: invoice["SyncToken"] }, "Invoice");
    expect(get(voided, "Line", 0, "GroupLineDetail", "Line", 0, "Amount")).toBe(0);
    expect(voided["TotalAmt"]).toBe(0);
  });
});
