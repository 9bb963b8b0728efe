import { notInArray, inArray, type SQL } from "drizzle-orm";
import { syncIssues } from "@/lib/db/schema";
import { BY_DESIGN_REASON_CODES, type IssueGroup } from "@/lib/sync/core/reasons";

/**
 * SQL for the pure classification in lib/sync/core/reasons.ts: an issue needs action unless its
 * code is skipped by design, so a stored code this version does not know still asks for attention.
 */
export function needsActionCondition(): SQL {
  return notInArray(syncIssues.reasonCode, BY_DESIGN_REASON_CODES);
}

export function issueGroupCondition(group: IssueGroup): SQL {
  return group === "action" ? needsActionCondition() : inArray(syncIssues.reasonCode, BY_DESIGN_REASON_CODES);
}
