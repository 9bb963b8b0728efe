/**
 * Is this QBO object the twin of that app record? Links are never trusted blindly (issue 11): a
 * QBO answer — fresh, recovered after a crash or replayed for a requestid — is compared with what
 * was sent before the engine records "app record X = QBO object Y", and the engine checks the
 * links it already holds against what QBO now shows. Pure: plain JSON in, a verdict out.
 *
 * Identity = what a record is, not its current details: the object's type (the answer's envelope
 * and Id), its number (DocNumber) or name (DisplayName / Name), its party (VendorRef /
 * CustomerRef) and its amount (TotalAmt, or the lines' sum).
 */
import { amountToCents } from "@/lib/sync/core/money";
import { normalizeDisplayName } from "@/lib/sync/core/plan";

export type TwinField = "id" | "number" | "name" | "party" | "amount";

export interface TwinMismatch {
  field: TwinField;
  sent: string;
  got: string;
}

type Json = Record<string, unknown>;

const PARTY_REFS = ["VendorRef", "CustomerRef"] as const;

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

function refValue(record: Json, key: string): string | undefined {
  const ref = record[key];
  return typeof ref === "object" && ref !== null ? text((ref as Json)["value"]) : undefined;
}

function sameNumber(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** QBO renames a deactivated name "<name> (deleted)" (sandbox README). */
function sameName(sent: string, got: string, deactivating: boolean): boolean {
  const a = normalizeDisplayName(sent);
  const b = normalizeDisplayName(got);
  return a === b || (deactivating && b === `${a} (deleted)`);
}

/**
 * The amount a create or full update sends, when it can be told without QBO's arithmetic: an
 * explicit TotalAmt (payments), else the sum of plain lines. Undefined when tax, discounts or
 * sub-totals would make QBO's total differ from the lines.
 */
function sentAmountCents(sent: Json): number | undefined {
  if (typeof sent["TotalAmt"] === "number") return amountToCents(sent["TotalAmt"]);
  if (sent["TxnTaxDetail"] !== undefined || !Array.isArray(sent["Line"])) return undefined;
  let cents = 0;
  for (const line of sent["Line"] as unknown[]) {
    if (typeof line !== "object" || line === null) return undefined;
    const detail = (line as Json)["DetailType"];
    if (detail !== "AccountBasedExpenseLineDetail" && detail !== "ItemBasedExpenseLineDetail" && detail !== "SalesItemLineDetail") return undefined;
    const amount = (line as Json)["Amount"];
    if (typeof amount !== "number") return undefined;
    // A line QBO taxes (TaxCodeRef other than "NON") adds sales tax to TotalAmt, even without TxnTaxDetail.
    const taxCode = refValue(((line as Json)["SalesItemLineDetail"] as Json | undefined) ?? {}, "TaxCodeRef");
    if (taxCode !== undefined && taxCode !== "NON") return undefined;
    cents += amountToCents(amount);
  }
  return cents;
}

/**
 * Why QBO's answer to a write is not the object the write was about, or null when it is. `sent`
 * is the body sent; `answer` the object QBO returned for it (a delete's answer is `{Id, status}`).
 */
export function answerMismatch(input: { operation: "create" | "update" | "delete" | "void"; sent: Json; answer: Json }): TwinMismatch | null {
  const { operation, sent, answer } = input;
  const gotId = text(answer["Id"]);
  if (gotId === undefined) return { field: "id", sent: text(sent["Id"]) ?? "(new)", got: "(none)" };
  if (operation !== "create") {
    const sentId = text(sent["Id"]);
    if (sentId !== undefined && sentId !== gotId) return { field: "id", sent: sentId, got: gotId };
  }
  if (operation === "delete" || operation === "void") return null;

  const number = text(sent["DocNumber"]);
  if (number !== undefined) {
    const got = text(answer["DocNumber"]) ?? "";
    if (!sameNumber(number, got)) return { field: "number", sent: number, got };
  }
  for (const key of ["DisplayName", "Name"] as const) {
    const name = text(sent[key]);
    if (name === undefined) continue;
    const got = text(answer[key]) ?? "";
    if (!sameName(name, got, sent["Active"] === false)) return { field: "name", sent: name, got };
  }
  for (const key of PARTY_REFS) {
    const party = refValue(sent, key);
    if (party === undefined) continue;
    const got = refValue(answer, key) ?? "";
    if (party !== got) return { field: "party", sent: party, got };
  }
  // A sparse update may leave lines out: only a body that carries its amount can be compared.
  const amount = sentAmountCents(sent);
  if (amount !== undefined && typeof answer["TotalAmt"] === "number") {
    const got = amountToCents(answer["TotalAmt"]);
    if (got !== amount) return { field: "amount", sent: String(amount), got: String(got) };
  }
  return null;
}

/** What an app record is, as far as twin checks go; parties are given by their QBO ids. */
export interface AppIdentity {
  number?: string;
  displayName?: string;
  partyQboId?: string;
  totalCents?: number;
}

/**
 * Can the QBO object be the twin of the app record? False when its number, name, party or amount
 * says it is another record's. Used when QBO answered a write of record X with an object another
 * record Y is linked to: if Y's identity does not fit the object, Y's link was the wrong one.
 */
export function identityFits(identity: AppIdentity, object: Json): boolean {
  if (identity.number !== undefined && !sameNumber(identity.number, text(object["DocNumber"]) ?? "")) return false;
  if (identity.displayName !== undefined && !sameName(identity.displayName, text(object["DisplayName"]) ?? "", object["Active"] === false)) return false;
  if (identity.partyQboId !== undefined) {
    const party = PARTY_REFS.map((key) => refValue(object, key)).find((value) => value !== undefined);
    if (party !== undefined && party !== identity.partyQboId) return false;
  }
  if (identity.totalCents !== undefined && typeof object["TotalAmt"] === "number" && amountToCents(object["TotalAmt"]) !== identity.totalCents) return false;
  return true;
}

/** Plain words for a mismatch, for the sync issue ("number 1042 instead of 1043"). */
export function describeMismatch(mismatch: TwinMismatch): string {
  switch (mismatch.field) {
    case "id":
      return `QuickBooks record ${mismatch.got} instead of ${mismatch.sent}`;
    case "number":
      return `number “${mismatch.got}” instead of “${mismatch.sent}”`;
    case "name":
      return `name “${mismatch.got}” instead of “${mismatch.sent}”`;
    case "party":
      return "a different vendor or customer";
    case "amount":
      return `total ${(Number(mismatch.got) / 100).toFixed(2)} instead of ${(Number(mismatch.sent) / 100).toFixed(2)}`;
  }
}
