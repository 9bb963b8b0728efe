import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp, unique } from "./helpers";

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}.png`, fullPage: true });

async function bothWidths(page: Page, name: string) {
  await shot(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, `${name}-390`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("bills: Export CSV downloads every bill of the view with the header, formulas made plain text", async ({ page }) => {
  const slug = await signUp(page, newPerson("Exa"));
  await page.goto(`/o/${slug}/bills/new`);
  await page.getByRole("button", { name: "Use the standard chart of accounts" }).click();
  await expect(page.getByText("Add a vendor first")).toBeVisible();
  const vendor = unique("Acme, Supplies").replace(/-/g, " ");
  await page.goto(`/o/${slug}/vendors/new`);
  await page.getByLabel("Display name").fill(vendor);
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("heading", { name: vendor })).toBeVisible();
  for (const [number, amount] of [["=1+1", "120.50"], ["B-200", "80"]] as const) {
    await page.goto(`/o/${slug}/bills/new`);
    await page.getByLabel("Vendor").selectOption({ label: vendor });
    await page.getByLabel("Bill number").fill(number);
    await page.getByLabel("Line 1 account or item").selectOption({ label: "Utilities" });
    await page.getByLabel("Line 1 amount").fill(amount);
    await page.getByRole("button", { name: "Create bill" }).click();
    await expect(page.getByRole("heading", { name: `Bill ${number}` })).toBeVisible();
  }

  await page.goto(`/o/${slug}/bills`);
  await bothWidths(page, "bills-export");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`${slug}-bills.csv`);
  const text = (await readFile((await download.path())!)).toString("utf8");
  expect(text.startsWith("\uFEFFBill number,Vendor,Bill date,Due date,Currency,Total,Open balance,Status,QuickBooks id\r\n")).toBe(true);
  const rows = text.slice(1).split("\r\n").filter(Boolean).slice(1);
  expect(rows).toHaveLength(2);
  expect(rows.find((row) => row.startsWith("'=1+1,"))).toContain(`"${vendor}",`);
  expect(rows.find((row) => row.startsWith("'=1+1,"))).toContain(",120.50,120.50,unpaid,");
  expect(rows.some((row) => row.startsWith("B-200,"))).toBe(true);

  // The search of the page applies to the export.
  await page.goto(`/o/${slug}/bills?q=B-200`);
  const [filtered] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const filteredRows = (await readFile((await filtered.path())!)).toString("utf8").split("\r\n").filter(Boolean);
  expect(filteredRows).toHaveLength(2);

  // The AP aging report prints without the app around it.
  await page.goto(`/o/${slug}/reports/ap-aging`);
  await expect(page.getByRole("button", { name: "Print / Save as PDF" })).toBeVisible();
  await bothWidths(page, "ap-aging-print-button");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print / Save as PDF" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "AP aging" })).toBeVisible();
  await shot(page, "ap-aging-printed");
  await page.emulateMedia({ media: "screen" });
});

test("invoice: the printable view shows the document, and on paper nothing of the app", async ({ page }) => {
  const slug = await signUp(page, newPerson("Pia"));
  await page.goto(`/o/${slug}/settings/chart-of-accounts`);
  await page.getByRole("button", { name: "Load sample lists" }).click();
  await expect(page.getByRole("cell", { name: "Undeposited Funds", exact: true })).toBeVisible();
  await page.goto(`/o/${slug}/customers/new`);
  await page.getByLabel("Display name").fill("Garcia Residence");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { name: "Garcia Residence" })).toBeVisible();
  await page.goto(`/o/${slug}/invoices/new`);
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Garcia Residence" });
  await page.getByLabel("Invoice date").fill("2026-10-01");
  await page.getByLabel("Product or service (line 1)").selectOption({ label: "Lawn care visit" });
  await page.getByLabel("Quantity (line 1)").fill("2");
  await page.getByLabel("Message on invoice").fill("Thank you for your business");
  await page.getByRole("button", { name: "Create invoice" }).click();
  await expect(page.getByRole("heading", { name: "Invoice 1001" })).toBeVisible();

  await page.getByRole("link", { name: "Print", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/invoices/[0-9a-f-]+/print$`));
  await expect(page.getByRole("heading", { name: "Invoice 1001" })).toBeVisible();
  await expect(page.getByText("Garcia Residence")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Lawn care visit" })).toContainText("$170.00");
  await expect(page.getByTestId("print-balance-due")).toHaveText("$170.00");
  await expect(page.getByText("Thank you for your business")).toBeVisible();
  await bothWidths(page, "invoice-print");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print / Save as PDF" })).toBeHidden();
  await expect(page.getByRole("link", { name: /Back to invoice/ })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Invoice 1001" })).toBeVisible();
  await shot(page, "invoice-printed");
});
