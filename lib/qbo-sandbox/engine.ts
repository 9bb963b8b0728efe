/**
 * The write/read rules of the QBO API over one company: create, full and sparse update, delete and
 * void, with SyncToken optimistic locking and the cascades QBO performs (balances, LinkedTxn on both
 * sides, party balances). Every mutation reports the change events a webhook would carry.
 */
import {
  appliedCents,
  indexParty,
  linksOf,
  partyOf,
  recomputeParty,
  recomputeTarget,
  setPaymentLinks,
} from "./balances";
import { formatQboDateTime } from "./clock";
import { ENTITY_SPECS, type EntitySpec } from "./entity-specs";
import { checkKnownFields } from "./field-catalog";
import { checkFieldFormats } from "./field-formats";
import { faults } from "./faults";
import { objectAt, objectsAt, stringAt } from "./json";
import { toCents } from "./money";
import { normalizeRecord, stripReadOnly } from "./normalize";
import { recordKey, splitKey, type CompanyState } from "./store";
import type { ChangeEvent, EntityName, JsonObject } from "./types";
import {
  checkDocNumber,
  checkPaymentAccounts,
  checkPaymentLinks,
  checkPeriodOpen,
  checkReferences,
  checkRequired,
  checkUniqueName,
  dropSettledBillLines,
} from "./validation";

export interface EngineContext {
  company: CompanyState;
  now: Date;
}

export interface WriteOutcome {
  entity: EntityName;
  /** The stored record, or `{status: "Deleted", Id}` for deletes. */
  body: JsonObject;
  changes: ChangeEvent[];
}

const BALANCE_TARGETS: readonly EntityName[] = ["Bill", "Invoice", "VendorCredit"];
const PAYMENTS: readonly EntityName[] = ["BillPayment", "Payment"];

function isPayment(entity: EntityName): entity is "BillPayment" | "Payment" {
  return PAYMENTS.includes(entity);
}

export function readRecord(company: CompanyState, entity: EntityName, id: string): JsonObject {
  const record = company.get(entity, id);
  if (!record) {
    throw faults.notFound(`Something you're trying to use has been made inactive or deleted. (${entity} Id=${id})`, "Id");
  }
  return record;
}

function bump(record: JsonObject, nowIso: string): void {
  record["SyncToken"] = String(Number(stringAt(record, "SyncToken") ?? "0") + 1);
  const meta = objectAt(record, "MetaData") ?? {};
  record["MetaData"] = { ...meta, LastUpdatedTime: nowIso };
}

function requireIdAndToken(input: JsonObject): { id: string; syncToken: string } {
  const id = stringAt(input, "Id");
  if (!id) throw faults.requiredParam("Id");
  const syncToken = stringAt(input, "SyncToken");
  if (syncToken === undefined) throw faults.requiredParam("SyncToken");
  return { id, syncToken };
}

function lockedRecord(company: CompanyState, spec: EntitySpec, input: JsonObject): JsonObject {
  const { id, syncToken } = requireIdAndToken(input);
  const existing = readRecord(company, spec.name, id);
  if (stringAt(existing, "SyncToken") !== syncToken) throw faults.staleObject(spec.name, id);
  return existing;
}

/**
 * Stores a validated record and runs the cascades. Used by the API and, on a fast path that skips
 * per-record uniqueness scans, by the seed generator.
 */
export function commitRecord(
  ctx: EngineContext,
  entity: EntityName,
  record: JsonObject,
  existing?: JsonObject,
  options: { recomputeParties: boolean } = { recomputeParties: true },
): ChangeEvent[] {
  const { company } = ctx;
  const nowIso = formatQboDateTime(ctx.now);
  let id: string;
  if (existing) {
    id = stringAt(existing, "Id") ?? "";
    record["Id"] = id;
    record["SyncToken"] = existing["SyncToken"] ?? "0";
    record["MetaData"] = objectAt(existing, "MetaData") ?? { CreateTime: nowIso, LastUpdatedTime: nowIso };
    bump(record, nowIso);
  } else {
    // CompanyInfo and Preferences are singletons with Id "1", outside the company's id sequence.
    id = ENTITY_SPECS[entity].kind === "singleton" ? "1" : company.allocateId();
    record["Id"] = id;
    record["SyncToken"] = "0";
    record["MetaData"] = { CreateTime: nowIso, LastUpdatedTime: nowIso };
  }
  record["domain"] = "QBO";
  record["sparse"] = false;
  company.table(entity).set(id, record);

  const key = recordKey(entity, id);
  const changes: ChangeEvent[] = [
    { entity, id, operation: existing ? "Update" : "Create", lastUpdated: nowIso },
  ];
  const parties = new Set(indexParty(company, key, existing ? partyOf(entity, existing) : undefined, partyOf(entity, record)));
  if (BALANCE_TARGETS.includes(entity)) recomputeTarget(company, key);
  if (isPayment(entity)) {
    for (const targetKey of setPaymentLinks(company, key, linksOf(record))) {
      changes.push(...touchTarget(company, targetKey, nowIso, parties));
    }
  }
  if (entity === "Vendor" || entity === "Customer") parties.add(key);
  // The seed generator recomputes every party once at the end instead of after each record.
  if (options.recomputeParties) for (const party of parties) recomputeParty(company, party);
  return changes;
}

