import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { accounts, bills, customers, invoices, syncIntentions, syncPreferences, vendorCredits, vendors, billPayments, receivedPayments, fundsTransfers } from "@/lib/db/schema";
import { QboError, requestIdFor, type BatchItem, type QboEntityName } from "@/lib/qbo";
import { formatMoney } from "@/lib/ap/money";
import { answerMismatch, CREDIT_RELEASED_HASH, describeMismatch, identityFits, NOT_APPLIED_HASH, reasonForQboFault, unappliedLinks, type FaultReason, type ReasonParams } from "@/lib/sync/core";
import { appIdentity } from "@/lib/sync/engine/app-identity";
import { takeInvoiceTaxFromAnswer } from "@/lib/sync/engine/invoice-tax-answer";
import { dropBrokenLinks, isRepairable } from "@/lib/sync/engine/link-repair";
import { SyncStopError, type RunContext } from "@/lib/sync/engine/context";
import { QBO_BATCH_SIZE } from "@/lib/sync/engine/gateway";
import type { MappingWrite } from "@/lib/sync/engine/mapping-store";
import type { SyncObjectType } from "@/lib/sync/engine/types";

const APP_TABLES = {
  vendors,
  customers,
  bills,
  invoices,
  vendor_credits: vendorCredits,
  bill_payments: billPayments,
  received_payments: receivedPayments,
  funds_transfers: fundsTransfers,
} as const;
export type AppTableName = keyof typeof APP_TABLES;

/** What to record once QBO accepted the write (data only, so a retry after a crash can do it too). */
export interface Confirmation {
  /** Mapping type; with `localId` the mapping is upserted from QBO's answer. */
  objectType: SyncObjectType;
  localId?: string;
  contentHash: string;
  /** App table whose row gets the QBO id (shown in the UI). */
  appTable?: AppTableName;
  /** Vendor-credit applications this BillPayment carries to QBO. */
  creditApplicationIds?: string[];
  /** Vendor-credit applications this BillPayment no longer applies in QBO (see credit-unapply.ts). */
  releaseCreditApplicationIds?: string[];
  /** An invoice write: take the sales tax and total QBO computed from its answer. */
  invoiceTaxFromAnswer?: true;
  /** A clearing account the app created in QBO: its app row and the preference naming it. */
  insertAccount?: {
    id: string;
    name: string;
    accountType: string;
    preference: "moneyOutClearingAccountId" | "moneyInClearingAccountId";
  };
}

export interface WriteRequest {
  /** Stable identity of the intended change (same change → same key → same request id). */
  intentionKey: string;
  entity: QboEntityName;
  operation: "create" | "update" | "delete" | "void";
  body: Record<string, unknown>;
  confirm: Confirmation;
  /** Which record an issue is about if QBO refuses the write. */
  issue: { objectType: SyncObjectType; localId?: string; qboId?: string; params: ReasonParams };
}

/** A write QBO answered that is recorded as done; `issue` when it did not do all it was asked. */
interface Confirmed {
  request: WriteRequest;
  value: Record<string, unknown>;
  issue?: FaultReason;
}

/** A payment QBO accepted without applying all of it (the bill or invoice was already paid there). */
function notAppliedFault(request: WriteRequest, answer: Record<string, unknown>): FaultReason | null {
  const short = unappliedLinks({ entity: request.entity, operation: request.operation, sent: request.body, answer });
  if (short.length === 0) return null;
  const unapplied = short.reduce((sum, link) => sum + link.sentCents - link.appliedCents, 0);
  return { reason: "PAYMENT_NOT_APPLIED", recovery: "fail-record", params: { linkDetail: `${formatMoney(unapplied)}` } };
}

export type WriteOutcome =
  | { request: WriteRequest; ok: true; value: Record<string, unknown> | undefined }
  | { request: WriteRequest; ok: false; fault: FaultReason };

/** Unreadable answers to one pending write before it counts as failed (see giveUpOnUnreadable). */
const UNREADABLE_ANSWER_LIMIT = 3;

