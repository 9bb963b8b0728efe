import { expect, test, type Page } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp, unique } from "./helpers";

/** Desktop and phone (390 px) screenshots of the credit page, for review. */
async function shots(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-desktop.png`, fullPage: true });
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-390.png`, fullPage: true });
  if (desktop) await page.setViewportSize(desktop);
}

test("a vendor credit is edited while unapplied, unapplied from its bill, then voided", async ({ page }) => {
  test.setTimeout(300_000);
  const slug = await signUp(page, newPerson("Vic"));
  await page.goto(`/o/${slug}/bills/new`);
  await page.getByRole("button", { name: "Use the standard chart of accounts" }).click();
  await expect(page.getByText("Add a vendor first")).toBeVisible();
  const vendor = unique("Harbor Parts").replace(/-/g, " ");
  await page.goto(`/o/${slug}/vendors/new`);
  await page.getByLabel("Display name").fill(vendor);
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("heading", { name: vendor })).toBeVisible();

  await page.goto(`/o/${slug}/bills/new`);
  await page.getByLabel("Vendor").selectOption({ label: vendor });
  await page.getByLabel("Bill number").fill("HB-100");
  await page.getByLabel("Line 1 account or item").selectOption({ label: "Utilities" });
  await page.getByLabel("Line 1 amount").fill("120");
  await page.getByRole("button", { name: "Create bill" }).click();
  await expect(page.getByRole("heading", { name: "Bill HB-100" })).toBeVisible();

  await page.goto(`/o/${slug}/vendor-credits/new`);
  await page.getByLabel("Vendor").selectOption({ label: vendor });
  await page.getByLabel("Credit number").fill("CM-1");
  await page.getByLabel("Line 1 account or item").selectOption({ label: "Utilities" });
  await page.getByLabel("Line 1 amount").fill("80");
  await page.getByRole("button", { name: "Create vendor credit" }).click();
  await expect(page.getByRole("heading", { name: "Vendor credit CM-1" })).toBeVisible();

  // Edit while unapplied: number, amount, memo.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Edit vendor credit CM-1" })).toBeVisible();
  await expect(page.getByLabel("Line 1 amount")).toHaveValue("80.00");
  await page.getByLabel("Credit number").fill("CM-1A");
  await page.getByLabel("Line 1 amount").fill("120");
  await page.getByLabel("Memo").fill("Whole bill refunded");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "Vendor credit CM-1A" })).toBeVisible();
  await expect(page.getByText("Vendor credit saved.")).toBeVisible();
  await expect(page.getByText("Whole bill refunded", { exact: true })).toBeVisible();
  await expect(page.locator("dt", { hasText: /^Amount$/ }).locator("..")).toContainText("$120.00");

  // Applied: no more edits or void, and the page says why.
  await page.getByLabel("Apply to bill HB-100", { exact: true }).check();
  await page.getByRole("button", { name: "Apply credit" }).click();
  await expect(page.getByText("Fully applied", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(page.getByText("Applied to bills: unapply it from every bill to edit or void it.")).toBeVisible();
  await shots(page, "vendor-credit-applied");
  await page.goto(`/o/${slug}/vendor-credits`);
  await page.getByRole("link", { name: "CM-1A" }).click();
  await expect(page.getByRole("heading", { name: "Vendor credit CM-1A" })).toBeVisible();
  await page.goto(`${page.url().split("?")[0]}/edit`);
  await expect(page.getByText("This vendor credit is applied to bills, so it can't be edited. Unapply it from every bill first.")).toBeVisible();
  await page.getByRole("link", { name: "Back to the credit" }).click();

  // Unapply (with confirmation): the bill reopens, the credit is unapplied again.
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("Unapply $120.00 from bill HB-100?");
    void dialog.accept();
  });
  await page.getByRole("button", { name: "Unapply" }).click();
  await expect(page.getByText("Unapplied", { exact: true })).toBeVisible();
  await expect(page.getByText("unapplied", { exact: true })).toBeVisible();
  await expect(page.locator("dt", { hasText: /^Balance$/ }).locator("..")).toContainText("$120.00");
  await expect(page.getByRole("listitem").filter({ hasText: "Unapplied from bill HB-100" }).first()).toBeVisible();
  await page.getByRole("link", { name: "Bill HB-100" }).click();
  await expect(page.getByText("Open balance", { exact: true }).locator("..")).toContainText("$120.00");
  await page.goBack();

  // Void (with confirmation): shown as Voided, nothing left to edit or apply.
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("Void vendor credit CM-1A?");
    void dialog.accept();
  });
  await page.getByRole("button", { name: "Void" }).click();
  await expect(page.getByText("Voided", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/This vendor credit was voided on/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply credit" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await shots(page, "vendor-credit-voided");
});