/** Recomputes a linked bill/invoice/credit and bumps it like QBO does when its balance moves. */
function touchTarget(company: CompanyState, targetKey: string, nowIso: string, parties: Set<string>): ChangeEvent[] {
  const { entity, id } = splitKey(targetKey);
  const target = company.get(entity, id);
  if (!target || !recomputeTarget(company, targetKey)) return [];
  bump(target, nowIso);
  const party = partyOf(entity, target);
  if (party) parties.add(party);
  return [{ entity, id, operation: "Update", lastUpdated: nowIso }];
}

function validate(ctx: EngineContext, spec: EntitySpec, candidate: JsonObject, existing?: JsonObject): JsonObject {
  const { company } = ctx;
  checkRequired(spec, candidate);
  checkFieldFormats(spec, candidate);
  const selfId = existing ? stringAt(existing, "Id") : undefined;
  const paymentKey = selfId ? recordKey(spec.name, selfId) : undefined;
  // A line paying a bill that is already paid in full is dropped, not faulted (QBO.md, BillPayment).
  const settled = spec.name === "BillPayment" ? dropSettledBillLines(company, candidate, paymentKey) : candidate;
  const record = normalizeRecord({ company, now: ctx.now }, spec.name, settled);
  checkReferences(company, spec, record);
  checkUniqueName(company, spec.name, record, selfId);
  checkDocNumber(company, spec.name, record, selfId);
  if (spec.kind === "txn") checkPeriodOpen(company, [stringAt(record, "TxnDate"), existing ? stringAt(existing, "TxnDate") : undefined]);
  if (isPayment(spec.name)) {
    if (spec.name === "BillPayment") checkPaymentAccounts(company, record);
    checkPaymentLinks(company, spec.name, record, linksOf(record), paymentKey);
  }
  if (existing && selfId && BALANCE_TARGETS.includes(spec.name)) {
    const applied = appliedCents(company, recordKey(spec.name, selfId));
    if (applied > 0 && toCents(record["TotalAmt"]) < applied) {
      throw faults.businessValidation("The new total is less than the payments and credits already applied.", "Line");
    }
    if (applied > 0 && partyOf(spec.name, record) !== partyOf(spec.name, existing)) {
      throw faults.businessValidation("The vendor or customer of a transaction with payments applied cannot change.", "VendorRef");
    }
  }
  return record;
}

export function createRecord(ctx: EngineContext, spec: EntitySpec, input: JsonObject): WriteOutcome {
  if (spec.kind === "singleton") throw faults.unsupportedOperation(`Create on ${spec.name}`);
  checkKnownFields(spec.name, input);
  const record = validate(ctx, spec, stripReadOnly(spec.name, input));
  const changes = commitRecord(ctx, spec.name, record);
  return { entity: spec.name, body: record, changes };
}

/** Full update replaces every writable field (omitted ones are cleared); sparse merges the given ones. */
export function updateRecord(ctx: EngineContext, spec: EntitySpec, input: JsonObject): WriteOutcome {
  if (spec.name === "Preferences") throw faults.unsupportedOperation("Update on Preferences through the API");
  checkKnownFields(spec.name, input);
  const existing = lockedRecord(ctx.company, spec, input);
  const writable = stripReadOnly(spec.name, input);
  const candidate = input["sparse"] === true ? { ...stripReadOnly(spec.name, structuredClone(existing)), ...writable } : writable;
  if (spec.kind === "singleton") {
    const record = { ...existing, ...writable };
    return { entity: spec.name, body: record, changes: commitRecord(ctx, spec.name, record, existing) };
  }
  if (ctx.company.voided.has(recordKey(spec.name, stringAt(existing, "Id") ?? ""))) {
    throw faults.businessValidation("A voided transaction cannot be changed.");
  }
  const record = validate(ctx, spec, candidate, existing);
  const changes = commitRecord(ctx, spec.name, record, existing);
  return { entity: spec.name, body: record, changes };
}

