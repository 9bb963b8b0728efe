import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "@/lib/auth/accounts";
import type { DatabaseHandle } from "@/lib/db/connection";
import { syncIssues } from "@/lib/db/schema";
import { countOpenIssuesByGroup } from "@/lib/sync/engine/issue-store";
import { getSyncStatus } from "@/lib/sync/engine/status";
import { listSyncIssues } from "@/lib/sync/history";
import { createTestDatabase } from "@/lib/testing/test-database";

let handle: DatabaseHandle;
let orgA: string;
let orgB: string;

async function makeOrg(label: string) {
  const { organization } = await signUp(handle.db, {
    name: label,
    email: `${label.toLowerCase()}@example.com`,
    password: "a long enough password",
    organizationName: `${label} Co`,
  });
  return organization.id;
}

function issue(organizationId: string, key: string, reasonCode: string, severity: "skip" | "failure", label: string, resolved = false) {
  return {
    organizationId,
    issueKey: `bill:qbo:${key}`,
    objectType: "bill",
    qboId: key,
    label,
    reasonCode,
    severity,
    resolvedAt: resolved ? new Date() : null,
  };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  orgA = await makeOrg("Alpha");
  orgB = await makeOrg("Beta");
  await handle.db.insert(syncIssues).values([
    issue(orgA, "1", "PAID_IN_QBO", "skip", "Bill 1001 from Acme"),
    issue(orgA, "2", "PAID_IN_QBO", "skip", "Bill 1002 from Acme"),
    issue(orgA, "3", "QUICKBOOKS_COMMERCE", "skip", "Bill SHOP-9 from Shopify"),
    issue(orgA, "4", "DUPLICATE_DOC_NUMBER", "failure", "Bill 1004 from Acme"),
    issue(orgA, "5", "MISSING_DOC_NUMBER", "skip", "This bill from Nguyen Electrical"),
    issue(orgA, "6", "A_CODE_FROM_A_NEWER_VERSION", "failure", "Bill 1006 from Acme"),
    issue(orgA, "7", "REFERENCE_NOT_FOUND", "failure", "Bill 1007 from Acme", true),
    issue(orgB, "1", "DUPLICATE_NAME", "failure", "Vendor “Acme”"),
  ]);
});

afterAll(() => handle.close());

describe("open issues: needs your action vs skipped by design", () => {
  it("counts failures, fixable skips and unknown codes as needing action; paid history and Commerce apart; resolved and other organisations not at all", async () => {
    expect(await countOpenIssuesByGroup(handle.db, orgA)).toEqual({ needsAction: 3, byDesign: 3 });
    expect(await countOpenIssuesByGroup(handle.db, orgB)).toEqual({ needsAction: 1, byDesign: 0 });
  });

  it("the sync status (header icon and panel) counts only issues that need action", async () => {
    const status = await getSyncStatus(handle.db, orgA);
    expect(status.openIssues).toBe(3);
    expect(status.skippedByDesign).toBe(3);
  });

  it("lists each group on its own, with both group counts, filterable by reason and searchable by label or QBO id", async () => {
    const action = await listSyncIssues(handle.db, orgA, { group: "action", page: 1 });
    expect(action.rows.map((r) => r.reasonCode).sort()).toEqual(["A_CODE_FROM_A_NEWER_VERSION", "DUPLICATE_DOC_NUMBER", "MISSING_DOC_NUMBER"]);
    expect(action.byGroup).toEqual({ action: 3, "by-design": 3 });
    expect(action.byReason.map((r) => r.reason).sort()).toEqual(["A_CODE_FROM_A_NEWER_VERSION", "DUPLICATE_DOC_NUMBER", "MISSING_DOC_NUMBER"]);

    const byDesign = await listSyncIssues(handle.db, orgA, { group: "by-design", page: 1 });
    expect(byDesign.rows.map((r) => r.qboId).sort()).toEqual(["1", "2", "3"]);
    expect(byDesign.byReason).toEqual([{ reason: "PAID_IN_QBO", n: 2 }, { reason: "QUICKBOOKS_COMMERCE", n: 1 }]);

    const paid = await listSyncIssues(handle.db, orgA, { group: "by-design", reason: "PAID_IN_QBO", q: "1002", page: 1 });
    expect(paid.rows.map((r) => r.label)).toEqual(["Bill 1002 from Acme"]);
    expect(paid.byGroup).toEqual({ action: 0, "by-design": 1 });

    const nguyen = await listSyncIssues(handle.db, orgA, { group: "action", q: "nguyen", page: 1 });
    expect(nguyen.rows.map((r) => r.qboId)).toEqual(["5"]);
    // A search never reads "%" or "_" as a wildcard.
    expect((await listSyncIssues(handle.db, orgA, { q: "%", page: 1 })).total).toBe(0);
  });
});
