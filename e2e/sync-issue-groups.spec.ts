import { expect, test } from "@playwright/test";
import { newPerson, signUp } from "./helpers";
import { choosePreferences, connectSandbox, syncNowFromIcon } from "./sync-helpers";

test.describe.configure({ mode: "serial" });

const SHOTS = "/work/team/shots";

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
  await page.screenshot({ path: `${SHOTS}/h14b-issues-action-desktop.png`, fullPage: true });

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
  await page.screenshot({ path: `${SHOTS}/h14b-issues-by-design-desktop.png`, fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/o/${slug}/sync/issues`);
  await page.screenshot({ path: `${SHOTS}/h14b-issues-action-390.png`, fullPage: true });
  await page.getByRole("button", { name: "Sync", exact: true }).click();
  await page.screenshot({ path: `${SHOTS}/h14b-sync-panel-390.png` });
});
