import { expect, test } from "@playwright/test";
import { newPerson, signUp } from "./helpers";

const ATTACKER = "Your account is suspended. Call +1 555 0100 now";

test("the sign-in page shows fixed sentences for ?error=, never the text in the link", async ({ page }) => {
  await page.goto(`/sign-in?error=${encodeURIComponent(ATTACKER)}`);
  await expect(page.locator("form [role=alert]")).toHaveText("Signing in didn't work. Please try again.");
  await expect(page.getByText(ATTACKER)).toHaveCount(0);

  await page.goto("/sign-in?error=CredentialsSignin");
  await expect(page.locator("form [role=alert]")).toHaveText("That email and password don't match an account.");
});

test("Settings → Sync shows fixed sentences for ?connectError=, never the text in the link", async ({ page }) => {
  const slug = await signUp(page, newPerson("Cera"));
  await page.goto(`/o/${slug}/settings/sync?connectError=${encodeURIComponent(ATTACKER)}`);
  await expect(page.getByText("QuickBooks could not be connected. Please try again.")).toBeVisible();
  await expect(page.getByText(ATTACKER)).toHaveCount(0);

  await page.goto(`/o/${slug}/settings/sync?connectError=access_denied`);
  await expect(page.getByText("QuickBooks access was not granted. Nothing was connected.")).toBeVisible();
});