function unreadableAnswer(error: QboError): QboError {
  return new QboError({
    code: "unreadable_answer",
    message: "QuickBooks answered this change in a form Ledgerbridge cannot read, several times",
    detail: "",
    httpStatus: error.httpStatus,
    kind: "validation",
    ...(error.intuitTid ? { intuitTid: error.intuitTid } : {}),
  });
}

interface StoredPayload {
  entity: QboEntityName;
  operation: WriteRequest["operation"];
  body: Record<string, unknown>;
  confirm: Confirmation;
  issue: WriteRequest["issue"];
  attempt: number;
  /** Answers to this pending write that could not be read (recovery gives up at UNREADABLE_ANSWER_LIMIT). */
  unreadableAnswers?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requestIdOf(intentionKey: string, attempt: number): string {
  return requestIdFor(attempt === 0 ? intentionKey : `${intentionKey}#${attempt}`);
}

function toRequest(intentionKey: string, payload: StoredPayload): WriteRequest {
  return { intentionKey, entity: payload.entity, operation: payload.operation, body: payload.body, confirm: payload.confirm, issue: payload.issue };
}

/** Faults that say nothing else can succeed now: the run stops and the intentions stay pending or fail. */
function stopFor(fault: FaultReason, error: QboError): SyncStopError | undefined {
  if (fault.recovery === "reauthorize" || fault.recovery === "stop-sync") {
    return new SyncStopError(
      fault.reason === "AUTH_FAILED"
        ? "QuickBooks refused access. An admin must reconnect QuickBooks in Settings → Sync."
        : `QuickBooks stopped the sync: ${error.detail || error.message}`,
      fault.reason === "AUTH_FAILED",
      { cause: error },
    );
  }
  if (fault.recovery === "backoff") return new SyncStopError("QuickBooks asked us to slow down. The sync will continue on the next run.", false, { cause: error });
  return undefined;
}

/**
 * Exactly-once writes to QBO. Before a write, a pending sync_intentions row records what will be
 * sent and under which request id; after QBO answers, the mapping and the intention's
 * confirmation are written in one transaction. If the process dies in between, the next run
 * re-sends the pending intention (the identical batch, under the same request id), QBO replays
 * its original answer, and the confirmation is completed: no duplicate, no lost change.
 */
export class QboWriter {
  constructor(private readonly ctx: RunContext) {}

  /** Performs the writes (batched by 30 where QBO allows) and records their outcomes. */
  async writeAll(requests: readonly WriteRequest[]): Promise<WriteOutcome[]> {
    const outcomes: WriteOutcome[] = [];
    const batchable = requests.filter((r) => r.operation !== "void");
    const single = requests.filter((r) => r.operation === "void");
    for (let i = 0; i < batchable.length; i += QBO_BATCH_SIZE) {
      outcomes.push(...(await this.writeChunk(batchable.slice(i, i + QBO_BATCH_SIZE), true)));
    }
    for (const request of single) outcomes.push(...(await this.writeChunk([request], false)));
    return outcomes;
  }

