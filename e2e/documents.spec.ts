import { expect, test, type Page } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp } from "./helpers";

/** Issue 16 item 7: attachments on invoices and received payments, as on bills; they never sync. */

const PHONE = { width: 390, height: 844 };
const NOTE = "Documents stay in Ledgerbridge — they do not sync to QuickBooks.";

async function shots(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}.png`, fullPage: true });
  const desktop = page.viewportSize();
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/phone-${name}.png`, fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(width, `${name} fits a 390 px screen`).toBeLessThanOrEqual(PHONE.width);
  if (desktop) await page.setViewportSize(desktop);
}

test("upload a PDF on an invoice, download it, remove it; received payments have documents too", async ({ page }) => {
  const slug = await signUp(page, newPerson("Doc"));
  await page.goto(`/o/${slug}/settings/chart-of-accounts`);
  await page.getByRole("button", { name: "Load sample lists" }).click();
  await expect(page.getByRole("cell", { name: "Undeposited Funds", exact: true })).toBeVisible();
  await page.goto(`/o/${slug}/customers/new`);
  await page.getByLabel("Display name").fill("Nguyen Residence");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { name: "Nguyen Residence" })).toBeVisible();

  await page.goto(`/o/${slug}/invoices/new`);
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Nguyen Residence" });
  await page.getByLabel("Invoice date").fill("2026-10-01");
  await page.getByLabel("Product or service (line 1)").selectOption({ label: "Lawn care visit" });
  await page.getByRole("button", { name: "Create invoice" }).click();
  await expect(page.getByRole("heading", { name: "Invoice 1001" })).toBeVisible();
  await expect(page.getByText(NOTE)).toBeVisible();
  await expect(page.getByText("No documents attached.")).toBeVisible();

  // Upload a PDF (named by its bytes) and download exactly what was sent.
  await page.getByLabel("Upload a document").setInputFiles({ name: "signed-estimate.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% signed estimate\n") });
  await expect(page.getByText("Attached signed-estimate.pdf.")).toBeVisible();
  const link = page.getByRole("link", { name: "signed-estimate.pdf" });
  await expect(link).toBeVisible();
  const download = await page.request.get((await link.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toContain("signed-estimate.pdf");
  expect((await download.body()).toString()).toContain("% signed estimate");

  // Something that is not a PDF, PNG or JPEG is refused whatever it is called.
  await page.getByLabel("Upload a document").setInputFiles({ name: "evil.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not a pdf") });
  await expect(page.getByText("Only PDF, PNG and JPEG files can be attached.")).toBeVisible();
  await shots(page, "invoice-documents");

  // The invoice's history shows the attachment.
  await expect(page.getByRole("listitem").filter({ hasText: "attached a document" })).toBeVisible();

  // Remove it: gone from the list and from the download address.
  const href = (await link.getAttribute("href"))!;
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Remove signed-estimate.pdf" }).click();
  await expect(page.getByText("No documents attached.")).toBeVisible();
  expect((await page.request.get(href)).status()).toBe(404);

  // A received payment has its own documents.
  await page.getByLabel("Amount received").fill("20");
  await page.getByLabel("Payment date").fill("2026-10-15");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("Partially paid").first()).toBeVisible();
  await page.getByRole("link", { name: /Oct 15, 2026|2026-10-15/ }).first().click();
  await expect(page.getByRole("heading", { name: /Payment received/ })).toBeVisible();
  await expect(page.getByText(NOTE)).toBeVisible();
  await page.waitForLoadState("networkidle"); // the upload input reacts once the page is interactive
  await page.getByLabel("Upload a document").setInputFiles({ name: "deposit-slip.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) });
  await expect(page.getByRole("link", { name: "deposit-slip.png" })).toBeVisible();
  await shots(page, "received-payment-documents");
});
