import { expect, test } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp } from "./helpers";

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

test("vendors: company, phone, billing address, 1099 flag and tax id are kept; history never shows the tax id whole", async ({ page }) => {
  const slug = await signUp(page, newPerson("Bess"));
  await page.goto(`/o/${slug}/vendors/new`);
  await page.getByLabel("Display name").fill("Books by Bessie");
  await page.getByLabel("Company name").fill("Books by Bessie LLC");
  await page.getByLabel("Email").fill("books@bessie.example");
  await page.getByLabel("Phone").fill("(650) 555-7745");
  await page.getByLabel("Address line 1").fill("15 Main St.");
  await page.getByLabel("Address line 2").fill("Suite 4");
  await page.getByLabel("City").fill("Palo Alto");
  await page.getByLabel("State / region").fill("CA");
  await page.getByLabel("Postal code").fill("94303");
  await page.getByLabel("Country").fill("USA");
  await page.getByLabel("Track payments for a 1099").check();
  await page.getByLabel("Tax ID").fill("99-5688293");
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/vendor-form.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/vendor-form-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByLabel("Postal code").fill("9".repeat(31));
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByText("Postal code can be at most 30 characters")).toBeVisible();
  await page.getByLabel("Postal code").fill("94303");
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("heading", { name: "Books by Bessie" })).toBeVisible();

  // The detail page holds every field as saved.
  await expect(page.getByLabel("Company name")).toHaveValue("Books by Bessie LLC");
  await expect(page.getByLabel("Phone")).toHaveValue("(650) 555-7745");
  await expect(page.getByLabel("Address line 2")).toHaveValue("Suite 4");
  await expect(page.getByLabel("State / region")).toHaveValue("CA");
  await expect(page.getByLabel("Country")).toHaveValue("USA");
  await expect(page.getByLabel("Track payments for a 1099")).toBeChecked();
  await expect(page.getByLabel("Tax ID")).toHaveValue("99-5688293");
  const history = page.getByRole("listitem").filter({ hasText: "Tax ID:" }).last();
  await expect(history).toContainText("•••• 8293");
  await expect(page.getByText("99-5688293")).toHaveCount(0);

  await page.getByLabel("Track payments for a 1099").uncheck();
  await page.getByLabel("City").fill("Menlo Park");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Track payments for a 1099")).not.toBeChecked();
  await expect(page.getByRole("listitem").filter({ hasText: "City: Palo Alto → Menlo Park" }).last()).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "1099 contractor: Yes → No" }).last()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/vendor-detail.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/vendor-detail-390.png`, fullPage: true });

  // Customers have the address but no tax reporting.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/o/${slug}/customers/new`);
  await expect(page.getByLabel("Address line 1")).toBeVisible();
  await expect(page.getByLabel("Tax ID")).toHaveCount(0);
});
