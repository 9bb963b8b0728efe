import { expect, test } from "@playwright/test";
import { newPerson, signUp } from "./helpers";
import { actInQuickBooks, choosePreferences, connectSandbox, syncNowFromIcon, waitForSyncToFinish } from "./sync-helpers";

test.describe.configure({ mode: "serial" });

test("sync from the icon with live progress, see why records were skipped, fix one in QuickBooks, sync again", async ({ page }) => {
  test.setTimeout(240_000);
  const slug = await signUp(page, newPerson("Sy"));

  // Not connected: the icon's panel says so and links to the fix.
  await page.getByRole("button", { name: "Sync", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "QuickBooks sync" })).toContainText("Not connected to QuickBooks yet.");
  await page.keyboard.press("Escape");

  const realm = await connectSandbox(page, slug);

  // First sync brings the chart of accounts; without preferences nothing else comes from QuickBooks.
  await syncNowFromIcon(page);
  await page.getByRole("button", { name: "Sync", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "QuickBooks sync" })).toContainText("Nothing syncs from QuickBooks until these are set");
  await page.keyboard.press("Escape");

  await choosePreferences(page, slug);

  // Sync Now from the icon; progress shows while the person moves on to another page.
  const previous = await syncNowFromIcon(page, { waitForEnd: false });
  await expect(page.getByRole("progressbar", { name: "Sync progress" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Vendors", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Vendors" })).toBeVisible();
  await waitForSyncToFinish(page, previous);
  await page.reload();
  await expect(page.getByRole("table").getByRole("link").first()).toBeVisible();

  // Every skip reason of the seeded company is listed with its fix.
  // Fixable skips are under "Needs your action", the rest under "Skipped by design".
  await page.goto(`/o/${slug}/sync/issues`);
  for (const reason of ["NON_USD_CURRENCY", "MISSING_DOC_NUMBER"]) {
    await expect(page.locator(`li[data-reason=${reason}]`).first()).toBeVisible();
  }
  await expect(page.getByText("How to fix:").first()).toBeVisible();
  await page.goto(`/o/${slug}/sync/issues?group=by-design`);
  for (const reason of ["PAID_IN_QBO", "PARTIALLY_PAID_IN_QBO", "QUICKBOOKS_COMMERCE", "ZERO_AMOUNT"]) {
    await expect(page.locator(`li[data-reason=${reason}]`).first()).toBeVisible();
  }

  // Act as a QuickBooks user: give the number-less bill a number, then sync: the issue is gone.
  await page.goto(`/o/${slug}/sync/issues?reason=MISSING_DOC_NUMBER&type=bill`);
  const issue = page.locator("li[data-reason=MISSING_DOC_NUMBER]").first();
  const qboLink = await issue.getByRole("link", { name: "Open in QuickBooks" }).getAttribute("href");
  const billId = qboLink!.split("/").pop()!;
  await actInQuickBooks(page, realm, [{ type: "update", entity: "Bill", id: billId, fields: { DocNumber: "E2E-FIXED-1" } }]);
  await syncNowFromIcon(page);
  await page.goto(`/o/${slug}/sync/issues?reason=MISSING_DOC_NUMBER&type=bill`);
  await expect(page.locator(`li[data-reason=MISSING_DOC_NUMBER] a[href$="/${billId}"]`)).toHaveCount(0);
  // The bill is in the app now, and its page says it is synced.
  await page.goto(`/o/${slug}/bills?q=E2E-FIXED-1&status=all`);
  await page.getByRole("link", { name: "E2E-FIXED-1" }).click();
  await expect(page.getByRole("heading", { name: "QuickBooks sync" })).toBeVisible();
  await expect(page.getByText("Synced", { exact: true })).toBeVisible();

  // Sync history shows the runs with their counts.
  await page.goto(`/o/${slug}/sync`);
  await expect(page.getByRole("row")).toHaveCount(4); // header + three runs
});

test("payments recorded in QuickBooks come in only with Enable 2-Way Payment Sync; Sync Automatically shows the next run", async ({ page }) => {
  test.setTimeout(240_000);
  const slug = await signUp(page, newPerson("Pay"));
  const realm = await connectSandbox(page, slug);
  await syncNowFromIcon(page);
  await choosePreferences(page, slug, { twoWayPayments: false });
  await syncNowFromIcon(page);

  // An unpaid bill that came in from QuickBooks…
  await page.goto(`/o/${slug}/bills?status=unpaid`);
  const firstBill = page.getByRole("table").getByRole("row").nth(1);
  const number = (await firstBill.getByRole("link").first().innerText()).trim();
  // …is paid in full by someone in QuickBooks.
  const tokens = await (await page.request.post(`/qbo-sandbox/_sandbox/companies/${realm}/tokens`)).json();
  const query = await page.request.get(
    `/qbo-sandbox/v3/company/${realm}/query?minorversion=75&query=${encodeURIComponent(`select * from Bill where DocNumber = '${number}'`)}`,
    { headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: "application/json" } },
  );
  const qboBill = (await query.json()).QueryResponse.Bill[0];
  await actInQuickBooks(page, realm, [{ type: "pay-bill", billId: qboBill.Id }]);

  // 2-way payment sync off: the payment stays in QuickBooks.
  await syncNowFromIcon(page);
  await page.goto(`/o/${slug}/bills?q=${encodeURIComponent(number)}&status=all`);
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText(/Unpaid|Overdue/);

  // On: the QuickBooks payment comes in and the bill is paid here too.
  await choosePreferences(page, slug, { twoWayPayments: true });
  await syncNowFromIcon(page);
  await page.goto(`/o/${slug}/bills?q=${encodeURIComponent(number)}&status=all`);
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText(/Paid/);
  await expect(page.getByRole("table").getByRole("row").nth(1)).not.toContainText(/Unpaid|Overdue|Partially/);

  // Sync Automatically: saved, and the next automatic run is announced.
  await choosePreferences(page, slug, { syncAutomatically: true });
  await expect(page.getByText(/Next automatic sync around/)).toBeVisible();
  await page.getByRole("button", { name: "Sync", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "QuickBooks sync" })).toContainText("Next automatic sync around");
});
