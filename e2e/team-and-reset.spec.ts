import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { invite, newPerson, SCREENSHOTS_DIR, signIn, signOut, signUp, signUpFromInvitation } from "./helpers";

/** Desktop and phone (390 px) screenshots of a changed page, for the task's review. */
async function shots(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-desktop.png`, fullPage: true });
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}-390.png`, fullPage: true });
  if (desktop) await page.setViewportSize(desktop);
}

/** The e2e server's JSON-lines log (lib/scripts/e2e-server.ts keeps it in DATA_DIR/server.log). */
function serverLogLines(): Array<Record<string, unknown>> {
  const file = path.resolve(`.data/e2e-${process.env.E2E_PORT ?? "3100"}/server.log`);
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test("an admin makes a clerk an accountant: the accountant sees no edit buttons and the server refuses their changes", async ({ page, browser }) => {
  // Two people, a dozen pages: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  const admin = newPerson("Boss");
  const slug = await signUp(page, admin);
  const clerk = newPerson("Clerk");
  const link = await invite(page, slug, clerk.email);

  const clerkContext = await browser.newContext();
  const clerkPage = await clerkContext.newPage();
  await signUpFromInvitation(clerkPage, link, clerk, slug);
  // As a clerk: may add vendors, has no Team settings.
  await clerkPage.goto(`/o/${slug}/vendors`);
  await expect(clerkPage.getByRole("link", { name: "New vendor" })).toBeVisible();
  await clerkPage.goto(`/o/${slug}/settings`);
  await expect(clerkPage.getByRole("link", { name: "Team", exact: true })).toHaveCount(0);
  const team = await clerkPage.goto(`/o/${slug}/settings/team`);
  expect(team?.status()).toBe(404);
  // The clerk opens the new-vendor form while still a clerk…
  await clerkPage.goto(`/o/${slug}/vendors/new`);
  await clerkPage.getByLabel("Display name").fill("Stale Form Supplies");

  // …the admin adds a vendor and makes them an accountant on Settings → Team.
  await page.goto(`/o/${slug}/vendors/new`);
  await page.getByLabel("Display name").fill("Read Only Supplies");
  await page.getByRole("button", { name: "Create vendor" }).click();
  await page.waitForURL(/\/vendors\/[0-9a-f-]{36}\?created=1$/);
  const vendorUrl = new URL(page.url()).pathname;
  await page.goto(`/o/${slug}/settings`);
  await page.getByRole("link", { name: "Team", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Team", exact: true })).toBeVisible();
  await page.getByLabel(`Role of ${clerk.name}`, { exact: true }).selectOption("accountant");
  await page.getByRole("button", { name: `Change the role of ${clerk.name}` }).click();
  await expect(page.getByText("Now Accountant.")).toBeVisible();
  // The last admin cannot be demoted.
  await page.getByLabel(`Role of ${admin.name}`, { exact: true }).selectOption("clerk");
  await page.getByRole("button", { name: `Change the role of ${admin.name}` }).click();
  await expect(page.getByText("An organisation needs at least one admin")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Role of ${admin.name}`, { exact: true })).toHaveValue("admin");
  await expect(page.getByLabel(`Role of ${clerk.name}`, { exact: true })).toHaveValue("accountant");
  await shots(page, "team-page");

  // The form the accountant still has open is refused by the server, and nothing is created.
  await clerkPage.getByRole("button", { name: "Create vendor" }).click();
  await expect(clerkPage.getByText("Your role in this organisation does not allow this.")).toBeVisible();
  await clerkPage.goto(`/o/${slug}/vendors`);
  await expect(clerkPage.getByText("Stale Form Supplies")).toHaveCount(0);
  await expect(clerkPage.getByRole("link", { name: "New vendor" })).toHaveCount(0);
  // A vendor reads, disabled, without Save or Make inactive.
  await clerkPage.goto(vendorUrl);
  await expect(clerkPage.getByLabel("Display name")).toHaveValue("Read Only Supplies");
  await expect(clerkPage.getByLabel("Display name")).toBeDisabled();
  await expect(clerkPage.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await shots(clerkPage, "vendor-read-only");
  await clerkPage.goto(`/o/${slug}/bills`);
  await expect(clerkPage.getByRole("heading", { name: "Bills" })).toBeVisible();
  await expect(clerkPage.getByRole("link", { name: "New bill" })).toHaveCount(0);
  await expect(clerkPage.getByRole("button", { name: "Pay selected" })).toHaveCount(0);
  await clerkPage.goto(`/o/${slug}/invoices`);
  await expect(clerkPage.getByRole("link", { name: "New invoice" })).toHaveCount(0);
  await clerkPage.goto(`/o/${slug}/sync`);
  await expect(clerkPage.getByRole("button", { name: "Sync Now" })).toHaveCount(0);
  // A direct POST (attaching a document to a bill) is refused with 403.
  const origin = new URL(clerkPage.url()).origin;
  const post = await clerkPage.request.post(`/api/orgs/${slug}/bills/00000000-0000-4000-8000-000000000001/documents`, {
    headers: { origin },
    multipart: { file: { name: "note.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n") } },
  });
  expect(post.status()).toBe(403);
  // Pages that only change data are not there for an accountant.
  const newBill = await clerkPage.goto(`/o/${slug}/bills/new`);
  expect(newBill?.status()).toBe(404);

  // Removed: the accountant's open session loses the organisation at once.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Remove ${clerk.name}` }).click();
  await expect(page.getByText(clerk.email, { exact: true })).toHaveCount(0);
  const after = await clerkPage.goto(`/o/${slug}/bills`);
  expect(after?.status()).toBe(404);
  await clerkContext.close();
});

test("forgot password: the link from the log sets a new password, which then signs in", async ({ page }) => {
  const person = newPerson("Forgetful");
  const slug = await signUp(page, person);
  await signOut(page);

  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await shots(page, "forgot-password");
  await page.getByLabel("Email").fill(person.email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByText("If an account uses this e-mail address, a link to choose a new password is on its way.")).toBeVisible();

  let link = "";
  await expect
    .poll(() => {
      const line = serverLogLines().find((entry) => entry.to === person.email && String(entry.text ?? "").includes("/reset-password/"));
      link = line ? /(http\S+\/reset-password\/[\w-]{43})/.exec(String(line.text))![1]! : "";
      return link;
    })
    .not.toBe("");

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByText(/at least 10 characters/i).first()).toBeVisible();
  await shots(page, "reset-password");
  const newPassword = "marble otter lighthouse";
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByText("Your password is changed")).toBeVisible();
  await shots(page, "reset-password-done");

  // The link worked once.
  await page.goto(link);
  await expect(page.getByText("This password reset link is not valid any more")).toBeVisible();

  await signIn(page, person.email, person.password);
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
  await signIn(page, person.email, newPassword);
  await page.waitForURL(new RegExp(`/o/${slug}`));
});
