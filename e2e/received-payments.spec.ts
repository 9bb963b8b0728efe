import { expect, test, type Page } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp } from "./helpers";
import { choosePreferences, connectSandbox, syncNowFromIcon } from "./sync-helpers";

/** Desktop and phone (390 px) screenshots of a changed page, for the task's review. */
async function shots(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-desktop.png`, fullPage: true });
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-390.png`, fullPage: true });
  if (desktop) await page.setViewportSize(desktop);
}

test("an electronic received payment goes through Money In Clearing: listed with its funds transfer, and in the Funds Transfer Detail report", async ({ page }) => {
  test.setTimeout(300_000);
  const slug = await signUp(page, newPerson("Rp"));
  await connectSandbox(page, slug);
  await syncNowFromIcon(page); // brings the chart of accounts
  await choosePreferences(page, slug, { bankAccount: /Business Checking/ });
  await syncNowFromIcon(page); // creates the clearing accounts in QuickBooks and brings in the invoices

  await page.goto(`/o/${slug}/invoices?status=unpaid`);
  const invoiceLink = page.locator("tbody tr").first().getByRole("link").first();
  const invoiceNumber = (await invoiceLink.innerText()).trim();
  await invoiceLink.click();
  await expect(page.getByRole("heading", { name: "Receive payment" })).toBeVisible();
  await page.getByLabel("Electronically (ACH, card)").check();
  // An electronic payment reaches a bank account (the Bank Account GL to start with), never Undeposited Funds.
  const reaches = page.getByLabel("Reaches bank account");
  await expect(reaches.locator("option:checked")).toHaveText("Business Checking");
  expect(await reaches.locator("option").allInnerTexts()).not.toContain("Undeposited Funds");
  await page.getByLabel("Amount received").fill("123.45");
  await page.getByLabel("Reference").fill("ACH-E2E-7");
  await shots(page, "invoice-receive-electronic");
  await page.getByRole("button", { name: "Record payment" }).click();
  // The form starts again from the new open balance; the payment is in the invoice's list.
  await expect(page.getByRole("cell", { name: "Money In Clearing → Business Checking" })).toBeVisible();

  // Before the sync: listed, waiting in Money In Clearing.
  await page.getByRole("link", { name: "In Received payments →" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/received-payments\\?q=`));
  const row = page.getByTestId("received-payment").filter({ hasText: "ACH-E2E-7" });
  await expect(row).toContainText("In Money In Clearing until the next sync");
  await expect(row).toContainText("Goes with the next sync");

  await syncNowFromIcon(page);
  await page.getByRole("link", { name: "Received payments", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Received payments" })).toBeVisible();
  await page.getByLabel("Search").fill("ACH-E2E-7");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=ACH-E2E-7/);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(invoiceNumber);
  await expect(row).toContainText("Money In Clearing → Business Checking");
  await expect(row).toContainText("$123.45");
  await expect(row).toContainText(/Synced · QBO #\d+/);
  await expect(row).toContainText(/Journal entry QBO #\d+/);

  // The date filter lives in the URL: a range without the payment shows none.
  const today = new Date().toISOString().slice(0, 10);
  await page.goto(`/o/${slug}/received-payments?from=${today}&to=${today}`);
  await expect(row).toHaveCount(1);
  await shots(page, "received-payments");
  await page.goto(`/o/${slug}/received-payments?q=ACH-E2E-7&from=2001-01-01&to=2001-12-31`);
  await expect(page.getByText("No received payments match")).toBeVisible();
  // A page past the end shows the last page.
  await page.goto(`/o/${slug}/received-payments?q=ACH-E2E-7&page=40`);
  await expect(row).toHaveCount(1);

  // The Funds Transfer Detail report shows the money-in transfer, reconciled.
  await page.goto(`/o/${slug}/reports/funds-transfers?from=${today}&to=${today}`);
  const moneyIn = page.locator("div.p-5", { has: page.getByRole("heading", { name: "Money In Clearing" }) });
  await expect(moneyIn).toContainText("1 transfer");
  await expect(moneyIn).toContainText("Reconciled");
  await expect(page.getByRole("row", { name: /Money in/ })).toContainText("$123.45");
  await expect(page.getByRole("row", { name: new RegExp(`Received payment .*Invoice ${invoiceNumber}`) })).toBeVisible();
  await shots(page, "report-funds-transfers-money-in");
});
