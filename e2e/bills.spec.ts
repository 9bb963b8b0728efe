import { expect, test, type Page } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp, unique } from "./helpers";

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}.png`, fullPage: true });

/** A new organisation with the standard chart of accounts and one vendor, ready for bills. */
async function setUpAp(page: Page, label: string) {
  const slug = await signUp(page, newPerson(label));
  await page.goto(`/o/${slug}/bills/new`);
  await expect(page.getByText("Your chart of accounts is empty")).toBeVisible();
  await page.getByRole("button", { name: "Use the standard chart of accounts" }).click();
  await expect(page.getByText("Add a vendor first")).toBeVisible();
  const vendor = unique("Acme Supplies").replace(/-/g, " ");
  await page.goto(`/o/${slug}/vendors/new`);
  await page.getByLabel("Display name").fill(vendor);
  await page.getByRole("button", { name: "Create vendor" }).click();
  await expect(page.getByRole("heading", { name: vendor })).toBeVisible();
  return { slug, vendor };
}

async function createBill(page: Page, slug: string, vendor: string, number: string, lines: { account: string; amount: string; description?: string }[]) {
  await page.goto(`/o/${slug}/bills/new`);
  await page.getByLabel("Vendor").selectOption({ label: vendor });
  await page.getByLabel("Bill number").fill(number);
  for (const [index, line] of lines.entries()) {
    if (index > 0) await page.getByRole("button", { name: "Add line" }).click();
    await page.getByLabel(`Line ${index + 1} account or item`).selectOption({ label: line.account });
    if (line.description) await page.getByLabel(`Line ${index + 1} description`).fill(line.description);
    await page.getByLabel(`Line ${index + 1} amount`).fill(line.amount);
  }
  await page.getByRole("button", { name: "Create bill" }).click();
  await expect(page.getByRole("heading", { name: `Bill ${number}` })).toBeVisible();
}

test("bill: validation, create with terms, pay electronically, process into a funds transfer, settle", async ({ page }) => {
  const { slug, vendor } = await setUpAp(page, "Bea");

  await page.goto(`/o/${slug}/bills/new`);
  await page.getByRole("button", { name: "Create bill" }).click();
  await expect(page.getByText("Choose a vendor.")).toBeVisible();
  await expect(page.getByText("Enter the bill number.")).toBeVisible();
  await expect(page.getByText("Choose an account or an item for this line.")).toBeVisible();

  await page.getByLabel("Vendor").selectOption({ label: vendor });
  await page.getByLabel("Bill number").fill("INV-1001");
  await page.getByLabel("Bill date").fill("2026-01-10");
  await page.getByLabel("Terms").selectOption({ label: "Net 30" });
  await expect(page.getByLabel("Due date")).toHaveValue("2026-02-09");
  await page.getByLabel("Line 1 account or item").selectOption({ label: "Supplies & Materials" });
  await page.getByLabel("Line 1 description").fill("Mulch, 12 yards");
  await page.getByLabel("Line 1 amount").fill("1,200.00");
  await page.getByRole("button", { name: "Add line" }).click();
  await page.getByLabel("Line 2 account or item").selectOption({ label: "Repairs & Maintenance" });
  await page.getByLabel("Line 2 amount").fill("12.345");
  await page.getByRole("button", { name: "Create bill" }).click();
  await expect(page.getByText("Amounts can have at most 2 decimal places.")).toBeVisible();
  await page.getByLabel("Line 2 amount").fill("300.50");
  await expect(page.getByText("$1,500.50")).toBeVisible();
  await shot(page, "bill-form");
  await page.getByRole("button", { name: "Create bill" }).click();
  await expect(page.getByRole("heading", { name: "Bill INV-1001" })).toBeVisible();
  await expect(page.getByText("Bill created.")).toBeVisible();
  await expect(page.getByText("Documents stay in Ledgerbridge — they do not sync to QuickBooks.")).toBeVisible();

  // A document, typed by its bytes.
  await page.getByLabel("Upload a document").setInputFiles({ name: "invoice-1001.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% test invoice\n") });
  await expect(page.getByRole("link", { name: "invoice-1001.pdf" })).toBeVisible();
  const download = await page.request.get((await page.getByRole("link", { name: "invoice-1001.pdf" }).getAttribute("href"))!);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect((await download.body()).toString()).toContain("% test invoice");
  await page.getByLabel("Upload a document").setInputFiles({ name: "evil.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not a pdf") });
  await expect(page.getByText("Only PDF, PNG and JPEG files can be attached.")).toBeVisible();
  await shot(page, "bill-detail");

  // Partial electronic payment.
  await page.getByRole("link", { name: "Pay", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Pay bill" })).toBeVisible();
  await page.getByLabel("Amount for bill INV-1001").fill("2000");
  await page.getByRole("button", { name: "Schedule payment" }).click();
  await expect(page.getByText(/can't be more than the \$1,500\.50/)).toBeVisible();
  await page.getByLabel("Amount for bill INV-1001").fill("1000.50");
  await page.getByRole("button", { name: "Schedule payment" }).click();
  await expect(page.getByText("Payment scheduled.")).toBeVisible();
  await expect(page.getByText("Scheduled", { exact: true }).first()).toBeVisible();

  await page.goto(`/o/${slug}/payments`);
  await expect(page.getByText("1 scheduled payment due by today")).toBeVisible();
  await page.getByRole("button", { name: "Process payments" }).click();
  await expect(page.getByText("1 payment sent in 1 funds transfer.")).toBeVisible();
  const transfer = page.getByTestId("funds-transfer").first();
  await expect(transfer.getByText("Business Checking")).toBeVisible();
  await expect(transfer.getByRole("link", { name: "INV-1001" })).toBeVisible();
  await expect(transfer.getByText("$1,000.50").first()).toBeVisible();
  await page.getByRole("button", { name: "Mark processed as paid" }).click();
  await expect(page.getByText("1 payment marked paid.")).toBeVisible();
  await shot(page, "payments");

  // The other engineer's Funds Transfer Detail report lists the payment in its transfer.
  await page.goto(`/o/${slug}/reports/funds-transfers`);
  await expect(page.getByText("INV-1001").first()).toBeVisible();

  await page.goto(`/o/${slug}/bills?status=partially_paid`);
  await expect(page.getByRole("link", { name: "INV-1001" })).toBeVisible();
  await page.getByRole("link", { name: "INV-1001" }).click();
  await expect(page.getByText("$500.00").first()).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Status: Scheduled → Partially paid" }).last()).toBeVisible();
});

test("vendor credit applied to a bill settles it", async ({ page }) => {
  const { slug, vendor } = await setUpAp(page, "Cal");
  await createBill(page, slug, vendor, "INV-2001", [{ account: "Utilities", amount: "200" }]);
  await createBill(page, slug, vendor, "INV-2002", [{ account: "Utilities", amount: "90" }]);

  await page.goto(`/o/${slug}/vendor-credits/new`);
  await page.getByLabel("Vendor").selectOption({ label: vendor });
  await page.getByLabel("Credit number").fill("CM-77");
  await page.getByLabel("Line 1 account or item").selectOption({ label: "Utilities" });
  await page.getByLabel("Line 1 description").fill("Billing error refund");
  await page.getByLabel("Line 1 amount").fill("250");
  await page.getByRole("button", { name: "Create vendor credit" }).click();
  await expect(page.getByRole("heading", { name: "Vendor credit CM-77" })).toBeVisible();
  await expect(page.getByText("Unapplied", { exact: true })).toBeVisible();

  await page.getByLabel("Apply to bill INV-2001", { exact: true }).check();
  await expect(page.getByLabel("Amount to apply to bill INV-2001")).toHaveValue("200.00");
  await page.getByLabel("Apply to bill INV-2002", { exact: true }).check();
  await expect(page.getByLabel("Amount to apply to bill INV-2002")).toHaveValue("50.00");
  await page.getByLabel("Amount to apply to bill INV-2002").fill("60");
  await page.getByRole("button", { name: "Apply credit" }).click();
  await expect(page.getByText(/more than the credit's \$250\.00 balance/)).toBeVisible();
  await page.getByLabel("Amount to apply to bill INV-2002").fill("50");
  await page.getByRole("button", { name: "Apply credit" }).click();
  await expect(page.getByText("Credit applied. 1 bill is now paid.")).toBeVisible();
  await expect(page.getByText("Fully applied", { exact: true })).toBeVisible();
  await shot(page, "vendor-credit-detail");

  await page.getByRole("link", { name: "Bill INV-2001" }).click();
  await expect(page.getByRole("heading", { name: "Bill INV-2001" })).toBeVisible();
  await expect(page.getByText("Open balance", { exact: true }).locator("..")).toContainText("$0.00");
  await expect(page.getByText("Credited", { exact: true }).locator("..")).toContainText("$200.00");
  await expect(page.getByRole("link", { name: "Credit CM-77" })).toBeVisible();

  await page.goto(`/o/${slug}/vendor-credits`);
  await expect(page.getByRole("link", { name: "CM-77" })).toBeVisible();
  await shot(page, "vendor-credits");
  await page.goto(`/o/${slug}/vendor-credits/new`);
  await shot(page, "vendor-credit-form");
});

test("mark a bill as paid offline with Sync to QuickBooks, void it, and find bills by search and tabs", async ({ page }) => {
  const { slug, vendor } = await setUpAp(page, "Dee");
  await createBill(page, slug, vendor, "INV-3001", [{ account: "Insurance", amount: "640.00" }]);
  await createBill(page, slug, vendor, "INV-3002", [{ account: "Travel", amount: "75.25" }]);

  await page.goto(`/o/${slug}/bills`);
  await page.getByLabel("Select bill INV-3001").check();
  await page.getByLabel("Select bill INV-3002").check();
  await page.getByRole("button", { name: "Pay selected" }).click();
  await expect(page.getByRole("heading", { name: "Pay 2 bills" })).toBeVisible();
  await expect(page.getByText("$715.25")).toBeVisible();
  await shot(page, "pay-selected");

  // Edit a bill: the total follows the lines and the history shows old → new.
  await page.goto(`/o/${slug}/bills?q=INV-3002`);
  await page.getByRole("link", { name: "INV-3002" }).click();
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await page.getByLabel("Line 1 amount").fill("80");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Bill saved.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Total: $75.25 → $80.00" }).last()).toBeVisible();
  await page.goto(`/o/${slug}/bills`);

  await page.getByRole("link", { name: "INV-3001" }).click();
  const sync = page.getByRole("checkbox", { name: "Sync to QuickBooks", exact: true });
  await expect(sync).toBeChecked();
  await page.getByLabel("Check or reference number").fill("CHK 5521");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("Payment recorded.")).toBeVisible();
  await expect(page.getByText("Marked as paid · CHK 5521")).toBeVisible();
  await expect(page.getByText("Open balance", { exact: true }).locator("..")).toContainText("$0.00");

  await page.goto(`/o/${slug}/bills?status=paid`);
  await expect(page.getByRole("link", { name: "INV-3001" })).toBeVisible();
  await expect(page.getByRole("link", { name: "INV-3002" })).toHaveCount(0);
  await page.goto(`/o/${slug}/bills?q=3002`);
  await expect(page.getByRole("link", { name: "INV-3002" })).toBeVisible();
  await expect(page.getByRole("link", { name: "INV-3001" })).toHaveCount(0);
  await page.goto(`/o/${slug}/bills?sort=amount&dir=desc`);
  await expect(page.locator("tbody tr").first()).toContainText("INV-3001");
  await shot(page, "bills-list");

  // Voiding the offline payment reopens the bill.
  await page.goto(`/o/${slug}/payments?status=paid`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Void" }).first().click();
  await expect(page.getByText("No payments here yet")).toBeVisible();
  await page.goto(`/o/${slug}/bills?status=unpaid`);
  await expect(page.getByRole("link", { name: "INV-3001" })).toBeVisible();
});
