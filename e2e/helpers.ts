import type { Role } from "../lib/auth/permissions";
import { expect, type Page } from "@playwright/test";

let counter = 0;
/** Unique per test run, so tests never collide on emails or names. */
/** Where e2e runs leave screenshots of the pages they check (ignored by git; SCREENSHOTS_DIR to move it). */
export const SCREENSHOTS_DIR = process.env.SCREENSHOTS_DIR ?? ".data/screenshots";

export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
}

export type Person = { name: string; email: string; password: string; organizationName: string };

export function newPerson(label: string): Person {
  const id = unique(label.toLowerCase());
  return { name: `${label} Tester`, email: `${id}@example.com`, password: "a long enough password", organizationName: `${label} Co ${id.slice(-6)}` };
}

/** Signs up through the real form and returns the new organisation's slug. */
export async function signUp(page: Page, person: Person): Promise<string> {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Business name").fill(person.organizationName);
  await page.getByLabel("Work email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/o\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { name: /Good to see you/ })).toBeVisible();
  return new URL(page.url()).pathname.split("/")[2]!;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Account" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
}

/** An admin on Settings → Team invites an e-mail and returns the link the app shows once. */
export async function invite(page: Page, slug: string, email: string, role: Role = "clerk"): Promise<string> {
  await page.goto(`/o/${slug}/settings/team`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByText(`Invitation created for ${email} — share this link`)).toBeVisible();
  return page.getByLabel("Invitation link").inputValue();
}

/** The invitee opens the link signed out and signs up from it; they land in the inviting organisation. */
export async function signUpFromInvitation(page: Page, link: string, person: Person, slug: string) {
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByLabel("Work email")).toHaveValue(person.email);
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: /^Create account and join / }).click();
  await page.waitForURL(new RegExp(`/o/${slug}$`));
}