  private async writeChunk(chunk: readonly WriteRequest[], asBatch: boolean): Promise<WriteOutcome[]> {
    const { db, organizationId, runId } = this.ctx;
    const existing = await db
      .select({ key: syncIntentions.intentionKey, status: syncIntentions.status, payload: syncIntentions.payload })
      .from(syncIntentions)
      .where(and(eq(syncIntentions.organizationId, organizationId), inArray(syncIntentions.intentionKey, chunk.map((r) => r.intentionKey))));
    const byKey = new Map(existing.map((row) => [row.key, row]));
    const outcomes: WriteOutcome[] = [];
    const toSend: Array<{ request: WriteRequest; attempt: number }> = [];
    for (const request of chunk) {
      const row = byKey.get(request.intentionKey);
      if (row?.status === "confirmed") {
        // Done by an earlier run: QBO has it; never send it twice.
        outcomes.push({ request, ok: true, value: undefined });
        continue;
      }
      // Pending ones belong to an unfinished batch that recovery re-sends as a whole.
      if (row?.status === "pending") continue;
      // A failed attempt's request id replays its failure: a new attempt needs a new id.
      const attempt = row ? Number((row.payload as Partial<StoredPayload>).attempt ?? 0) + 1 : 0;
      toSend.push({ request, attempt });
    }
    if (toSend.length === 0) return outcomes;

    const requestIds = toSend.map(({ request, attempt }) => requestIdOf(request.intentionKey, attempt));
    const batchRequestId = asBatch ? requestIdFor(`batch:${requestIds.join(",")}`) : null;
    const rows = toSend.map(({ request, attempt }, position) => {
      const payload: StoredPayload = { entity: request.entity, operation: request.operation, body: request.body, confirm: request.confirm, issue: request.issue, attempt };
      return {
        organizationId,
        runId,
        intentionKey: request.intentionKey,
        requestId: requestIds[position] as string,
        objectType: request.confirm.objectType,
        localId: request.confirm.localId && UUID.test(request.confirm.localId) ? request.confirm.localId : null,
        operation: request.operation,
        status: "pending" as const,
        payload: payload as unknown as Record<string, unknown>,
        batchRequestId,
        batchPosition: asBatch ? position : null,
        error: null,
        qboId: null,
        confirmedAt: null,
      };
    });
    await db
      .insert(syncIntentions)
      .values(rows)
      .onConflictDoUpdate({
        target: [syncIntentions.organizationId, syncIntentions.intentionKey],
        set: {
          runId,
          requestId: sqlExcluded("request_id"),
          status: "pending",
          payload: sqlExcluded("payload"),
          batchRequestId: sqlExcluded("batch_request_id"),
          batchPosition: sqlExcluded("batch_position"),
          error: null,
        },
      });
    outcomes.push(...(await this.send(toSend.map((s) => s.request), requestIds, batchRequestId)));
    return outcomes;
  }

  /** Sends the writes (one batch, or one single write) and completes their intentions. */
  private async send(requests: readonly WriteRequest[], requestIds: readonly string[], batchRequestId: string | null): Promise<WriteOutcome[]> {
    const { gateway } = this.ctx;
    // A run reclaimed elsewhere must not write to QBO alongside its successor.
    this.ctx.progress.ensureOwned();
    this.ctx.observer?.sending(requests);
    let results: Array<{ ok: true; value: Record<string, unknown> } | { ok: false; error: QboError }>;
    if (batchRequestId !== null) {
      const items: BatchItem[] = requests.map((r) => ({ operation: r.operation as "create" | "update" | "delete", entity: r.entity, body: r.body }));
      try {
        const answers = await gateway.batch(items, batchRequestId);
        results = answers.map((answer) =>
          answer.ok ? { ok: true as const, value: "value" in answer ? (answer.value as Record<string, unknown>) : {} } : { ok: false as const, error: answer.error },
        );
      } catch (error) {
        // QBO refused the whole request (nothing was written): every item failed. Left pending, the
        // same request id would replay that refusal forever. Auth, throttling and outages stop the
        // run instead and leave the intentions pending for the next one.
        // An unreadable answer may hide a write that happened: that one stays pending too — but not
        // forever, or no run could ever finish (see giveUpOnUnreadable).
        if (error instanceof QboError && error.code === "invalid_response" && (await this.giveUpOnUnreadable(requests))) {
          results = requests.map(() => ({ ok: false as const, error: unreadableAnswer(error) }));
        } else {
          if (!(error instanceof QboError) || error.retryable || error.kind === "auth" || error.code === "invalid_response") throw this.asStop(error);
          results = requests.map(() => ({ ok: false as const, error }));
        }
      }
    } else {
      const request = requests[0] as WriteRequest;
      const body = request.body as { Id: string; SyncToken: string };
      try {
        const value = await gateway.void(request.entity, { Id: body.Id, SyncToken: body.SyncToken }, requestIds[0] as string);
        results = [{ ok: true, value: value as Record<string, unknown> }];
      } catch (error) {
        if (error instanceof QboError && error.code === "invalid_response" && (await this.giveUpOnUnreadable(requests))) {
          results = [{ ok: false, error: unreadableAnswer(error) }];
        } else {
          if (!(error instanceof QboError) || error.retryable || error.kind === "auth" || error.kind === "fatal") throw this.asStop(error);
          results = [{ ok: false, error }];
        }
      }
    }
    await this.ctx.afterWrite?.({ intentionKeys: requests.map((r) => r.intentionKey), requestId: batchRequestId ?? (requestIds[0] as string) });
    return this.complete(requests, results);
  }

