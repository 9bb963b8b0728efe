import { expect, test, type ConsoleMessage } from "@playwright/test";
import { newPerson, signUp } from "./helpers";
import { connectSandbox } from "./sync-helpers";

test("every page says it may not be framed, sniffed or leak its address, and the browser enforces it", async ({ page, baseURL }) => {
  for (const path of ["/sign-in", "/api/health", "/qbo-sandbox/oauth2/authorize"]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toContain("object-src 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }

  // A page of another site framing the sign-in page (clickjacking) gets an empty, blocked frame.
  await page.goto("about:blank");
  await page.setContent(`<iframe id="victim" src="${baseURL}/sign-in" width="800" height="600"></iframe>`);
  await page.waitForTimeout(2_000);
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  expect(await frame?.locator("button", { hasText: "Sign in" }).count().catch(() => 0)).toBe(0);
});

test("the policy blocks nothing the app itself needs: sign-up, pages, the sync panel and the QuickBooks consent page", async ({ page }) => {
  test.setTimeout(120_000);
  const violations: string[] = [];
  const note = (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) violations.push(message.text());
  };
  page.on("console", note);
  page.on("pageerror", (error) => violations.push(String(error)));

  const slug = await signUp(page, newPerson("Csp"));
  await page.goto(`/o/${slug}/bills/new`);
  await expect(page.getByRole("heading", { name: /New bill/i })).toBeVisible();
  await page.getByRole("button", { name: "Sync", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "QuickBooks sync" })).toBeVisible();
  await page.keyboard.press("Escape");
  await connectSandbox(page, slug);
  await page.goto(`/o/${slug}/settings/sync`);
  await expect(page.getByText("Connected", { exact: true })).toBeVisible();
  expect(violations).toEqual([]);
});
