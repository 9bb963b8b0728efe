import { expect, test } from "@playwright/test";
import { newPerson, signIn, signOut, signUp, unique } from "./helpers";

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

test("an admin adds a member, who can work in the organisation but not manage members", async ({ page }) => {
  const admin = newPerson("Admin");
  const slug = await signUp(page, admin);
  const member = newPerson("Member");

  await page.goto(`/o/${slug}/settings`);
  await page.getByLabel("Name", { exact: true }).fill(member.name);
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("First password").fill(member.password);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText(`${member.email} can now sign in`)).toBeVisible();
  await expect(page.getByText(member.email, { exact: true })).toBeVisible();
  await signOut(page);

  await signIn(page, member.email, member.password);
  await page.waitForURL(new RegExp(`/o/${slug}$`));
  await page.goto(`/o/${slug}/settings`);
  await expect(page.getByText("Only admins can add members.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
});