  /**
   * Counts an unreadable answer against each of these intentions; true once one has had
   * UNREADABLE_ANSWER_LIMIT of them. QBO replays a requestid's first answer verbatim, so an answer
   * that cannot be read now will not be readable next time either: past the limit the write counts
   * as failed (an issue on the record) and the next run plans the record afresh — linking it to a
   * twin QBO holds, or sending it under a new request id — instead of every run stopping here.
   */
  private async giveUpOnUnreadable(requests: readonly WriteRequest[]): Promise<boolean> {
    const { db, organizationId } = this.ctx;
    const rows = await db
      .update(syncIntentions)
      .set({ payload: sql`jsonb_set(${syncIntentions.payload}, '{unreadableAnswers}', to_jsonb(coalesce((${syncIntentions.payload}->>'unreadableAnswers')::int, 0) + 1))` })
      .where(and(eq(syncIntentions.organizationId, organizationId), inArray(syncIntentions.intentionKey, requests.map((r) => r.intentionKey))))
      .returning({ payload: syncIntentions.payload });
    return rows.some((row) => Number((row.payload as Partial<StoredPayload>).unreadableAnswers ?? 0) >= UNREADABLE_ANSWER_LIMIT);
  }

  private asStop(error: unknown): Error {
    if (error instanceof QboError) {
      const fault = reasonForQboFault(error.code, error.detail);
      const stop = stopFor(fault, error);
      if (stop) return stop;
      if (error.kind === "auth") return new SyncStopError("QuickBooks refused access. An admin must reconnect QuickBooks in Settings → Sync.", true, { cause: error });
      return new SyncStopError(`QuickBooks could not be reached: ${error.message}`, false, { cause: error });
    }
    return error instanceof Error ? error : new Error(String(error));
  }

  /** Records the outcome of sent writes: confirmations in one transaction, failures as issues. */
  private async complete(
    requests: readonly WriteRequest[],
    results: ReadonlyArray<{ ok: true; value: Record<string, unknown> } | { ok: false; error: QboError }>,
  ): Promise<WriteOutcome[]> {
    const { db, organizationId, issues } = this.ctx;
    const outcomes: WriteOutcome[] = [];
    let stop: SyncStopError | undefined;
    await db.transaction(async (tx) => {
      const confirmed: Confirmed[] = [];
      const claimed = new Map<string, string>();
      for (const [index, request] of requests.entries()) {
        const result = results[index];
        if (!result) continue;
        if (result.ok) {
          // A link is never trusted blindly: QBO's answer must be this record's twin, and not already another's.
          const refusal = await this.checkAnswer(tx, request, result.value, claimed);
          if (refusal) {
            outcomes.push({ request, ok: false, fault: refusal });
            issues.record({ ...request.issue, reason: refusal.reason, params: { ...request.issue.params, ...refusal.params } });
            await tx
              .update(syncIntentions)
              .set({ status: "failed", error: `${refusal.reason}: ${refusal.params.linkDetail ?? ""}`.slice(0, 2000) })
              .where(and(eq(syncIntentions.organizationId, organizationId), eq(syncIntentions.intentionKey, request.intentionKey)));
            continue;
          }
          const notApplied = notAppliedFault(request, result.value);
          if (notApplied) {
            // It exists in QBO (linked, so never sent again) but did not pay what the app paid: an issue, not "synced".
            confirmed.push({ request: { ...request, confirm: { ...request.confirm, contentHash: NOT_APPLIED_HASH } }, value: result.value, issue: notApplied });
            outcomes.push({ request, ok: false, fault: notApplied });
            continue;
          }
          confirmed.push({ request, value: result.value });
          outcomes.push({ request, ok: true, value: result.value });
          continue;
        }
        const fault = reasonForQboFault(result.error.code, result.error.detail);
        stop ??= stopFor(fault, result.error);
        outcomes.push({ request, ok: false, fault });
        issues.record({ ...request.issue, reason: fault.reason, params: { ...request.issue.params, ...fault.params } });
        await tx
          .update(syncIntentions)
          .set({ status: "failed", error: result.error.toString().slice(0, 2000) })
          .where(and(eq(syncIntentions.organizationId, organizationId), eq(syncIntentions.intentionKey, request.intentionKey)));
      }
      await this.confirm(tx, confirmed);
    });
    if (stop) throw stop;
    return outcomes;
  }

