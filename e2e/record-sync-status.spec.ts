import { expect, test, type Page } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp } from "./helpers";
import { actInQuickBooks, choosePreferences, connectSandbox, syncNowFromIcon } from "./sync-helpers";

/** Issue 14 item 8: record pages tell the truth about the QuickBooks twin; every synced kind has the panel. */

const panel = (page: Page) => page.getByTestId("record-sync-panel");

async function shots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The sandbox id of the record the panel links to (its "Open in QuickBooks" link). */
async function qboIdFromPanel(page: Page): Promise<string> {
  const href = await panel(page).getByRole("link", { name: "Open in QuickBooks" }).getAttribute("href");
  return decodeURIComponent(/\/records\/\w+\/([^/?#]+)/.exec(href!)![1]!);
}

async function openFirst(page: Page, list: string) {
  await page.goto(list);
  await page.locator("tbody tr a").first().click();
  await expect(panel(page)).toBeVisible();
}

test("voided in the app, deleted in QuickBooks: the panel says so and drops the QuickBooks link; vendors and customers have the panel", async ({ page }) => {
  test.setTimeout(300_000);
  const slug = await signUp(page, newPerson("Rs"));
  const realm = await connectSandbox(page, slug);
  await syncNowFromIcon(page);
  await choosePreferences(page, slug);
  await syncNowFromIcon(page);

  // A bill voided here before the next sync: still in QuickBooks, and the page says what the sync will do.
  await openFirst(page, `/o/${slug}/bills?status=unpaid`);
  const billUrl = page.url();
  await expect(panel(page)).toContainText("Synced");
  await expect(panel(page).getByRole("link", { name: "Open in QuickBooks" })).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Void", exact: true }).click();
  await expect(panel(page)).toContainText("Voided — will be deleted in QuickBooks at the next sync");
  await expect(panel(page)).not.toContainText("Synced");
  await shots(page, "record-sync-bill-void-pending");
  await syncNowFromIcon(page);
  await page.goto(billUrl);
  await expect(panel(page)).toContainText("deleted it in QuickBooks");
  await expect(panel(page).getByRole("link", { name: "Open in QuickBooks" })).toHaveCount(0);
  await shots(page, "record-sync-bill-removed");

  // An invoice deleted in QuickBooks: "Deleted in QuickBooks", what to do, and no link.
  await openFirst(page, `/o/${slug}/invoices?status=unpaid`);
  const invoiceUrl = page.url();
  const invoiceQboId = await qboIdFromPanel(page);
  await actInQuickBooks(page, realm, [{ type: "delete", entity: "Invoice", id: invoiceQboId }]);
  await syncNowFromIcon(page);
  await page.goto(invoiceUrl);
  await expect(panel(page)).toContainText("Deleted in QuickBooks");
  await expect(panel(page)).toContainText("enter the invoice again in Ledgerbridge and select Sync Now");
  await expect(panel(page).getByRole("link", { name: "Open in QuickBooks" })).toHaveCount(0);
  await shots(page, "record-sync-invoice-deleted");

  // Vendors and customers: the same panel with status and QuickBooks link.
  for (const [list, name] of [[`/o/${slug}/vendors`, "vendor"], [`/o/${slug}/customers`, "customer"]] as const) {
    await openFirst(page, list);
    await expect(panel(page)).toContainText("QuickBooks sync");
    await expect(panel(page)).toContainText("Synced");
    await expect(panel(page).getByRole("link", { name: "Open in QuickBooks" })).toBeVisible();
    await shots(page, `record-sync-${name}`);
  }
});

test("bill payments and received payments have their own page with the sync panel", async ({ page }) => {
  test.setTimeout(300_000);
  const slug = await signUp(page, newPerson("Rp"));
  await connectSandbox(page, slug);
  await syncNowFromIcon(page);
  await choosePreferences(page, slug);
  await syncNowFromIcon(page);

  // Mark a bill as paid; before the sync the payment's page says it goes with the next sync.
  await page.goto(`/o/${slug}/bills?status=unpaid`);
  await page.locator("tbody tr a").first().click();
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("Payment recorded.")).toBeVisible();
  await page.goto(`/o/${slug}/payments?status=paid`);
  await page.getByRole("link", { name: /^Payment of / }).first().click();
  await expect(page.getByRole("heading", { name: /^Payment of \$/ })).toBeVisible();
  await expect(panel(page)).toContainText("Goes to QuickBooks with the next sync.");
  const paymentUrl = page.url();
  await syncNowFromIcon(page);
  await page.goto(paymentUrl);
  await expect(panel(page)).toContainText("Synced");
  await expect(panel(page).getByRole("link", { name: "Open in QuickBooks" })).toBeVisible();
  await expect(page.getByText("Marked as paid")).toBeVisible();
  await shots(page, "record-sync-bill-payment");

  // A payment received on an invoice: its page, from the Received payments list.
  await page.goto(`/o/${slug}/invoices?status=unpaid`);
  await page.locator("tbody tr a").first().click();
  await page.getByRole("button", { name: "Record payment" }).click();
  // Paid in full: the form gives way to the invoice's payments list.
  await expect(page.getByText("Received", { exact: true }).first()).toBeVisible();
  await page.goto(`/o/${slug}/received-payments`);
  await page.getByRole("link", { name: /^Payment of / }).first().click();
  await expect(page.getByRole("heading", { name: /^Payment received: \$/ })).toBeVisible();
  await syncNowFromIcon(page);
  await page.reload();
  await expect(panel(page)).toContainText("Synced");
  await shots(page, "record-sync-received-payment");
});
