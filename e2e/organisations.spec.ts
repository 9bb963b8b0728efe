import { expect, test } from "@playwright/test";
import { invite, newPerson, signUp, signUpFromInvitation, unique } from "./helpers";

test("a person with two organisations switches between them", async ({ page }) => {
  const person = newPerson("Switch");
  const first = await signUp(page, person);

  await page.getByRole("button", { name: "Switch organisation" }).click();
  await page.getByRole("menuitem", { name: "New organisation" }).click();
  const second = `Second ${unique("org").slice(-8)}`;
  await page.getByLabel("Business name").fill(second);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/o/") && !url.pathname.endsWith(`/${first}`));
  await expect(page.getByRole("button", { name: "Switch organisation" })).toContainText(second);

  await page.getByRole("button", { name: "Switch organisation" }).click();
  await page.getByRole("menuitem", { name: person.organizationName }).click();
  await page.waitForURL(new RegExp(`/o/${first}$`));
  await expect(page.getByRole("button", { name: "Switch organisation" })).toContainText(person.organizationName);
});

test("an admin invites a member, who opens the link, signs up and lands in the organisation, but cannot manage members", async ({ page, browser }) => {
  const admin = newPerson("Admin");
  const slug = await signUp(page, admin);
  const member = newPerson("Member");

  const link = await invite(page, slug, member.email);
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);
  await page.reload();
  // Shown once: after a reload only the pending invitation is listed, not its link.
  await expect(page.getByLabel("Invitation link")).toHaveCount(0);
  await expect(page.getByText(member.email, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: `Revoke the invitation for ${member.email}` })).toBeVisible();

  const invitee = await browser.newContext();
  const memberPage = await invitee.newPage();
  await memberPage.goto(link);
  await expect(memberPage.getByRole("heading", { name: `Join ${admin.organizationName}` })).toBeVisible();
  await signUpFromInvitation(memberPage, link, member, slug);
  await expect(memberPage.getByRole("button", { name: "Switch organisation" })).toContainText(admin.organizationName);
  await memberPage.goto(`/o/${slug}/settings`);
  await expect(memberPage.getByText("Only admins can invite members and change roles.")).toBeVisible();
  await expect(memberPage.getByRole("button", { name: "Create invitation" })).toHaveCount(0);
  // Settings → Team is not there for a clerk.
  expect((await memberPage.goto(`/o/${slug}/settings/team`))?.status()).toBe(404);
  await invitee.close();

  // The link worked once.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(link);
  await expect(strangerPage.getByText("This invitation has already been used.")).toBeVisible();
  await stranger.close();

  await page.reload();
  await expect(page.getByText(member.email, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: `Revoke the invitation for ${member.email}` })).toHaveCount(0);
});

test("a revoked invitation's link stops working", async ({ page, browser }) => {
  const slug = await signUp(page, newPerson("Rev"));
  const email = newPerson("Revoked").email;
  const link = await invite(page, slug, email);
  await page.reload();
  await page.getByRole("button", { name: `Revoke the invitation for ${email}` }).click();
  await expect(page.getByRole("button", { name: `Revoke the invitation for ${email}` })).toHaveCount(0);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(link);
  await expect(otherPage.getByText("This invitation link is not valid.")).toBeVisible();
  await other.close();
});

test("a person who already has an account signs in from the link (e-mail prefilled) and joins", async ({ page, browser }) => {
  const slug = await signUp(page, newPerson("Host"));
  const guestContext = await browser.newContext();
  const guestPage = await guestContext.newPage();
  const guest = newPerson("Guest");
  const guestSlug = await signUp(guestPage, guest);
  await guestPage.getByRole("button", { name: "Account" }).click();
  await guestPage.getByRole("menuitem", { name: "Sign out" }).click();
  await guestPage.waitForURL(/\/sign-in/);

  const link = await invite(page, slug, guest.email, "admin");
  await guestPage.goto(link);
  await guestPage.getByRole("link", { name: /sign in$/ }).click();
  await expect(guestPage.getByLabel("Email")).toHaveValue(guest.email);
  await guestPage.getByLabel("Password").fill(guest.password);
  await guestPage.getByRole("button", { name: "Sign in" }).click();
  await guestPage.getByRole("button", { name: /^Join / }).click();
  await guestPage.waitForURL(new RegExp(`/o/${slug}$`));
  await guestPage.goto(`/o/${slug}/settings`);
  await expect(guestPage.getByText("your role: admin")).toBeVisible();
  // Their own organisation is still theirs.
  await guestPage.goto(`/o/${guestSlug}`);
  await expect(guestPage.getByRole("button", { name: "Switch organisation" })).toContainText(guest.organizationName);
  await guestContext.close();
});
