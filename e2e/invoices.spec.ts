import { expect, test, type Page } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp } from "./helpers";

const shot = (name: string) => ({ path: `${SCREENSHOTS_DIR}/${name}.png`, fullPage: true });

async function prepareOrg(page: Page, customerName: string) {
  const slug = await signUp(page, newPerson("Ivan"));
  await page.goto(`/o/${slug}/settings/chart-of-accounts`);
  await page.getByRole("button", { name: "Load sample lists" }).click();
  await expect(page.getByRole("cell", { name: "Undeposited Funds", exact: true })).toBeVisible();
  await page.goto(`/o/${slug}/customers/new`);
  await page.getByLabel("Display name").fill(customerName);
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { name: customerName })).toBeVisible();
  return slug;
}

test("invoices: create with lines, receive a partial then a full payment, void rules, list filters", async ({ page }) => {
  const slug = await prepareOrg(page, "Garcia Residence");
  await page.goto(`/o/${slug}/invoices`);
  await expect(page.getByText("No invoices yet")).toBeVisible();
  await page.getByRole("link", { name: "New invoice" }).click();

  // Bad input: field errors, nothing saved.
  await page.getByRole("button", { name: "Create invoice" }).click();
  await expect(page.getByText("Choose a customer.")).toBeVisible();
  await expect(page.getByText("Choose a product or service.")).toBeVisible();

  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Garcia Residence" });
  await page.getByLabel("Invoice date").fill("2026-10-01");
  await page.getByLabel("Terms").selectOption({ label: "Net 30" });
  await expect(page.getByLabel("Due date")).toHaveValue("2026-10-31");
  await page.getByLabel("Product or service (line 1)").selectOption({ label: "Lawn care visit" });
  await expect(page.getByLabel("Rate (line 1)")).toHaveValue("85.00");
  await page.getByLabel("Quantity (line 1)").fill("2");
  await page.getByLabel("Class (line 1)").selectOption({ label: "Residential" });
  await page.getByRole("button", { name: "Add line" }).click();
  await page.getByLabel("Product or service (line 2)").selectOption({ label: "Hedge trimming" });
  await page.getByRole("button", { name: "Add line" }).click();
  await page.getByLabel("Product or service (line 3)").selectOption({ label: "Mulch (cubic yard)" });
  await page.getByLabel("Quantity (line 3)").fill("1.5");
  await page.getByRole("button", { name: "Remove line 2" }).click();
  await expect(page.getByTestId("invoice-total")).toHaveText("$237.50");
  await page.getByLabel("Message on invoice").fill("October maintenance");
  await page.screenshot(shot("invoice-new"));
  await page.getByRole("button", { name: "Create invoice" }).click();

  await expect(page.getByRole("heading", { name: "Invoice 1001" })).toBeVisible();
  await expect(page.getByText("Invoice created.")).toBeVisible();
  await expect(page.getByText("Unpaid").first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Mulch (cubic yard)" })).toContainText("$67.50");

  // Partial payment.
  await expect(page.getByLabel("Amount received")).toHaveValue("237.50");
  await page.getByLabel("Amount received").fill("100");
  await page.getByLabel("Payment date").fill("2026-10-15");
  await page.getByLabel("Reference").fill("CHK 1042");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("Partially paid").first()).toBeVisible();
  await expect(page.getByLabel("Amount received")).toHaveValue("137.50");

  // Voiding is refused while a payment is live.
  await page.getByRole("button", { name: "Void invoice" }).click();
  await page.getByRole("button", { name: "Yes, void invoice" }).click();
  await expect(page.getByText(/Void that payment first, then void the invoice/)).toBeVisible();

  // Overpaying is refused at the field.
  await page.getByLabel("Amount received").fill("500");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("The amount can't be more than the open balance of $137.50.")).toBeVisible();

  // Full payment of the rest: paid.
  await page.getByLabel("Amount received").fill("137.50");
  await page.getByLabel("Payment date").fill("2026-10-20");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("Paid", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Receive payment" })).toHaveCount(0);
  await expect(page.getByRole("listitem").filter({ hasText: "received a payment of $137.50" })).toBeVisible();
  await page.screenshot(shot("invoice-detail-paid"));

  // Voiding a payment reopens the invoice.
  await page.getByRole("row").filter({ hasText: "CHK 1042" }).getByRole("button", { name: "Void" }).click();
  await page.getByRole("button", { name: "Yes, void payment" }).click();
  await expect(page.getByText("Partially paid").first()).toBeVisible();
  await expect(page.getByLabel("Amount received")).toHaveValue("100.00");

  // Edit: history records the change.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await page.getByLabel("Message on invoice").fill("October maintenance, front and back");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: /^Message on invoice: October maintenance → October maintenance, front and back$/ })).toBeVisible();

  // A second invoice, paid in full by default ("mark an invoice paid").
  await page.goto(`/o/${slug}/invoices/new`);
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Garcia Residence" });
  await expect(page.getByLabel("Invoice number")).toHaveValue("1002");
  await page.getByLabel("Product or service (line 1)").selectOption({ label: "Garden design" });
  await page.getByRole("button", { name: "Create invoice" }).click();
  await expect(page.getByRole("heading", { name: "Invoice 1002" })).toBeVisible();
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("Paid", { exact: true }).first()).toBeVisible();

  // List: filters, search, totals.
  await page.goto(`/o/${slug}/invoices`);
  await expect(page.getByRole("row").filter({ hasText: "Total of 2 invoices" })).toContainText("$362.50");
  await page.screenshot(shot("invoices-list"));
  await page.getByRole("link", { name: "Partially paid" }).click();
  await expect(page.getByRole("link", { name: "1001" })).toBeVisible();
  await expect(page.getByRole("link", { name: "1002" })).toHaveCount(0);
  await page.getByRole("link", { name: "Paid", exact: true }).click();
  await expect(page.getByRole("link", { name: "1002" })).toBeVisible();
  await page.getByRole("link", { name: "All", exact: true }).click();
  await page.getByLabel("Search invoices").fill("garcia");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: "1001" })).toBeVisible();
  await page.getByLabel("Search invoices").fill("nobody");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No invoices match")).toBeVisible();

  // AR aging shows the open balance; the invoice is 31–60 days past due on 2026-12-15.
  await page.goto(`/o/${slug}/reports/ar-aging?asOf=2026-12-15`);
  const garcia = page.getByRole("row").filter({ hasText: "Garcia Residence" });
  await expect(garcia).toContainText("$100.00");
  await page.screenshot(shot("report-ar-aging"));
});
