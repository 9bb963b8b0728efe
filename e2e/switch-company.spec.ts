import { expect, test, type Page } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp } from "./helpers";
import { waitForSyncToFinish } from "./sync-helpers";

async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("connecting a first company while the app already has records waits on the confirm page; Switch and sync sends them once", async ({ page }) => {
  test.setTimeout(240_000);
  const slug = await signUp(page, newPerson("Sw"));
  const vendorName = `Before Connect ${Date.now().toString(36)}`;
  await page.goto(`/o/${slug}/vendors/new`);
  await page.getByLabel("Display name").fill(vendorName);
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("heading", { name: vendorName })).toBeVisible();

  await page.goto(`/o/${slug}/settings/sync`);
  await page.getByRole("link", { name: "Connect to QuickBooks" }).click();
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL(new RegExp(`/o/${slug}/sync/switch$`));
  await expect(page.getByRole("heading", { name: /^First sync with .+\?$/ })).toBeVisible();
  await expect(page.getByText(/^The next sync will create 1 vendor in .+\.$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Preview in detail" })).toHaveAttribute("href", `/o/${slug}/sync/preview`);

  // Nothing has synced, and the sync panel says why, with the way to the confirm page.
  await page.getByRole("button", { name: "Sync", exact: true }).click();
  const panel = page.getByRole("dialog", { name: "QuickBooks sync" });
  await expect(panel.getByText(/^First sync with .+ waiting for your confirmation\./)).toBeVisible();
  await expect(panel.getByRole("button", { name: "Sync Now" })).toBeDisabled();
  await expect(panel.getByText("Never synced.")).toBeVisible();
  await expect(panel.getByRole("link", { name: "Review and confirm" })).toHaveAttribute("href", `/o/${slug}/sync/switch`);
  await screenshots(page, "switch-company-sync-panel");
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await screenshots(page, "switch-company-confirm");

  await page.goto(`/o/${slug}/vendors`);
  await page.getByRole("link", { name: vendorName }).click();
  const recordPanel = page.getByTestId("record-sync-panel");
  await expect(recordPanel).toHaveAttribute("data-state", "awaiting_confirmation");
  await expect(recordPanel.getByRole("link", { name: "Review and confirm" })).toBeVisible();
  await screenshots(page, "switch-company-vendor-waiting");

  await page.goto(`/o/${slug}/sync/switch`);
  await page.getByRole("button", { name: "Switch and sync" }).click();
  await page.waitForURL(new RegExp(`/o/${slug}/sync$`));
  await waitForSyncToFinish(page, null);

  await page.goto(`/o/${slug}/vendors`);
  await page.getByRole("link", { name: vendorName }).click();
  await expect(page.getByTestId("record-sync-panel")).toHaveAttribute("data-state", "synced", { timeout: 30_000 });
  await expect(page.getByTestId("record-sync-panel").getByRole("link", { name: "Open in QuickBooks" })).toBeVisible();

  // Nothing waits any more.
  await page.goto(`/o/${slug}/sync/switch`);
  await expect(page.getByText("No change of QuickBooks company is waiting for confirmation.")).toBeVisible();
});