  /**
   * Why QBO's answer must not be recorded as this record's link, or null when it may: the answer is
   * not the twin of what was sent (a replay of another request's answer), or its object is linked to
   * another record already. In that last case the other record's link is the wrong one when its
   * identity does not fit the object (QBO forgot its write and gave the id out again): that link is
   * dropped (link-repair.ts) and this record is linked. Otherwise both stay as they are.
   */
  private async checkAnswer(tx: Tx, request: WriteRequest, value: Record<string, unknown>, claimed: Map<string, string>): Promise<FaultReason | null> {
    const mismatch = answerMismatch({ operation: request.operation, sent: request.body, answer: value });
    if (mismatch) return { reason: "LINK_NOT_TWIN", recovery: "fail-record", params: { linkDetail: describeMismatch(mismatch) } };
    const { objectType, localId } = request.confirm;
    const qboId = typeof value["Id"] === "string" ? value["Id"] : undefined;
    if (!localId || !qboId || !UUID.test(localId)) return null;
    const key = `${objectType}\u0000${qboId}`;
    const holder = this.ctx.mappings.localIdOf(objectType, qboId) ?? claimed.get(key);
    if (holder === undefined || holder === localId) {
      claimed.set(key, localId);
      return null;
    }
    const taken: FaultReason = { reason: "LINK_TAKEN", recovery: "fail-record", params: { linkDetail: `QuickBooks id ${qboId}` } };
    if (claimed.get(key) === holder || !isRepairable(objectType)) return taken;
    const identity = await appIdentity(tx, this.ctx, objectType, holder);
    if (identity && identityFits(identity, value)) return taken;
    await dropBrokenLinks(tx, this.ctx, objectType, [{ localId: holder, qboId, problem: "held-by-another" }]);
    claimed.set(key, localId);
    return null;
  }

