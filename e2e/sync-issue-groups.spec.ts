import { expect, test } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp } from "./helpers";
import { actInQuickBooks, choosePreferences, connectSandbox, syncNowFromIcon } from "./sync-helpers";

test.describe.configure({ mode: "serial" });

const SHOTS = SCREENSHOTS_DIR;

test("not connected: Sync Now is disabled in the hover menu and the issues page does not claim everything synced", async ({ page }) => {
  const slug = await signUp(page, newPerson("Ng"));
  await page.getByRole("button", { name: "Sync", exact: true }).hover();
  await expect(page.getByRole("menuitem", { name: "Sync Now" })).toBeDisabled();
  await expect(page.getByRole("menu", { name: "Sync menu" })).toContainText("Connect to QuickBooks first.");
  await page.goto(`/o/${slug}/sync/issues`);
  await expect(page.getByText("Nothing has synced yet")).toBeVisible();
  await expect(page.getByText("Everything synced")).toHaveCount(0);
});

test("the header counts only issues that need action; paid-in-QuickBooks skips are listed apart, searchable", async ({ page }) => {
  test.setTimeout(240_000);
  const slug = await signUp(page, newPerson("Ig"));
  await connectSandbox(page, slug);
  await syncNowFromIcon(page); // brings the chart of accounts the preferences pick from
  await choosePreferences(page, slug);
  await syncNowFromIcon(page);

  await page.goto(`/o/${slug}/sync/issues`);
  const actionTab = page.getByRole("navigation", { name: "Issue groups" }).getByRole("link", { name: /Needs your action/ });
  const designTab = page.getByRole("navigation", { name: "Issue groups" }).getByRole("link", { name: /Skipped by design/ });
  const countIn = async (tab: typeof actionTab) => Number(/\((\d+)\)/.exec(await tab.innerText())![1]);
  const needsAction = await countIn(actionTab);
  const byDesign = await countIn(designTab);
  expect(byDesign).toBeGreaterThan(0);

  // The needs-action tab has no paid-in-QuickBooks entries; the header shows exactly its count.
  await expect(page.locator("li[data-reason=PAID_IN_QBO]")).toHaveCount(0);
  if (needsAction > 0) await expect(page.getByTestId("sync-issue-count")).toHaveText(needsAction > 99 ? "99+" : String(needsAction));
  else await expect(page.getByTestId("sync-issue-count")).toHaveCount(0);
  await page.getByRole("button", { name: "Sync", exact: true }).click();
  const panel = page.getByRole("dialog", { name: "QuickBooks sync" });
  await expect(panel).toContainText(`${needsAction} issue${needsAction === 1 ? " needs" : "s need"} your action`);
  await expect(panel).toContainText(`${byDesign} skipped by design`);
  await page.keyboard.press("Escape");
  await page.screenshot({ path: `${SHOTS}/issues-action-desktop.png`, fullPage: true });

  // Skipped by design: paid history is here, with its own reason filter and search.
  await designTab.click();
  await expect(page.locator("li[data-reason=PAID_IN_QBO]").first()).toBeVisible();
  await page.locator("[aria-label='Filter by reason']").getByRole("link", { name: /Already paid in QuickBooks/ }).click();
  await expect(page).toHaveURL(/group=by-design/);
  await expect(page.locator("li[data-reason]:not([data-reason=PAID_IN_QBO])")).toHaveCount(0);
  const label = (await page.locator("li[data-reason=PAID_IN_QBO] span.font-medium.text-slate-900").first().innerText()).trim();
  await page.getByLabel("Search issues").fill(label);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.locator("li[data-reason=PAID_IN_QBO]").first()).toContainText(label);
  await page.screenshot({ path: `${SHOTS}/issues-by-design-desktop.png`, fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/o/${slug}/sync/issues`);
  await page.screenshot({ path: `${SHOTS}/issues-action-390.png`, fullPage: true });
  await page.getByRole("button", { name: "Sync", exact: true }).click();
  await page.screenshot({ path: `${SHOTS}/sync-panel-390.png` });
});

test("with only paid-in-QuickBooks skips and one failure, the header shows 1", async ({ page }) => {
  test.setTimeout(240_000);
  const slug = await signUp(page, newPerson("Ih"));
  const realm = await connectSandbox(page, slug);
  await syncNowFromIcon(page);
  await choosePreferences(page, slug);
  await syncNowFromIcon(page);

  // Act as a QuickBooks user: pay in full the records whose skips a person could fix (no number,
  // not USD): paid history is skipped by design, whatever else is true of the record.
  await page.goto(`/o/${slug}/sync/issues`);
  const links = await page.locator("li[data-reason] a", { hasText: "Open in QuickBooks" }).evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const actions = links.map((href) => {
    const id = href.split("/").pop()!;
    return href.includes("/records/Bill/") ? { type: "pay-bill", billId: id } : { type: "receive-payment", invoiceId: id };
  });
  expect(actions.length).toBeGreaterThan(0);
  await actInQuickBooks(page, realm, actions);

  // One failure: an app vendor named like a QuickBooks customer (QBO names are unique across both).
  await page.goto(`/o/${slug}/customers`);
  const customerName = (await page.getByRole("table").getByRole("link").first().innerText()).trim();
  await page.goto(`/o/${slug}/vendors/new`);
  await page.getByLabel("Display name").fill(customerName);
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("heading", { name: customerName })).toBeVisible();
  await syncNowFromIcon(page);

  await page.goto(`/o/${slug}/sync/issues`);
  await expect(page.locator("li[data-reason]")).toHaveCount(1);
  await expect(page.locator("li[data-reason=DUPLICATE_NAME]")).toHaveCount(1);
  await expect(page.getByTestId("sync-issue-count")).toHaveText("1");
  await page.goto(`/o/${slug}/sync/issues?group=by-design`);
  await expect(page.locator("li[data-reason=PAID_IN_QBO]").first()).toBeVisible();
  await expect(page.getByTestId("sync-issue-count")).toHaveText("1");
});
