import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connection";
import { organizations } from "@/lib/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { isUniqueViolation } from "./unique-violation";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle?.close());

describe("isUniqueViolation", () => {
  it("recognises a unique index violation through drizzle's wrapping, by index name", async () => {
    await handle.db.insert(organizations).values({ name: "Dup", slug: "dup-unique-test" });
    const error = await handle.db
      .insert(organizations)
      .values({ name: "Dup", slug: "dup-unique-test" })
      .then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, "organizations_slug_key")).toBe(true);
    expect(isUniqueViolation(error, "some_other_key")).toBe(false);
    expect(isUniqueViolation(new Error("boom"))).toBe(false);
  });
});