  private async confirm(tx: Tx, confirmed: readonly Confirmed[]): Promise<void> {
    if (confirmed.length === 0) return;
    const { organizationId, mappings, issues } = this.ctx;
    const mappingWrites: MappingWrite[] = [];
    for (const { request, value, issue } of confirmed) {
      const { confirm } = request;
      const qboId = typeof value["Id"] === "string" ? value["Id"] : undefined;
      const syncToken = typeof value["SyncToken"] === "string" ? value["SyncToken"] : "0";
      const meta = value["MetaData"] as { LastUpdatedTime?: string } | undefined;
      if (confirm.insertAccount && qboId) {
        const account = confirm.insertAccount;
        await tx
          .insert(accounts)
          .values({ id: account.id, organizationId, name: account.name, fullyQualifiedName: account.name, accountType: account.accountType, qboId })
          .onConflictDoNothing();
        await tx
          .update(syncPreferences)
          .set({ [account.preference]: account.id })
          .where(eq(syncPreferences.organizationId, organizationId));
      }
      if (confirm.localId && qboId && UUID.test(confirm.localId)) {
        // A delete answers without a SyncToken; the mapping keeps the last one it had.
        const token = request.operation === "delete" ? String(request.body["SyncToken"] ?? syncToken) : syncToken;
        // A void keeps the twin (voided) in QBO; a delete (of a record voided in the app) removes it.
        const qboState = request.operation === "delete" ? "removed" : request.operation === "void" ? "voided" : "live";
        mappingWrites.push({ objectType: confirm.objectType, localId: confirm.localId, qboId, syncToken: token, lastUpdatedTime: meta?.LastUpdatedTime ?? null, contentHash: confirm.contentHash, qboState });
      }
      if (confirm.appTable && confirm.localId && qboId && UUID.test(confirm.localId)) {
        const table = APP_TABLES[confirm.appTable];
        await tx
          .update(table)
          .set({ qboId })
          .where(and(eq(table.organizationId, organizationId), eq(table.id, confirm.localId)));
      }
      if (confirm.invoiceTaxFromAnswer && confirm.localId && UUID.test(confirm.localId)) {
        await takeInvoiceTaxFromAnswer(tx, organizationId, confirm.localId, value);
      }
      for (const applicationId of confirm.creditApplicationIds ?? []) {
        if (qboId) mappingWrites.push({ objectType: "vendor_credit_application", localId: applicationId, qboId, syncToken, contentHash: "" });
      }
      for (const applicationId of confirm.releaseCreditApplicationIds ?? []) {
        if (qboId) mappingWrites.push({ objectType: "vendor_credit_application", localId: applicationId, qboId, syncToken, contentHash: CREDIT_RELEASED_HASH });
      }
      issues.resolve(request.issue.objectType, { localId: request.issue.localId, qboId: qboId ?? request.issue.qboId });
      if (issue) issues.record({ ...request.issue, ...(qboId ? { qboId } : {}), reason: issue.reason, params: { ...request.issue.params, ...issue.params } });
    }
    await mappings.upsert(tx, mappingWrites);
    const keys = confirmed.map((c) => c.request.intentionKey);
    const qboIdByKey = new Map(confirmed.map((c) => [c.request.intentionKey, typeof c.value["Id"] === "string" ? c.value["Id"] : null]));
    for (const key of keys) {
      await tx
        .update(syncIntentions)
        .set({ status: "confirmed", qboId: qboIdByKey.get(key) ?? null, confirmedAt: this.ctx.now(), error: null })
        .where(and(eq(syncIntentions.organizationId, organizationId), eq(syncIntentions.intentionKey, key)));
    }
  }

  /**
   * Re-sends every pending intention of the organisation (left by a run that died between the
   * write and its confirmation), batch by batch with the original request ids, and completes them.
   */
  async recoverPending(): Promise<number> {
    const { db, organizationId } = this.ctx;
    const pending = await db
      .select()
      .from(syncIntentions)
      .where(and(eq(syncIntentions.organizationId, organizationId), eq(syncIntentions.status, "pending")))
      .orderBy(asc(syncIntentions.batchRequestId), asc(syncIntentions.batchPosition), asc(syncIntentions.createdAt));
    const groups = new Map<string, typeof pending>();
    for (const row of pending) {
      const group = row.batchRequestId ?? `single:${row.requestId}`;
      groups.set(group, [...(groups.get(group) ?? []), row]);
    }
    for (const [group, rows] of groups) {
      const requests = rows.map((row) => toRequest(row.intentionKey, row.payload as unknown as StoredPayload));
      const batchRequestId = group.startsWith("single:") ? null : group;
      await this.send(requests, rows.map((row) => row.requestId), batchRequestId);
    }
    return pending.length;
  }
}

/** `excluded.<column>` of an upsert: the value the insert proposed. */
function sqlExcluded(column: string) {
  return sql.raw(`excluded.${column}`);
}
