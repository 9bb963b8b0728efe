import { expect, test } from "@playwright/test";
import { newPerson, signUp } from "./helpers";

test("vendors: create, find, edit with history, deactivate; name clash with a customer is flagged", async ({ page }) => {
  const slug = await signUp(page, newPerson("Vera"));
  await page.goto(`/o/${slug}/vendors`);
  await expect(page.getByText("No vendors yet")).toBeVisible();

  await page.getByRole("link", { name: "New vendor" }).click();
  await page.getByLabel("Display name").fill("Acme: Supplies");
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByText('Display name cannot contain ":"')).toBeVisible();

  await page.getByLabel("Display name").fill("Acme Supplies");
  await page.getByLabel("Email").fill("ap@acme.example");
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("heading", { name: "Acme Supplies" })).toBeVisible();

  await page.getByLabel("Display name").fill("Acme Supplies Inc");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: "Display name: Acme Supplies → Acme Supplies Inc" }).last()).toBeVisible();

  await page.goto(`/o/${slug}/vendors?q=inc`);
  await expect(page.getByRole("link", { name: "Acme Supplies Inc" })).toBeVisible();

  // A page past the last one lands on the last page, with the search kept (not "2499951–1 of 1").
  await page.goto(`/o/${slug}/vendors?q=inc&page=99999`);
  await expect(page).toHaveURL(/[?&]page=1(&|$)/);
  await expect(page).toHaveURL(/[?&]q=inc/);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("1–1 of 1");
  await expect(page.getByRole("link", { name: "Acme Supplies Inc" })).toBeVisible();

  await page.goto(`/o/${slug}/customers/new`);
  await page.getByLabel("Display name").fill("Acme Supplies Inc");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByText(/QuickBooks needs names to be unique across vendors and customers/)).toBeVisible();

  await page.goto(`/o/${slug}/vendors?q=acme`);
  await page.getByRole("link", { name: "Acme Supplies Inc" }).click();
  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText("Inactive").first()).toBeVisible();
  await page.goto(`/o/${slug}/vendors`);
  await expect(page.getByText("No vendors yet")).toBeVisible();
});
