import { expect, test, type Page } from "@playwright/test";
import { newPerson, signOut, signUp } from "./helpers";

// Each names another host once a browser reads it (`\` is `/`, tabs and newlines are dropped).
const HOSTILE = ["/\\evil.example/x", "//evil.example/x", "https://evil.example/x", "/\t/evil.example/x", "/\n/evil.example/x", "/.//evil.example/x"];

test("after signing in, a hostile callbackUrl never takes the browser off the app", async ({ page, baseURL }) => {
  const app = new URL(baseURL!).origin;
  // Were the app to send the browser away, it would land here instead of failing on DNS.
  // Matched by host: the app's own URLs carry "evil.example" in their query.
  await page.route((url) => url.hostname === "evil.example", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Evil</h1>" }));
  const person = newPerson("Redirect");
  const slug = await signUp(page, person);

  // Signed in: the sign-in page's own redirect (307) stays on the app.
  for (const hostile of [...HOSTILE, "/%5Cevil.example/x"]) {
    const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(hostile)}`, { maxRedirects: 0 });
    expect(response.status(), hostile).toBe(307);
    expect(new URL(response.headers().location!, app).origin, hostile).toBe(app);
  }
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/\\evil.example/x")}`);
  await page.waitForURL(new RegExp(`/o/${slug}$`));
  expect(new URL(page.url()).origin).toBe(app);

  // Signing in through the form (router.replace): the same.
  await signOut(page);
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/\\evil.example/x")}`);
  await submitSignIn(page, person.email, person.password);
  await page.waitForURL(new RegExp(`/o/${slug}$`));
  expect(new URL(page.url()).origin).toBe(app);
  await expect(page.getByRole("heading", { name: /Good to see you/ })).toBeVisible();

  // A same-site callbackUrl is still honoured.
  await signOut(page);
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(`/o/${slug}/settings`)}`);
  await submitSignIn(page, person.email, person.password);
  await page.waitForURL(new RegExp(`/o/${slug}/settings$`));
});

/** Signs in on the sign-in page already open, keeping its callbackUrl. */
async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
