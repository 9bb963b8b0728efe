import { expect, test } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp } from "./helpers";

const shot = (name: string) => ({ path: `${SCREENSHOTS_DIR}/${name}.png`, fullPage: true });

test("reports: index links to Funds Transfer Detail and the aging reports", async ({ page }) => {
  const slug = await signUp(page, newPerson("Rory"));
  await page.goto(`/o/${slug}/reports`);
  await page.screenshot(shot("reports-index"));

  await page.getByRole("link", { name: /Funds Transfer Detail/ }).click();
  await expect(page.getByRole("heading", { name: "Funds Transfer Detail" })).toBeVisible();
  await expect(page.getByText("No funds transfers in this period")).toBeVisible();
  await expect(page.getByText("Reconciled")).toHaveCount(2);
  await page.getByLabel("From").fill("2026-01-01");
  await page.getByLabel("To").fill("2026-03-31");
  await page.getByRole("button", { name: "Run report" }).click();
  await expect(page).toHaveURL(/from=2026-01-01&to=2026-03-31/);
  await expect(page.getByText(/Jan 1, 2026 – Mar 31, 2026/)).toBeVisible();
  await page.screenshot(shot("report-funds-transfers"));

  await page.goto(`/o/${slug}/reports`);
  await page.getByRole("link", { name: /AP aging/ }).click();
  await expect(page.getByRole("heading", { name: "AP aging" })).toBeVisible();
  await expect(page.getByText("No open bills on this date.")).toBeVisible();
  await page.screenshot(shot("report-ap-aging"));
});
