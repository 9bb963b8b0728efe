import { expect, test } from "@playwright/test";
import { newPerson, signIn, signOut, signUp } from "./helpers";

test("sign up creates an organisation and lands in it; sign out; sign back in", async ({ page }) => {
  const person = newPerson("Ada");
  const slug = await signUp(page, person);
  await expect(page.getByRole("button", { name: "Switch organisation" })).toContainText(person.organizationName);
  for (const label of ["Bills", "Invoices", "Payments", "Vendor credits", "Vendors", "Customers", "Reports", "Sync", "Settings"]) {
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true })).toBeVisible();
  }

  await signOut(page);
  await page.goto(`/o/${slug}`);
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, person.email, person.password);
  await page.waitForURL(new RegExp(`/o/${slug}$`));
  await expect(page.getByRole("heading", { name: /Good to see you, Ada/ })).toBeVisible();
});

test("sign-up form explains bad input and creates nothing", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Bo");
  await page.getByLabel("Business name").fill("B");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page.getByText("Enter the business name")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up/);

  await page.getByLabel("Password").fill("password12");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Too easy to guess: this is a commonly used password.")).toBeVisible();
  await page.getByLabel("Password").fill("          ");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use more than spaces")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up/);
});

test("a wrong password is refused, and repeated failures lock the account for a while", async ({ page }) => {
  const person = newPerson("Wrong");
  await signUp(page, person);
  await signOut(page);

  await signIn(page, person.email, "not the password");
  await expect(page.locator("form [role=alert]")).toHaveText("That email and password don't match an account.");
  await expect(page).toHaveURL(/\/sign-in/);

  for (let i = 0; i < 4; i++) {
    await page.getByLabel("Password").fill(`still wrong ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form [role=alert]")).toContainText("Too many failed attempts");
  await expect(page).toHaveURL(/\/sign-in/);
});
