import { expect, test, type Page } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp } from "./helpers";
import { choosePreferences, waitForSyncToFinish } from "./sync-helpers";

// The person's browser is in Los Angeles: the new organisation starts on that time zone.
test.use({ timezoneId: "America/Los_Angeles" });

async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

const steps = (page: Page) => page.getByRole("list", { name: "Get started steps" }).getByRole("listitem");

test("a new organisation: connect → preferences with the chart of accounts already there (no sync) → first sync", async ({ page }) => {
  test.setTimeout(240_000);
  const slug = await signUp(page, newPerson("Fern"));

  // Overview leads the way: step 1 is the current one, nothing ticked.
  await expect(steps(page)).toHaveCount(3);
  await expect(steps(page).nth(0)).toHaveAttribute("aria-current", "step");
  await expect(steps(page).nth(0).getByLabel("Current step")).toBeVisible();
  await expect(page.getByText("0 of 3 done")).toBeVisible();
  await screenshots(page, "first-run-overview-new");

  // Before connecting, the pickers say to connect (not "sync once").
  await page.goto(`/o/${slug}/settings/sync`);
  await expect(page.getByText(/Connect to QuickBooks above: your chart of accounts comes in at once/)).toBeVisible();

  await page.goto(`/o/${slug}`);
  await page.getByRole("link", { name: "Go to connect" }).click();
  await page.waitForURL(new RegExp(`/o/${slug}/settings/sync`));
  await page.getByRole("link", { name: "Connect to QuickBooks" }).click();
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL(new RegExp(`/o/${slug}/settings/sync\\?connected=1`));

  // The lists arrive on their own (the notice goes once they are in); no sync has run.
  await expect(page.getByText(/Bringing in your chart of accounts/)).toHaveCount(0, { timeout: 60_000 });
  await page.getByRole("button", { name: "Edit preferences" }).click();
  await expect(page.getByLabel("Bank Account GL").locator("option", { hasText: /Checking/ })).not.toHaveCount(0);
  await expect(page.getByLabel("Unallocated Expense Account").locator("option", { hasText: /Uncategorized Expense/ })).not.toHaveCount(0);
  const status = await (await page.request.get(`/api/orgs/${slug}/sync/status`)).json();
  expect(status.lastRun).toBeNull();
  await screenshots(page, "first-run-preferences-after-connect");

  await choosePreferences(page, slug);

  // Overview: connect and preferences ticked, the first sync is current.
  await page.goto(`/o/${slug}`);
  await expect(steps(page).nth(0).getByLabel("Done")).toBeVisible();
  await expect(steps(page).nth(1).getByLabel("Done")).toBeVisible();
  await expect(steps(page).nth(2)).toHaveAttribute("aria-current", "step");
  await expect(page.getByText("2 of 3 done")).toBeVisible();
  await screenshots(page, "first-run-overview-first-sync");

  await steps(page).nth(2).getByRole("button", { name: "Sync Now" }).click();
  await waitForSyncToFinish(page, null);
  const after = await (await page.request.get(`/api/orgs/${slug}/sync/status`)).json();
  expect(after.lastRun.status).toMatch(/succeeded|partial/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Get started" })).toHaveCount(0);
});

test("the organisation's time zone starts from the browser and an admin changes it in Settings", async ({ page }) => {
  const slug = await signUp(page, newPerson("Tao"));
  await page.goto(`/o/${slug}/settings`);
  await expect(page.getByLabel("Time zone")).toHaveValue("America/Los_Angeles");
  await expect(page.getByText(/\(America\/Los Angeles\)/)).toBeVisible();
  await screenshots(page, "settings-time-zone");

  await page.getByLabel("Time zone").selectOption("America/New_York");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByText("Time zone set to America/New_York.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");
  await expect(page.getByText(/\(America\/New York\)/)).toBeVisible();
});
