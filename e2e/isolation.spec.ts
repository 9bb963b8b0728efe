import { expect, test } from "@playwright/test";
import { newPerson, signUp } from "./helpers";

test("a member of one organisation cannot open, list or change another's data", async ({ browser }) => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const a = await alice.newPage();
  const b = await bob.newPage();
  const slugA = await signUp(a, newPerson("Alice"));
  const slugB = await signUp(b, newPerson("Bob"));

  // Bob creates a vendor in his organisation.
  await b.goto(`/o/${slugB}/vendors/new`);
  await b.getByLabel("Display name").fill("Bob's Secret Supplier");
  await b.getByRole("button", { name: "Create vendor" }).click();
  await b.waitForURL(/\/vendors\/[0-9a-f-]{36}/);
  const vendorPath = new URL(b.url()).pathname;
  const vendorId = vendorPath.split("/").pop()!;

  // Pages: Bob's organisation and his vendor are "not found" for Alice.
  for (const path of [`/o/${slugB}`, `/o/${slugB}/vendors`, vendorPath, `/o/${slugA}/vendors/${vendorId}`]) {
    const response = await a.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(a.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await expect(a.getByText("Bob's Secret Supplier")).toHaveCount(0);

  // Routes: listing Bob's vendors is a 404; Alice's own list never includes them.
  expect((await a.request.get(`/api/orgs/${slugB}/vendors`)).status()).toBe(404);
  const own = await a.request.get(`/api/orgs/${slugA}/vendors?status=all`);
  expect(own.status()).toBe(200);
  expect(JSON.stringify(await own.json())).not.toContain("Bob's Secret Supplier");
  expect((await (await browser.newContext()).request.get(`/api/orgs/${slugB}/vendors`)).status()).toBe(401);

  // Server actions: Alice forges her own form to target Bob's organisation and vendor.
  await a.goto(`/o/${slugA}/vendors/new`);
  await a.evaluate(
    ({ slug, id }) => {
      const form = document.querySelector("form")!;
      (form.querySelector("input[name=orgSlug]") as HTMLInputElement).value = slug;
      const idInput = document.createElement("input");
      idInput.type = "hidden";
      idInput.name = "id";
      idInput.value = id;
      form.appendChild(idInput);
    },
    { slug: slugB, id: vendorId },
  );
  await a.getByLabel("Display name").fill("Renamed by Alice");
  await a.getByRole("button", { name: "Create vendor" }).click();
  await expect(a.locator("form [role=alert]")).toHaveText("Not found");

  // And with her own organisation but Bob's vendor id: still nothing changes.
  await a.goto(`/o/${slugA}/vendors/new`);
  await a.evaluate((id) => {
    const form = document.querySelector("form")!;
    const idInput = document.createElement("input");
    idInput.type = "hidden";
    idInput.name = "id";
    idInput.value = id;
    form.appendChild(idInput);
  }, vendorId);
  await a.getByLabel("Display name").fill("Renamed by Alice");
  await a.getByRole("button", { name: "Create vendor" }).click();
  await expect(a.locator("form [role=alert]")).toHaveText("This vendor no longer exists.");

  await b.reload();
  await expect(b.getByRole("heading", { name: "Bob's Secret Supplier" })).toBeVisible();
  await expect(b.getByText("Renamed by Alice")).toHaveCount(0);
  await alice.close();
  await bob.close();
});
