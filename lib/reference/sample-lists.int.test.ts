import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { UserFacingError } from "@/lib/forms/action-result";
import { createTestDatabase } from "@/lib/testing/test-database";
import { listAccounts, listClasses, listItems, listLocations, listTerms } from "./queries";
import { loadSampleLists } from "./sample-lists";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle?.close());

async function newOrg(label: string) {
  const { organization } = await signUp(handle.db, {
    name: label,
    email: `${label}@example.com`,
    password: "a long enough password",
    organizationName: `${label} Co`,
  });
  return organization.id;
}

describe("loadSampleLists", () => {
  it("fills an empty organisation's lists once, and only that organisation's", async () => {
    const org = await newOrg("sampler");
    const other = await newOrg("bystander");
    await loadSampleLists(handle.db, org);
    const accounts = await listAccounts(handle.db, org);
    expect(accounts.map((account) => account.name)).toContain("Undeposited Funds");
    expect(accounts[0]?.accountType).toBe("Bank");
    const items = await listItems(handle.db, org);
    expect(items.find((item) => item.name === "Lawn care visit")).toMatchObject({ unitPriceCents: 8_500, incomeAccountName: "Landscaping Services" });
    expect((await listTerms(handle.db, org)).map((term) => term.name)).toEqual(["Due on receipt", "Net 15", "Net 30", "Net 60"]);
    expect(await listClasses(handle.db, org)).toHaveLength(3);
    expect(await listLocations(handle.db, org)).toHaveLength(3);
    expect(await listAccounts(handle.db, other)).toHaveLength(0);

    await expect(loadSampleLists(handle.db, org)).rejects.toBeInstanceOf(UserFacingError);
    expect(await listAccounts(handle.db, org)).toHaveLength(accounts.length);
  });
});
