import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp, unique } from "./helpers";

/** Desktop and phone (390 px) screenshots of a changed page; the phone one also checks nothing overflows. */
async function screenshots(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-desktop.png`, fullPage: true });
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-390.png`, fullPage: true });
  if (desktop) await page.setViewportSize(desktop);
}

async function newVendor(page: Page, slug: string, label: string) {
  const vendor = unique(label).replace(/-/g, " ");
  await page.goto(`/o/${slug}/vendors/new`);
  await page.getByLabel("Display name").fill(vendor);
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("heading", { name: vendor })).toBeVisible();
  return vendor;
}

async function createBill(page: Page, slug: string, vendor: string, number: string, amount: string) {
  await page.goto(`/o/${slug}/bills/new`);
  await page.getByLabel("Vendor").selectOption({ label: vendor });
  await page.getByLabel("Bill number").fill(number);
  await page.getByLabel("Line 1 account or item").selectOption({ label: "Supplies & Materials" });
  await page.getByLabel("Line 1 amount").fill(amount);
  await page.getByRole("button", { name: "Create bill" }).click();
  await expect(page.getByRole("heading", { name: `Bill ${number}` })).toBeVisible({ timeout: 20_000 });
}

const billNumbers = (page: Page) => page.getByRole("row").locator("td:nth-child(2)").allInnerTexts();

test("bills: filters live in the URL, headers sort, 3 selected bills are scheduled onto Payments, bulk void asks first", async ({ page }) => {
  test.setTimeout(240_000);
  const slug = await signUp(page, newPerson("Fay"));
  await page.goto(`/o/${slug}/bills/new`);
  await page.getByRole("button", { name: "Use the standard chart of accounts" }).click();
  await expect(page.getByText("Add a vendor first")).toBeVisible();
  const acme = await newVendor(page, slug, "Acme Supplies");
  const birch = await newVendor(page, slug, "Birch Nursery");
  await createBill(page, slug, acme, "FB-1", "100.00");
  await createBill(page, slug, acme, "FB-2", "300.00");
  await createBill(page, slug, acme, "FB-3", "200.00");
  await createBill(page, slug, birch, "FB-4", "50.00");
  await createBill(page, slug, birch, "FB-5", "75.00");

  // Filter by vendor and due this week: the URL carries them, and a reload keeps them.
  await page.goto(`/o/${slug}/bills`);
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("Vendor").selectOption({ label: birch });
  await filters.getByLabel("Due").selectOption({ label: "This week" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/party=[0-9a-f-]{36}&due=this_week$/);
  await expect.poll(async () => (await billNumbers(page)).sort()).toEqual(["FB-4", "FB-5"]);
  await page.reload();
  await expect(page.getByRole("form", { name: "Filters" }).getByLabel("Vendor")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByRole("form", { name: "Filters" }).getByLabel("Due")).toHaveValue("this_week");
  await expect.poll(async () => (await billNumbers(page)).sort()).toEqual(["FB-4", "FB-5"]);
  await screenshots(page, "bills-filtered");

  // On a phone the filters fold into a "Filters" button.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("form", { name: "Filters" })).toBeHidden();
  await page.getByRole("button", { name: "Filters (2)" }).click();
  await expect(page.getByRole("form", { name: "Filters" })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/bills-filters-open-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Sort by amount: a header click sorts ascending, a second one descending; the URL says so.
  await page.goto(`/o/${slug}/bills`);
  await page.getByRole("link", { name: "Amount" }).click();
  await expect(page).toHaveURL(/sort=amount$/);
  await expect.poll(() => billNumbers(page)).toEqual(["FB-4", "FB-5", "FB-1", "FB-3", "FB-2"]);
  await page.getByRole("link", { name: "Amount" }).click();
  await expect(page).toHaveURL(/sort=amount&dir=desc$/);
  await expect.poll(() => billNumbers(page)).toEqual(["FB-2", "FB-3", "FB-1", "FB-5", "FB-4"]);
  await page.reload();
  await expect.poll(() => billNumbers(page)).toEqual(["FB-2", "FB-3", "FB-1", "FB-5", "FB-4"]);

  // Select 3 bills → Schedule payment → they are on Payments.
  for (const number of ["FB-1", "FB-2", "FB-3"]) await page.getByLabel(`Select bill ${number}`).check();
  const bar = page.getByRole("toolbar", { name: "Bulk actions" });
  await expect(bar.getByText("3 bills selected")).toBeVisible();
  await bar.getByRole("button", { name: "Schedule payment" }).click();
  const dialog = page.getByRole("dialog", { name: "Schedule payment for 3 bills" });
  await expect(dialog).toBeVisible();
  await screenshots(page, "bills-bulk-schedule-dialog");
  await dialog.getByRole("button", { name: "Schedule 3 payments" }).click();
  await expect(page.getByText("Scheduled payments for 3 bills.")).toBeVisible({ timeout: 20_000 });
  await page.getByRole("link", { name: "See them on Payments" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/payments`));
  for (const number of ["FB-1", "FB-2", "FB-3"]) await expect(page.getByRole("row").filter({ hasText: number })).toContainText("Scheduled");
  await expect(page.getByRole("row").filter({ hasText: "FB-4" })).toHaveCount(0);

  // Export selected: a CSV of exactly the ticked bills.
  await page.goto(`/o/${slug}/bills`);
  await page.getByLabel("Select bill FB-2").check();
  await page.getByLabel("Select bill FB-4").check();
  const [download] = await Promise.all([page.waitForEvent("download"), bar.getByRole("button", { name: "Export selected" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^bills-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8").trimEnd().split("\r\n");
  expect(csv[0]).toBe("\uFEFFBill number,Vendor,Bill date,Due date,Status,Currency,Amount,Open balance,Memo");
  expect(csv.slice(1).map((line) => line.split(",")[0]).sort()).toEqual(["FB-2", "FB-4"]);
  await page.getByLabel("Select bill FB-2").uncheck();
  await page.getByLabel("Select bill FB-4").uncheck();

  // Bulk void with a confirmation: two bills voided, the scheduled one reported with why not.
  await page.goto(`/o/${slug}/bills`);
  await page.getByLabel("Select all on this page").check();
  await expect(bar.getByText("5 bills selected")).toBeVisible();
  for (const number of ["FB-2", "FB-3"]) await page.getByLabel(`Select bill ${number}`).uncheck();
  await bar.getByRole("button", { name: "Void" }).click();
  const confirm = page.getByRole("dialog", { name: "Void 3 bills?" });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: "FB-4" })).not.toContainText("Voided");
  await bar.getByRole("button", { name: "Void" }).click();
  await page.getByRole("dialog", { name: "Void 3 bills?" }).getByRole("button", { name: "Void 3 bills" }).click();
  await expect(page.getByText("Voided 2 bills.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("listitem").filter({ hasText: "FB-1: Void this bill's payments first" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "FB-4" })).toContainText("Voided");
  await expect(page.getByRole("row").filter({ hasText: "FB-5" })).toContainText("Voided");
  await screenshots(page, "bills-bulk-report");

  // The invoices list has the same filters (customer) and bulk bar.
  await page.goto(`/o/${slug}/invoices`);
  await expect(page.getByRole("form", { name: "Filters" }).getByLabel("Customer")).toBeVisible();
  await screenshots(page, "invoices-list-filters");
});
