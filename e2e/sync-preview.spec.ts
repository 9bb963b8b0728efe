import { expect, test, type Page } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp } from "./helpers";
import { actInQuickBooks, choosePreferences, connectSandbox, waitForSyncToFinish } from "./sync-helpers";

async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

const row = (page: Page, label: string) => page.locator(`summary[data-row="${label}"]`);

test("preview sync: counts per type and direction before anything is written, Sync now, then nothing to do", async ({ page }) => {
  test.setTimeout(300_000);
  const slug = await signUp(page, newPerson("Pia"));
  const realm = await connectSandbox(page, slug);
  await expect(page.getByText(/Bringing in your chart of accounts/)).toHaveCount(0, { timeout: 60_000 });
  await choosePreferences(page, slug);

  // From the sync panel.
  await page.goto(`/o/${slug}`);
  await page.getByRole("button", { name: "Sync", exact: true }).click();
  await page.getByRole("dialog", { name: "QuickBooks sync" }).getByRole("link", { name: "Preview sync" }).click();
  await page.waitForURL(new RegExp(`/o/${slug}/sync/preview`));
  await expect(page.getByRole("heading", { name: "Preview sync" })).toBeVisible();
  await expect(page.getByText("Nothing has been written to QuickBooks or Ledgerbridge.")).toBeVisible({ timeout: 60_000 });

  // The company's bills would come in: a count, and the records behind it with number, party and amount.
  const bills = row(page, "Bills · QuickBooks → Ledgerbridge");
  await expect(bills).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/sync-preview-summary-desktop.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/sync-preview-summary-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  const created = Number(await bills.locator("[data-column=create]").innerText().then((t) => t.replace(/\D/g, "")));
  expect(created).toBeGreaterThan(0);
  await bills.click();
  const records = bills.locator("xpath=..").getByRole("list", { name: "Records", exact: true }).getByRole("listitem");
  await expect(records).toHaveCount(created);
  await expect(records.first()).toContainText("Create");
  await expect(records.first()).toContainText("$");
  // Skipped ones say why, as the sync would.
  const skipped = bills.locator("xpath=..").getByRole("list", { name: "Skipped records", exact: true }).getByRole("listitem");
  if ((await skipped.count()) > 0) await expect(skipped.first()).not.toBeEmpty();
  await screenshots(page, "sync-preview");

  // Nothing was written: no run, no bill.
  const status = await (await page.request.get(`/api/orgs/${slug}/sync/status`)).json();
  expect(status.lastRun).toBeNull();
  await page.goto(`/o/${slug}/bills`);
  await expect(page.getByText(/No bills/i).first()).toBeVisible();

  // Sync now from the preview page, then preview again: nothing to do.
  await page.goto(`/o/${slug}/sync/preview`);
  await expect(row(page, "Bills · QuickBooks → Ledgerbridge")).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "Sync Now" }).click();
  await waitForSyncToFinish(page, null);
  const synced = await (await page.request.get(`/api/orgs/${slug}/sync/status`)).json();
  expect(synced.lastRun.counts.bill.created).toBe(created);
  await page.getByRole("link", { name: "Preview again" }).click();
  await expect(page.getByText("Nothing to do")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Both sides are in sync")).toBeVisible();
  await screenshots(page, "sync-preview-nothing-to-do");

  // A vendor edited on both sides: the preview shows both versions and who wins; nothing changes yet.
  await page.goto(`/o/${slug}/vendors`);
  await page.locator("tbody tr a").first().click();
  const panel = page.getByTestId("record-sync-panel");
  const href = await panel.getByRole("link", { name: "Open in QuickBooks" }).getAttribute("href");
  const vendorQboId = decodeURIComponent(/\/records\/\w+\/([^/?#]+)/.exec(href!)![1]!);
  const vendorName = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  await page.getByLabel("Email").fill("ap-ledgerbridge@example.com");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await actInQuickBooks(page, realm, [{ type: "update", entity: "Vendor", id: vendorQboId, fields: { PrimaryEmailAddr: { Address: "ap-quickbooks@example.com" } } }]);
  await page.goto(`/o/${slug}/sync/preview`);
  const conflict = page.getByRole("listitem", { name: `Conflict: Vendors ${vendorName}` });
  await expect(conflict).toBeVisible({ timeout: 60_000 });
  await expect(conflict).toContainText("Keeps the QuickBooks version");
  const email = conflict.getByRole("row", { name: /E-mail/ });
  await expect(email.getByRole("cell").nth(0)).toHaveText("ap-ledgerbridge@example.com");
  await expect(email.getByRole("cell").nth(1)).toHaveText("ap-quickbooks@example.com");
  await screenshots(page, "sync-preview-conflict");
  await page.goto(`/o/${slug}/vendors`);
  await page.getByRole("link", { name: vendorName, exact: true }).first().click();
  await expect(page.getByLabel("Email")).toHaveValue("ap-ledgerbridge@example.com");
});