export function deleteRecord(ctx: EngineContext, spec: EntitySpec, input: JsonObject): WriteOutcome {
  const { company } = ctx;
  if (!spec.deletable) {
    throw faults.businessValidation(
      spec.kind === "list" ? `${spec.name} cannot be deleted: make it inactive (Active=false) instead.` : `${spec.name} cannot be deleted.`,
    );
  }
  const existing = lockedRecord(company, spec, input);
  const id = stringAt(existing, "Id") ?? "";
  const key = recordKey(spec.name, id);
  checkPeriodOpen(company, [stringAt(existing, "TxnDate")]);
  if (BALANCE_TARGETS.includes(spec.name) && appliedCents(company, key) > 0) {
    throw faults.businessValidation(`This ${spec.name} has payments or credits applied: delete or void them first.`);
  }
  const nowIso = formatQboDateTime(ctx.now);
  company.table(spec.name).delete(id);
  company.voided.delete(key);
  const meta = objectAt(existing, "MetaData") ?? {};
  company.tombstoneTable(spec.name).set(id, {
    Id: id,
    status: "Deleted",
    domain: "QBO",
    MetaData: { ...meta, LastUpdatedTime: nowIso },
  });
  const changes: ChangeEvent[] = [{ entity: spec.name, id, operation: "Delete", lastUpdated: nowIso }];
  const parties = new Set(indexParty(company, key, partyOf(spec.name, existing), undefined));
  if (isPayment(spec.name)) {
    for (const targetKey of setPaymentLinks(company, key, [])) changes.push(...touchTarget(company, targetKey, nowIso, parties));
  }
  for (const party of parties) recomputeParty(company, party);
  return { entity: spec.name, body: { domain: "QBO", status: "Deleted", Id: id }, changes };
}

function voidedNote(note: string | undefined): string {
  return note ? `Voided - ${note}` : "Voided";
}

/**
 * A voided invoice keeps its lines with zero amounts (QBO.md, Strictness); a voided payment's
 * lines are emptied.
 */
export function voidedLines(entity: EntityName, existing: JsonObject): JsonObject[] {
  if (entity !== "Invoice") return [];
  const zero = (line: JsonObject): JsonObject => {
    const zeroed: JsonObject = { ...line, Amount: 0 };
    const detail = objectAt(line, "SalesItemLineDetail");
    if (detail && "Qty" in detail) zeroed["SalesItemLineDetail"] = { ...detail, Qty: 0 };
    // A bundle's components are lines too.
    const group = objectAt(line, "GroupLineDetail");
    if (group) zeroed["GroupLineDetail"] = { ...group, Line: objectsAt(group, "Line").map(zero) };
    return zeroed;
  };
  return objectsAt(existing, "Line").map(zero);
}

/** Invoice `?operation=void`, Payment/BillPayment `?operation=update&include=void`. */
export function voidRecord(ctx: EngineContext, spec: EntitySpec, input: JsonObject): WriteOutcome {
  const { company } = ctx;
  if (!spec.voidStyle) throw faults.businessValidation(`A ${spec.name} cannot be voided${spec.name === "Bill" ? "; delete it instead" : ""}.`);
  const existing = lockedRecord(company, spec, input);
  const id = stringAt(existing, "Id") ?? "";
  const key = recordKey(spec.name, id);
  if (company.voided.has(key)) return { entity: spec.name, body: existing, changes: [] };
  checkPeriodOpen(company, [stringAt(existing, "TxnDate")]);
  if (BALANCE_TARGETS.includes(spec.name) && appliedCents(company, key) > 0) {
    throw faults.businessValidation(`This ${spec.name} has payments applied: void or delete them first.`);
  }
  const nowIso = formatQboDateTime(ctx.now);
  const record: JsonObject = { ...existing, Line: voidedLines(spec.name, existing), TotalAmt: 0, PrivateNote: voidedNote(stringAt(existing, "PrivateNote")) };
  if (spec.name === "Invoice") record["Balance"] = 0;
  if (spec.name === "Payment") record["UnappliedAmt"] = 0;
  bump(record, nowIso);
  company.table(spec.name).set(id, record);
  company.voided.add(key);
  const changes: ChangeEvent[] = [{ entity: spec.name, id, operation: "Void", lastUpdated: nowIso }];
  const parties = new Set<string>();
  const party = partyOf(spec.name, record);
  if (party) parties.add(party);
  if (isPayment(spec.name)) {
    for (const targetKey of setPaymentLinks(company, key, [])) changes.push(...touchTarget(company, targetKey, nowIso, parties));
  }
  for (const p of parties) recomputeParty(company, p);
  return { entity: spec.name, body: record, changes };
}
