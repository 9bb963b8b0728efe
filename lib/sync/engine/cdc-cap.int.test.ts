import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/connection";
import { bills } from "@/lib/db/schema";
import { startSandboxServer, type SandboxServer } from "@/lib/qbo-sandbox";
import { createTestDatabase } from "@/lib/testing/test-database";
import { orgWithSandboxCompany, setStandardPreferences, syncNow } from "@/lib/sync/engine/sandbox-org";
import { sandboxClientFactory } from "@/lib/sync/engine/sandbox-client-factory";

let handle: DatabaseHandle;
let server: SandboxServer;
let qbo: ReturnType<typeof sandboxClientFactory>;

beforeAll(async () => {
  handle = await createTestDatabase();
  server = await startSandboxServer({ port: 0, throttling: false });
  qbo = sandboxClientFactory(server);
});

afterAll(async () => {
  await server?.close();
  await handle?.close();
});

describe("incremental sync past CDC's 1,000-object cap", () => {
  it("narrows the window (or reads in full) and misses no change", { timeout: 90_000 }, async () => {
    const db = handle.db;
    const org = await orgWithSandboxCompany(db, server, qbo, { vendors: 10, customers: 5, bills: 1_080, invoices: 10 });
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    await setStandardPreferences(db, org.organizationId, org.userId);
    await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    const linked = await db.select({ id: bills.id, qboId: bills.qboId }).from(bills).where(eq(bills.organizationId, org.organizationId));
    const client = (await qbo.factory(org.organizationId))!.client;
    const everyBill = await client.query("Bill");
    expect(everyBill.length).toBeGreaterThan(1_000); // one CDC response cannot hold every change
    server.sandbox.act(org.realmId, everyBill.map((b) => ({ type: "update" as const, entity: "Bill" as const, id: b.Id, fields: { PrivateNote: "Bulk edit" } })));

    const summary = await syncNow(db, org.organizationId, { clientFactory: qbo.factory });
    expect(summary.mode).toBe("incremental");
    expect(summary.counts["bill"]?.updated).toBe(linked.length);
    const memos = await db.select({ memo: bills.memo }).from(bills).where(eq(bills.organizationId, org.organizationId));
    expect(memos.every((b) => b.memo === "Bulk edit")).toBe(true);
  });
});
