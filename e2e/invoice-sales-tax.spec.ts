import { expect, test } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp } from "./helpers";
import { actInQuickBooks, choosePreferences, connectSandbox, syncNowFromIcon } from "./sync-helpers";

const SHOTS = SCREENSHOTS_DIR;

test("an invoice with sales tax from QuickBooks shows its subtotal, tax, total and each line's tax code", async ({ page }) => {
  test.setTimeout(240_000);
  const slug = await signUp(page, newPerson("Tx"));
  const realm = await connectSandbox(page, slug);

  // The QuickBooks company charges sales tax (the sandbox's default code "2" at 8.25%).
  const settings = await page.request.post(`/qbo-sandbox/_sandbox/companies/${realm}/settings`, { data: { salesTax: true } });
  expect(settings.status(), await settings.text()).toBe(200);
  const created = (await actInQuickBooks(page, realm, [{ type: "create", entity: "Customer", fields: { DisplayName: "Sonnenschein Family Store" } }])) as { results: Array<{ Id: string }> };
  const customerId = created.results[0]!.Id;
  const line = (description: string, amount: number, code: string) => ({
    Amount: amount,
    Description: description,
    DetailType: "SalesItemLineDetail",
    SalesItemLineDetail: { Qty: 1, UnitPrice: amount, TaxCodeRef: { value: code } },
  });
  await actInQuickBooks(page, realm, [
    {
      type: "create",
      entity: "Invoice",
      fields: { DocNumber: "TAX-1001", TxnDate: "2026-11-03", CustomerRef: { value: customerId }, Line: [line("Garden design", 150, "TAX"), line("Delivery", 25, "NON")] },
    },
  ]);

  await syncNowFromIcon(page);
  await choosePreferences(page, slug);
  await syncNowFromIcon(page);

  await page.goto(`/o/${slug}/invoices?q=TAX-1001&status=all`);
  await page.getByRole("link", { name: "TAX-1001" }).click();
  await expect(page.getByRole("heading", { name: "Invoice TAX-1001" })).toBeVisible();
  await expect(page.getByTestId("invoice-subtotal")).toHaveText("$175.00");
  await expect(page.getByTestId("invoice-tax")).toHaveText("$12.38");
  await expect(page.getByTestId("invoice-total")).toHaveText("$187.38");
  await expect(page.getByTestId("line-tax-code")).toHaveText(["Taxable(TAX)", "Not taxable(NON)"]);
  await page.screenshot({ path: `${SHOTS}/invoice-tax.png`, fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId("invoice-total")).toHaveText("$187.38");
  await page.screenshot({ path: `${SHOTS}/invoice-tax-390.png`, fullPage: true });

  // The edit form keeps the tax codes and shows QuickBooks' tax in its total.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByLabel("Tax (line 1)")).toHaveValue("TAX");
  await expect(page.getByLabel("Tax (line 2)")).toHaveValue("NON");
  await expect(page.getByTestId("invoice-total")).toHaveText("$187.38");
});

test("an invoice with sales tax and a bundle from QuickBooks comes in to the cent and shows the bundle with its components", async ({ page }) => {
  test.setTimeout(240_000);
  const slug = await signUp(page, newPerson("Tb"));
  const realm = await connectSandbox(page, slug);
  const settings = await page.request.post(`/qbo-sandbox/_sandbox/companies/${realm}/settings`, { data: { salesTax: true } });
  expect(settings.status(), await settings.text()).toBe(200);
  const idOf = async (entity: string, fields: Record<string, unknown>) =>
    ((await actInQuickBooks(page, realm, [{ type: "create", entity, fields }])) as { results: Array<{ Id: string }> }).results[0]!.Id;
  const customerId = await idOf("Customer", { DisplayName: "Meadowbrook Garden Club" });
  const hours = await idOf("Item", { Name: "Planting hours", Type: "Service", UnitPrice: 40 });
  const soil = await idOf("Item", { Name: "Compost bag", Type: "Service", UnitPrice: 12.5 });
  const kit = await idOf("Item", { Name: "Spring Planting Kit", Type: "Group", ItemGroupDetail: { ItemGroupLine: [{ ItemRef: { value: hours }, Qty: 2 }, { ItemRef: { value: soil }, Qty: 4 }] } });
  const sales = (itemId: string, qty: number, unitPrice: number, code: string) => ({
    Amount: qty * unitPrice,
    DetailType: "SalesItemLineDetail",
    SalesItemLineDetail: { ItemRef: { value: itemId }, Qty: qty, UnitPrice: unitPrice, TaxCodeRef: { value: code } },
  });
  await actInQuickBooks(page, realm, [
    {
      type: "create",
      entity: "Invoice",
      fields: {
        DocNumber: "TAX-1002",
        TxnDate: "2026-11-04",
        CustomerRef: { value: customerId },
        Line: [
          sales(soil, 2, 12.5, "TAX"),
          // The bundle's components are taxed by their own codes: labour is not taxable, goods are.
          { DetailType: "GroupLineDetail", GroupLineDetail: { GroupItemRef: { value: kit }, Quantity: 1, Line: [sales(hours, 2, 40, "NON"), sales(soil, 4, 12.5, "TAX")] } },
        ],
      },
    },
  ]);

  await syncNowFromIcon(page);
  await choosePreferences(page, slug);
  await syncNowFromIcon(page);

  await page.goto(`/o/${slug}/invoices?q=TAX-1002&status=all`);
  await page.getByRole("link", { name: "TAX-1002" }).click();
  await expect(page.getByRole("heading", { name: "Invoice TAX-1002" })).toBeVisible();
  await expect(page.getByText("Bundle: Spring Planting Kit")).toBeVisible();
  // Lines 25.00 + 80.00 + 50.00 = 155.00; taxable 75.00 × 8.25% = 6.19; total 161.19.
  await expect(page.getByTestId("invoice-subtotal")).toHaveText("$155.00");
  await expect(page.getByTestId("invoice-tax")).toHaveText("$6.19");
  await expect(page.getByTestId("invoice-total")).toHaveText("$161.19");
  await page.screenshot({ path: `${SHOTS}/invoice-tax-bundle.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId("invoice-total")).toHaveText("$161.19");
  await page.screenshot({ path: `${SHOTS}/invoice-tax-bundle-390.png`, fullPage: true });
});
