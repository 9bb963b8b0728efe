import { expect, test } from "@playwright/test";
import { invite, newPerson, signUp, signUpFromInvitation } from "./helpers";

test("an admin connects the sandbox company through OAuth, sees its health, and disconnects", async ({ page }) => {
  const slug = await signUp(page, newPerson("Quinn"));
  await page.goto(`/o/${slug}/settings/sync`);
  await expect(page.getByText("Not connected")).toBeVisible();

  let callbackUrl = "";
  page.on("request", (request) => {
    if (request.url().includes("/api/qbo/callback")) callbackUrl = request.url();
  });
  await page.getByRole("link", { name: "Connect to QuickBooks" }).click();
  await expect(page.getByRole("heading", { name: /^Connect to / })).toBeVisible();
  await page.getByRole("button", { name: "Approve" }).click();

  await page.waitForURL(new RegExp(`/o/${slug}/settings/sync\\?connected=1`));
  await expect(page.getByText(/^Connected to /)).toBeVisible();
  await expect(page.getByText("Connected", { exact: true })).toBeVisible();
  await expect(page.getByText("Realm ID")).toBeVisible();
  await expect(page.getByText("Healthy — tokens renew automatically.")).toBeVisible();

  // The same callback (code + state) again is refused: a state is single-use.
  expect(callbackUrl).toContain("state=");
  await page.goto(callbackUrl);
  await expect(page.getByText(/already used/)).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await page.goto(`/o/${slug}/settings/sync`);
  await page.getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByText("Not connected")).toBeVisible();
  await expect(page.getByRole("link", { name: "Connect to QuickBooks" })).toBeVisible();
});

test("a forged state is refused and a member cannot start a connection", async ({ page, browser }) => {
  const admin = newPerson("Ora");
  const slug = await signUp(page, admin);
  await page.goto(`/api/qbo/callback?code=abc&realmId=123&state=${encodeURIComponent("eyJvcmdJZCI6IngifQ.forged")}`);
  await expect(page.getByText(/could not be verified/)).toBeVisible();

  const member = newPerson("Mo");
  const link = await invite(page, slug, member.email);

  const context = await browser.newContext();
  const memberPage = await context.newPage();
  await signUpFromInvitation(memberPage, link, member, slug);
  await memberPage.goto(`/o/${slug}/settings/sync`);
  await expect(memberPage.getByText("Only an admin can connect or disconnect QuickBooks.")).toBeVisible();
  expect((await memberPage.request.get(`/api/orgs/${slug}/qbo/connect`, { maxRedirects: 0 })).status()).toBe(403);
  await context.close();
});

test("each organisation connects its own sandbox company; another organisation never sees, approves or controls it", async ({ page, browser }) => {
  const alpha = newPerson("Alpha");
  const alphaSlug = await signUp(page, alpha);
  let consentUrl = "";
  page.on("request", (request) => {
    if (request.url().includes("/qbo-sandbox/oauth2/authorize") && request.method() === "GET") consentUrl = request.url();
  });
  await page.goto(`/o/${alphaSlug}/settings/sync`);
  await page.getByRole("link", { name: "Connect to QuickBooks" }).click();
  await expect(page.getByRole("heading", { name: "Connect to a new sandbox company" })).toBeVisible();
  await expect(page.getByLabel("Company name")).toHaveValue(`${alpha.organizationName} (QuickBooks sandbox)`);
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL(new RegExp(`/o/${alphaSlug}/settings/sync\\?connected=1`));
  await expect(page.getByText(`Connected to ${alpha.organizationName} (QuickBooks sandbox)`)).toBeVisible();
  const alphaRealm = (await page.getByText("Realm ID").locator("xpath=following-sibling::dd").innerText()).trim();

  // Someone signed out who got hold of the consent link sees no company at all.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  const strangerView = await strangerPage.goto(consentUrl);
  expect(strangerView?.status()).toBe(403);
  await expect(strangerPage.getByText("No QuickBooks company is available to you here.")).toBeVisible();
  await stranger.close();

  // Another organisation's admin gets a company of their own, and cannot reach Alpha's.
  const betaContext = await browser.newContext();
  const betaPage = await betaContext.newPage();
  const beta = newPerson("Beta");
  const betaSlug = await signUp(betaPage, beta);
  await betaPage.goto(`/o/${betaSlug}/settings/sync`);
  await betaPage.getByRole("link", { name: "Connect to QuickBooks" }).click();
  await expect(betaPage.locator("body")).not.toContainText(alphaRealm);
  await expect(betaPage.locator("body")).not.toContainText(alpha.organizationName);
  await betaPage.getByRole("button", { name: "Approve" }).click();
  await betaPage.waitForURL(new RegExp(`/o/${betaSlug}/settings/sync\\?connected=1`));
  const betaRealm = (await betaPage.getByText("Realm ID").locator("xpath=following-sibling::dd").innerText()).trim();
  expect(betaRealm).not.toBe(alphaRealm);
  expect((await betaPage.request.post(`/qbo-sandbox/_sandbox/companies/${alphaRealm}/tokens`)).status()).toBe(404);
  expect((await betaPage.request.get(`/qbo-sandbox/_sandbox/companies/${alphaRealm}/records/CompanyInfo/1`)).status()).toBe(404);
  expect((await betaPage.request.get("/qbo-sandbox/_sandbox/companies")).status()).toBe(404);
  expect((await betaPage.request.post(`/qbo-sandbox/_sandbox/companies/${betaRealm}/tokens`)).status()).toBe(200);
  await betaContext.close();
});
