import { expect, test } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp } from "./helpers";

const shot = (name: string) => ({ path: `${SCREENSHOTS_DIR}/${name}.png`, fullPage: true });

test("reference lists: empty until loaded, then list accounts, items, classes, locations and terms", async ({ page }) => {
  const slug = await signUp(page, newPerson("Rhea"));
  const settings = `/o/${slug}/settings`;
  const tabs = page.getByRole("navigation", { name: "Settings" });

  await page.goto(`${settings}/chart-of-accounts`);
  await expect(page.getByText("Managed in QuickBooks Online — kept up to date by sync.")).toBeVisible();
  await expect(page.getByText("No accounts yet")).toBeVisible();
  await page.getByRole("button", { name: "Load sample lists" }).click();
  await expect(page.getByRole("cell", { name: "Undeposited Funds", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Business Checking", exact: true })).toBeVisible();
  await page.screenshot(shot("settings-chart-of-accounts"));

  await page.getByLabel("Type").selectOption("Bank");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/type=Bank/);
  await expect(page.getByRole("cell", { name: "Business Savings", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Design Income", exact: true })).toHaveCount(0);

  await tabs.getByRole("link", { name: "Items" }).click();
  await expect(page.getByText("Managed in QuickBooks Online — kept up to date by sync.")).toBeVisible();
  const lawnCare = page.getByRole("row").filter({ hasText: "Lawn care visit" });
  await expect(lawnCare).toContainText("$85.00");
  await expect(lawnCare).toContainText("Landscaping Services");
  await expect(page.getByRole("row").filter({ hasText: "Maple tree (10 gal)" })).toContainText("Cost of Goods Sold");
  await page.screenshot(shot("settings-items"));

  await tabs.getByRole("link", { name: "Classes" }).click();
  await expect(page.getByRole("cell", { name: "Residential", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Municipal", exact: true })).toBeVisible();
  await page.screenshot(shot("settings-classes"));

  await tabs.getByRole("link", { name: "Locations" }).click();
  await expect(page.getByRole("cell", { name: "Portland", exact: true })).toBeVisible();
  await page.screenshot(shot("settings-locations"));

  await tabs.getByRole("link", { name: "Terms" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Net 30" })).toContainText("Due 30 days after the document date");
  await expect(page.getByText("Managed in QuickBooks Online — kept up to date by sync.")).toBeVisible();
  await page.screenshot(shot("settings-terms"));

  // Once lists exist the sample loader is gone.
  await page.goto(`${settings}/chart-of-accounts`);
  await expect(page.getByRole("button", { name: "Load sample lists" })).toHaveCount(0);
});
