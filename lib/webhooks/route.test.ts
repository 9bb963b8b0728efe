import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

// The real route, with the database and the job queue replaced by spies: a forged delivery must
// be turned away before either is touched.
const getDb = vi.fn(async () => {
  throw new Error("the database must not be opened for a forged delivery");
});
const startAppJobs = vi.fn(async () => {
  throw new Error("the job queue must not be started for a forged delivery");
});
vi.mock("@/lib/db", () => ({ getDb }));
vi.mock("@/lib/jobs/app-jobs", () => ({ startAppJobs }));

describe("app/api/qbo/webhooks/route POST", () => {
  it("answers 401 to a badly signed delivery without opening the database or the queue", async () => {
    vi.stubEnv("DATA_DIR", mkdtempSync(path.join(tmpdir(), "webhook-route-")));
    vi.stubEnv("QBO_WEBHOOK_VERIFIER_TOKEN", "route-unit-test-token");
    vi.stubEnv("AUTH_SECRET", "x".repeat(32));
    vi.stubEnv("TOKEN_ENCRYPTION_KEY", "0".repeat(64));
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const { POST } = await import("@/app/api/qbo/webhooks/route");
    const body = JSON.stringify({ eventNotifications: [{ realmId: "1", dataChangeEvent: { entities: [] } }] });
    const response = await POST(
      new Request("http://localhost/api/qbo/webhooks", { method: "POST", headers: { "intuit-signature": "Zm9yZ2Vk" }, body }),
    );
    expect(response.status).toBe(401);
    expect(getDb).not.toHaveBeenCalled();
    expect(startAppJobs).not.toHaveBeenCalled();
    vi.unstubAllEnvs();
  });
});
