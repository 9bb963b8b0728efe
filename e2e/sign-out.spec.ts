import { expect, test, type Browser, type Cookie } from "@playwright/test";
import { newPerson, signIn, signOut, signUp } from "./helpers";

/** A fresh browser holding only the given cookies: someone who copied them. */
async function browserWith(browser: Browser, baseURL: string | undefined, cookies: Cookie[]) {
  const context = await browser.newContext({ baseURL });
  await context.addCookies(cookies);
  return context;
}

test("signing out ends the session: a copy of the old cookie is signed out too", async ({ page, browser, baseURL }) => {
  const person = newPerson("Leaver");
  const slug = await signUp(page, person);
  const sessionCookies = (await page.context().cookies()).filter((cookie) => cookie.name.includes("next-auth.session-token"));
  expect(sessionCookies.length).toBeGreaterThan(0);

  // The copy works while the session lasts…
  const before = await browserWith(browser, baseURL, sessionCookies);
  const beforePage = await before.newPage();
  await beforePage.goto(`/o/${slug}`);
  await expect(beforePage.getByRole("heading", { name: /Good to see you/ })).toBeVisible();
  await before.close();

  await signOut(page);

  // …and not after: pages send it to sign-in, routes answer 401.
  const after = await browserWith(browser, baseURL, sessionCookies);
  const afterPage = await after.newPage();
  await afterPage.goto(`/o/${slug}`);
  await expect(afterPage).toHaveURL(/\/sign-in/);
  expect((await after.request.get(`/api/orgs/${slug}/customers`)).status()).toBe(401);
  await after.close();

  // Signing in again gives a working session.
  await signIn(page, person.email, person.password);
  await page.waitForURL(new RegExp(`/o/${slug}$`));
  await expect(page.getByRole("heading", { name: /Good to see you/ })).toBeVisible();
});
