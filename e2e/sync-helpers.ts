import { expect, type Page } from "@playwright/test";

/** Admin connects the organisation to the built-in sandbox company through the real OAuth pages. */
export async function connectSandbox(page: Page, slug: string) {
  await page.goto(`/o/${slug}/settings/sync`);
  await page.getByRole("link", { name: "Connect to QuickBooks" }).click();
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL(new RegExp(`/o/${slug}/settings/sync\\?connected=1`));
  const realm = (await page.getByText("Realm ID").locator("xpath=following-sibling::dd").innerText()).trim();
  return realm;
}

type Status = { activeRun: { id: string } | null; lastRun: { id: string; status: string } | null };

async function syncStatus(page: Page): Promise<Status> {
  const slug = new URL(page.url()).pathname.split("/")[2];
  return (await (await page.request.get(`/api/orgs/${slug}/sync/status`)).json()) as Status;
}

/** Hover the sync icon, choose Sync Now; by default wait until that run has finished. */
export async function syncNowFromIcon(page: Page, { waitForEnd = true } = {}) {
  const before = (await syncStatus(page)).lastRun?.id ?? null;
  await page.getByRole("button", { name: "Sync", exact: true }).hover();
  await page.getByRole("menuitem", { name: "Sync Now" }).click();
  if (waitForEnd) await waitForSyncToFinish(page, before);
  return before;
}

/** Waits for a run newer than `previousRunId` to finish, and for the icon to stop showing progress. */
export async function waitForSyncToFinish(page: Page, previousRunId: string | null) {
  await expect
    .poll(
      async () => {
        const s = await syncStatus(page);
        return !s.activeRun && s.lastRun !== null && s.lastRun.id !== previousRunId;
      },
      { timeout: 120_000, intervals: [500] },
    )
    .toBe(true);
  await expect(page.getByRole("progressbar", { name: "Sync progress" })).toHaveCount(0, { timeout: 10_000 });
}

/** Acts as a person using QuickBooks (the sandbox's control API), e.g. to fix or pay a bill. */
export async function actInQuickBooks(page: Page, realm: string, actions: unknown[]) {
  const response = await page.request.post(`/qbo-sandbox/_sandbox/companies/${realm}/act`, { data: { actions } });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

export async function choosePreferences(page: Page, slug: string, options: { twoWayPayments?: boolean; syncAutomatically?: boolean; bankAccount?: RegExp } = {}) {
  await page.goto(`/o/${slug}/settings/sync`);
  await page.getByRole("button", { name: "Edit preferences" }).click();
  const pick = async (label: string, account: RegExp) => {
    const select = page.getByLabel(label);
    const value = await select.locator("option", { hasText: account }).first().getAttribute("value");
    await select.selectOption(value!);
  };
  await pick("Unallocated Expense Account", /Uncategorized Expense|Expense/);
  await pick("Unallocated Income Account", /Uncategorized Income|Income/);
  await pick("Bank Account GL", options.bankAccount ?? /Checking/);
  if (options.twoWayPayments !== undefined) await page.getByLabel("Enable 2-Way Payment Sync").setChecked(options.twoWayPayments);
  if (options.syncAutomatically !== undefined) await page.getByLabel("Sync Automatically").setChecked(options.syncAutomatically);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Preferences saved.")).toBeVisible();
}
