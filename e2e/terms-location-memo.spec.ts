import { expect, test, type Page } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp } from "./helpers";
import { choosePreferences, connectSandbox, syncNowFromIcon } from "./sync-helpers";

/** Terms, location and the invoice's two memos as a bookkeeper enters them (issue 14, item 2). */

async function shots(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function firstOption(page: Page, label: string) {
  const value = await page.getByLabel(label, { exact: true }).locator("option:not([value=''])").first().getAttribute("value");
  await page.getByLabel(label, { exact: true }).selectOption(value!);
}

test("a bill and an invoice with terms, location and truthful memo labels sync to QuickBooks", async ({ page }) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const slug = await signUp(page, newPerson("Tl"));
  await connectSandbox(page, slug);
  await syncNowFromIcon(page);
  await choosePreferences(page, slug);
  await syncNowFromIcon(page);

  await page.goto(`/o/${slug}/bills/new`);
  await firstOption(page, "Vendor");
  await page.getByLabel("Bill number").fill("TL-15");
  await page.getByLabel("Bill date").fill("2026-11-02");
  await page.getByLabel("Terms").selectOption({ label: "Net 15" });
  await expect(page.getByLabel("Due date")).toHaveValue("2026-11-17");
  await page.getByLabel("Location", { exact: true }).selectOption({ label: "Warehouse" });
  await page.getByLabel("Line 1 account or item").selectOption({ label: "Office Supplies & Software" });
  await page.getByLabel("Line 1 amount").fill("120.00");
  await expect(page.getByText("For your team, not the vendor; syncs to QuickBooks as the bill's private note.")).toBeVisible();
  await page.getByLabel("Memo").fill("Spring order");
  await shots(page, "terms-bill-form");
  await page.getByRole("button", { name: "Create bill" }).click();
  await expect(page.getByRole("heading", { name: "Bill TL-15" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Net 15", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Warehouse", { exact: true }).first()).toBeVisible();

  await page.goto(`/o/${slug}/invoices/new`);
  await firstOption(page, "Customer");
  await page.getByLabel("Invoice number").fill("TL-INV-1");
  await page.getByLabel("Invoice date").fill("2026-11-02");
  await page.getByLabel("Terms").selectOption({ label: "Net 15" });
  await page.getByLabel("Location", { exact: true }).selectOption({ label: "Main Street Store" });
  await firstOption(page, "Product or service (line 1)");
  await page.getByLabel("Rate (line 1)").fill("150");
  await page.getByLabel("Message on invoice").fill("Thank you for your business!");
  await page.getByLabel("Internal note (not shown to the customer)").fill("Gate code 1234");
  await shots(page, "terms-invoice-form");
  await page.getByRole("button", { name: "Create invoice" }).click();
  await expect(page.getByRole("heading", { name: "Invoice TL-INV-1" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Message on invoice: Thank you for your business!")).toBeVisible();
  await expect(page.getByText("Internal note (not shown to the customer): Gate code 1234")).toBeVisible();
  await expect(page.getByText("Main Street Store", { exact: true }).first()).toBeVisible();

  await syncNowFromIcon(page);
  await page.reload();
  await shots(page, "terms-invoice-detail");
  await page.goto(`/o/${slug}/bills?q=TL-15&status=all`);
  await page.getByRole("link", { name: "TL-15" }).click();
  await expect(page.getByRole("heading", { name: "Bill TL-15" })).toBeVisible({ timeout: 30_000 });
  await shots(page, "terms-bill-detail");
});
