import { expect, test } from "@playwright/test";
import { newPerson, signUp, unique } from "./helpers";
import { actInQuickBooks, choosePreferences, connectSandbox, syncNowFromIcon } from "./sync-helpers";

test("a change made in QuickBooks syncs by itself: the webhook queues a sync, nobody clicks", async ({ page }) => {
  test.setTimeout(180_000);
  const slug = await signUp(page, newPerson("Hook"));
  const realm = await connectSandbox(page, slug);
  await syncNowFromIcon(page);
  await choosePreferences(page, slug);
  await syncNowFromIcon(page);

  // Someone adds a vendor in QuickBooks; QuickBooks notifies the app with a signed webhook.
  const name = unique("Webhook Vendor");
  await actInQuickBooks(page, realm, [{ type: "create", entity: "Vendor", fields: { DisplayName: name } }]);

  // The sync history gains a run started by that change (after a short debounce), and it finishes.
  await page.goto(`/o/${slug}/sync`);
  const webhookRun = page.getByRole("row").filter({ hasText: "QuickBooks change" });
  await expect
    .poll(
      async () => {
        await page.reload();
        return (await webhookRun.count()) > 0 && !/Running|Queued/.test(await webhookRun.first().innerText());
      },
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBe(true);

  await page.goto(`/o/${slug}/vendors?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("table").getByRole("link", { name })).toBeVisible();

  // The admin's jobs page lists that job as completed, next to the Sync Now ones.
  await page.goto(`/o/${slug}/settings/sync`);
  await page.getByRole("link", { name: "Sync jobs" }).click();
  await expect(page.getByRole("heading", { name: "Sync jobs" })).toBeVisible();
  const jobRow = page.getByRole("row").filter({ hasText: "QuickBooks change" }).first();
  await expect(jobRow).toContainText("Completed");
  await expect(jobRow.getByRole("link", { name: "View run" })).toBeVisible();

  // Operations can check the service without signing in.
  const health = await page.request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: { ok: true }, queue: { ok: true } });
});
