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

async function optionTexts(page: Page, label: string) {
  return (await page.getByLabel(label).locator("option").allInnerTexts()).map((text) => text.trim());
}

test("payment pickers offer only fitting accounts; a non-USD currency warns; a number-less skipped bill is identifiable", async ({ page }) => {
  test.setTimeout(240_000);
  const slug = await signUp(page, newPerson("Pk"));
  await connectSandbox(page, slug);
  await syncNowFromIcon(page); // brings the chart of accounts

  // Bank Account GL = Business Savings: not the first bank account by name, so the default proves the preference.
  await choosePreferences(page, slug, { bankAccount: /Business Savings/ });
  await syncNowFromIcon(page); // creates Money Out / Money In Clearing in QuickBooks and brings in the bills

  // Mark as paid: Paid from starts on the Bank Account GL and never offers a clearing account.
  await page.goto(`/o/${slug}/bills?status=unpaid`);
  await page.locator("tbody tr").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Mark as paid" })).toBeVisible();
  const paidFrom = page.getByLabel("Paid from");
  await expect(paidFrom.locator("option:checked")).toHaveText("Business Savings");
  const sources = await optionTexts(page, "Paid from");
  expect(sources).toContain("Business Checking");
  expect(sources).not.toContain("Money In Clearing");
  expect(sources).not.toContain("Money Out Clearing");
  await shots(page, "bill-mark-as-paid");

  // Receive payment: Deposit to offers bank accounts and Undeposited Funds only.
  await page.goto(`/o/${slug}/invoices?status=unpaid`);
  await page.locator("tbody tr").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Receive payment" })).toBeVisible();
  await expect(page.getByLabel("Deposit to").locator("option:checked")).toHaveText("Undeposited Funds");
  const deposits = await optionTexts(page, "Deposit to");
  expect(deposits).toEqual(expect.arrayContaining(["Business Checking", "Business Savings", "Undeposited Funds"]));
  for (const unfit of ["Inventory Asset", "Money In Clearing", "Money Out Clearing"]) expect(deposits).not.toContain(unfit);
  await shots(page, "invoice-receive-payment");

  // A non-USD currency warns at once, next to the field.
  await page.goto(`/o/${slug}/bills/new`);
  await expect(page.getByTestId("currency-sync-warning")).toHaveCount(0);
  await page.getByLabel("Currency").selectOption("EUR");
  await expect(page.getByTestId("currency-sync-warning")).toHaveText(/A EUR bill will not sync with QuickBooks/);
  await shots(page, "bill-currency-warning");
  await page.getByLabel("Currency").selectOption("USD");
  await expect(page.getByTestId("currency-sync-warning")).toHaveCount(0);

  await page.goto(`/o/${slug}/invoices/new`);
  await page.getByLabel("Currency").selectOption("CAD");
  await expect(page.getByTestId("currency-sync-warning")).toHaveText(/A CAD invoice will not sync with QuickBooks/);
  await shots(page, "invoice-currency-warning");

  // Issue 14 item 7: the number-less bill's issue names its amount, date and QuickBooks id.
  await page.goto(`/o/${slug}/sync/issues?reason=MISSING_DOC_NUMBER&type=bill`);
  const issue = page.locator("li[data-reason=MISSING_DOC_NUMBER]").first();
  await expect(issue).toContainText(/This bill from .+ \(\$[\d,]+\.\d{2}, dated \d{4}-\d{2}-\d{2}, QuickBooks ID \d+\)/);
  await shots(page, "issues-number-less");
});
