import { expect, test, type Page } from "@playwright/test";
import { newPerson, SCREENSHOTS_DIR, signUp } from "./helpers";
import { choosePreferences, connectSandbox, syncNowFromIcon } from "./sync-helpers";

/** Issue 16 item 8: no main page is wider than a 390 px phone screen. */

const PHONE = { width: 390, height: 844 };

/** How far the page reaches past the screen's right edge, and the widest elements that cause it. */
async function overflow(page: Page) {
  return page.evaluate((width) => {
    // An element inside a scroller (overflow-x: auto/hidden) does not widen the page; skip those.
    // (An absolutely positioned element escapes a scroller that is not its containing block: keep those.)
    const clipped = (el: Element) => {
      if (getComputedStyle(el).position === "absolute") return false;
      for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      }
      return false;
    };
    const culprits: string[] = [];
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const box = el.getBoundingClientRect();
      if (box.right > width + 1 && culprits.length < 6 && !clipped(el)) {
        culprits.push(`${el.tagName.toLowerCase()}.${String(el.className).split(" ").slice(0, 4).join(".")} → ${Math.round(box.right)}px`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  }, PHONE.width);
}

async function expectFitsPhone(page: Page, path: string, name: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const { scrollWidth, culprits } = await overflow(page);
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/phone-${name}.png`, fullPage: true });
  expect.soft(scrollWidth, `${path} is ${scrollWidth}px wide: ${culprits.join(", ")}`).toBeLessThanOrEqual(PHONE.width);
}

test("every main page fits a 390 px screen, with data in the lists", async ({ page }) => {
  test.setTimeout(420_000);
  const slug = await signUp(page, newPerson("Ph"));
  await connectSandbox(page, slug);
  await syncNowFromIcon(page);
  await choosePreferences(page, slug);
  await syncNowFromIcon(page);

  // A processed payment, so Payments has a funds transfer to show.
  await page.goto(`/o/${slug}/bills?status=unpaid`);
  await page.locator("tbody tr").first().getByRole("link").first().click();
  const billPath = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "Pay", exact: true }).click();
  await page.getByRole("button", { name: "Schedule payment" }).click();
  await expect(page.getByText("Payment scheduled.")).toBeVisible();
  await page.goto(`/o/${slug}/payments`);
  await page.getByRole("button", { name: "Process payments" }).click();
  await expect(page.getByTestId("funds-transfer").first()).toBeVisible();
  await page.getByRole("link", { name: /^Payment of / }).first().click();
  await expect(page.getByRole("heading", { name: /^Payment of \$/ })).toBeVisible();
  const paymentPath = new URL(page.url()).pathname;

  await page.goto(`/o/${slug}/invoices?status=unpaid`);
  await page.locator("tbody tr").first().getByRole("link").first().click();
  const invoicePath = new URL(page.url()).pathname;
  await page.goto(`/o/${slug}/vendors`);
  await page.locator("tbody tr").first().getByRole("link").first().click();
  const vendorPath = new URL(page.url()).pathname;

  await page.setViewportSize(PHONE);
  const pages: Array<[string, string]> = [
    ["", "overview"],
    ["/bills", "bills"],
    ["/bills/new", "bill-new"],
    [billPath.replace(`/o/${slug}`, ""), "bill"],
    ["/payments", "payments"],
    [paymentPath.replace(`/o/${slug}`, ""), "payment"],
    ["/invoices", "invoices"],
    ["/invoices/new", "invoice-new"],
    [invoicePath.replace(`/o/${slug}`, ""), "invoice"],
    ["/received-payments", "received-payments"],
    ["/vendors", "vendors"],
    [vendorPath.replace(`/o/${slug}`, ""), "vendor"],
    ["/customers", "customers"],
    ["/vendor-credits", "vendor-credits"],
    ["/reports", "reports"],
    ["/reports/ap-aging", "ap-aging"],
    ["/reports/ar-aging", "ar-aging"],
    ["/reports/funds-transfers", "funds-transfers"],
    ["/sync", "sync"],
    ["/sync/issues", "sync-issues"],
    ["/settings", "settings"],
    ["/settings/sync", "settings-sync"],
    ["/settings/team", "settings-team"],
    ["/settings/chart-of-accounts", "chart-of-accounts"],
  ];
  for (const [path, name] of pages) await expectFitsPhone(page, `/o/${slug}${path}`, name);
});
