import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { accounts, syncPreferences } from "@/lib/db/schema";
import type { RunContext } from "@/lib/sync/engine/context";
import { accountFromQbo } from "@/lib/sync/engine/phase-reference";
import type { QboWriter, WriteRequest } from "@/lib/sync/engine/writer";

const CLEARING = [
  { preference: "moneyOutClearingAccountId", name: "Money Out Clearing" },
  { preference: "moneyInClearingAccountId", name: "Money In Clearing" },
] as const;

/**
 * The clearing accounts payments go through (SPEC §5). When the preferences name none, an account
 * of that name already in QBO is used, else the app creates it in QBO (AccountType Bank, because
 * bill payments are PayType Check from it) and saves it in the preferences.
 */
export async function ensureClearingAccounts(ctx: RunContext, writer: QboWriter): Promise<void> {
  const { db, organizationId, realmId, mappings } = ctx;
  const writes: WriteRequest[] = [];
  for (const { preference, name } of CLEARING) {
    if (ctx.prefs[preference]) continue;
    const [existing] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.organizationId, organizationId), eq(accounts.accountType, "Bank"), eq(sql`lower(${accounts.name})`, name.toLowerCase())));
    if (existing && mappings.get("account", existing.id)) {
      await db.update(syncPreferences).set({ [preference]: existing.id }).where(eq(syncPreferences.organizationId, organizationId));
      ctx.prefs[preference] = existing.id;
      continue;
    }
    const id = randomUUID();
    writes.push({
      intentionKey: `${realmId}:account:clearing:${preference}:create`,
      entity: "Account",
      operation: "create",
      body: { Name: name, AccountType: "Bank", AccountSubType: "Checking", Description: "Created by Ledgerbridge: payments pass through this account" },
      confirm: { objectType: "account", localId: id, contentHash: "", insertAccount: { id, name, accountType: "Bank", preference } },
      issue: { objectType: "account", localId: id, params: { record: "record", displayName: name } },
    });
  }
  const outcomes = await writer.writeAll(writes);
  for (const outcome of outcomes) {
    if (!outcome.ok) continue;
    const account = outcome.request.confirm.insertAccount;
    if (account) {
      ctx.prefs[account.preference] = account.id;
      ctx.progress.count("account", "created");
      if (outcome.value) await takeAccountAsQboHoldsIt(ctx, account.id, outcome.value);
    }
  }
  // A clearing account created by an earlier, interrupted run was confirmed by recovery: pick it up.
  if (writes.length > 0 && outcomes.some((o) => o.ok && o.value === undefined)) {
    const [row] = await db.select().from(syncPreferences).where(eq(syncPreferences.organizationId, organizationId));
    if (row?.moneyOutClearingAccountId) ctx.prefs.moneyOutClearingAccountId = row.moneyOutClearingAccountId;
    if (row?.moneyInClearingAccountId) ctx.prefs.moneyInClearingAccountId = row.moneyInClearingAccountId;
  }
}

/**
 * The account as QuickBooks answered it (subtype, currency, full name) and the reference phase's
 * hash of it on its mapping: the next run's read of the chart finds nothing to change.
 */
async function takeAccountAsQboHoldsIt(ctx: RunContext, accountId: string, answer: Record<string, unknown>): Promise<void> {
  const qboId = typeof answer["Id"] === "string" ? answer["Id"] : undefined;
  if (!qboId) return;
  const { fields, hash } = accountFromQbo(answer);
  const meta = answer["MetaData"] as { LastUpdatedTime?: string } | undefined;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set(fields as Partial<typeof accounts.$inferInsert>)
      .where(and(eq(accounts.organizationId, ctx.organizationId), eq(accounts.id, accountId)));
    await ctx.mappings.upsert(tx, [
      { objectType: "account", localId: accountId, qboId, syncToken: typeof answer["SyncToken"] === "string" ? answer["SyncToken"] : "0", lastUpdatedTime: meta?.LastUpdatedTime ?? null, contentHash: hash },
    ]);
  });
}
