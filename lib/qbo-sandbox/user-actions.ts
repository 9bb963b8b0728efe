/**
 * "Act as a QBO user": edits people make in QuickBooks while the app is not looking. They run
 * through the same rules engine as API writes (so SyncToken and LastUpdatedTime move exactly like
 * real edits) but, like the QBO UI, always against the latest version (no SyncToken needed).
 */
import { z } from "zod";
import { ENTITY_SPECS } from "./entity-specs";
import { createRecord, deleteRecord, readRecord, updateRecord, voidRecord, type EngineContext, type WriteOutcome } from "./engine";
import { faults } from "./faults";
import { stringAt } from "./json";
import { toCents, fromCents } from "./money";
import { findAccountByType } from "./normalize";
import { ENTITY_NAMES, type ChangeEvent, type JsonObject } from "./types";

const entityName = z.enum(ENTITY_NAMES);
const fields = z.record(z.string(), z.json());
const listEntity = z.enum(["Vendor", "Customer", "Account", "Item", "Class", "Department", "Term"]);

export const userActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("create"), entity: entityName, fields }),
  z.object({ type: z.literal("update"), entity: entityName, id: z.string(), fields }),
  z.object({ type: z.literal("delete"), entity: entityName, id: z.string() }),
  z.object({ type: z.literal("deactivate"), entity: listEntity, id: z.string() }),
  z.object({ type: z.literal("void"), entity: z.enum(["Invoice", "Payment", "BillPayment"]), id: z.string() }),
  z.object({
    type: z.literal("pay-bill"),
    billId: z.string(),
    /** Defaults to the bill's open balance. */
    amount: z.number().positive().optional(),
    txnDate: z.string().optional(),
    bankAccountId: z.string().optional(),
  }),
  z.object({
    type: z.literal("receive-payment"),
    invoiceId: z.string(),
    amount: z.number().positive().optional(),
    txnDate: z.string().optional(),
    depositAccountId: z.string().optional(),
  }),
]);
export type UserAction = z.infer<typeof userActionSchema>;

export const userActionsSchema = z.union([
  z.object({ actions: z.array(userActionSchema).min(1) }),
  userActionSchema.transform((action) => ({ actions: [action] })),
]);

function latest(ctx: EngineContext, entity: keyof typeof ENTITY_SPECS, id: string): JsonObject {
  const record = readRecord(ctx.company, entity, id);
  return { Id: id, SyncToken: stringAt(record, "SyncToken") ?? "0" };
}

function asFields(value: Record<string, z.infer<ReturnType<typeof z.json>>>): JsonObject {
  // z.json() yields exactly the JSON value space our Json type describes.
  return value as JsonObject;
}

export function runUserAction(ctx: EngineContext, action: UserAction): WriteOutcome {
  switch (action.type) {
    case "create":
      return createRecord(ctx, ENTITY_SPECS[action.entity], asFields(action.fields));
    case "update":
      return updateRecord(ctx, ENTITY_SPECS[action.entity], { ...asFields(action.fields), ...latest(ctx, action.entity, action.id), sparse: true });
    case "delete":
      return deleteRecord(ctx, ENTITY_SPECS[action.entity], latest(ctx, action.entity, action.id));
    case "deactivate":
      return updateRecord(ctx, ENTITY_SPECS[action.entity], { ...latest(ctx, action.entity, action.id), sparse: true, Active: false });
    case "void":
      return voidRecord(ctx, ENTITY_SPECS[action.entity], { ...latest(ctx, action.entity, action.id), sparse: true });
    case "pay-bill": {
      const bill = readRecord(ctx.company, "Bill", action.billId);
      const bank = action.bankAccountId ?? stringAt(findAccountByType(ctx.company, "Bank") ?? {}, "Id");
      if (!bank) throw faults.requiredParam("CheckPayment.BankAccountRef");
      const amount = action.amount ?? fromCents(toCents(bill["Balance"]));
      const payment: JsonObject = {
        VendorRef: structuredClone(bill["VendorRef"] ?? null),
        PayType: "Check",
        CheckPayment: { BankAccountRef: { value: bank } },
        TotalAmt: amount,
        Line: [{ Amount: amount, LinkedTxn: [{ TxnId: action.billId, TxnType: "Bill" }] }],
      };
      if (action.txnDate) payment["TxnDate"] = action.txnDate;
      return createRecord(ctx, ENTITY_SPECS.BillPayment, payment);
    }
    case "receive-payment": {
      const invoice = readRecord(ctx.company, "Invoice", action.invoiceId);
      const amount = action.amount ?? fromCents(toCents(invoice["Balance"]));
      const payment: JsonObject = {
        CustomerRef: structuredClone(invoice["CustomerRef"] ?? null),
        TotalAmt: amount,
        Line: [{ Amount: amount, LinkedTxn: [{ TxnId: action.invoiceId, TxnType: "Invoice" }] }],
      };
      if (action.depositAccountId) payment["DepositToAccountRef"] = { value: action.depositAccountId };
      if (action.txnDate) payment["TxnDate"] = action.txnDate;
      return createRecord(ctx, ENTITY_SPECS.Payment, payment);
    }
  }
}

export interface UserActionsResult {
  results: JsonObject[];
  changes: ChangeEvent[];
}
