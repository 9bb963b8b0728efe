"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { invoiceSchema } from "@/lib/ap";
import { orgAction } from "@/lib/auth/guard";
import { createInvoice, updateInvoice } from "./save-invoice";
import { bulkIdsField } from "@/lib/lists/bulk";
import { voidInvoice, voidInvoices } from "./void-invoice";
import { optionalRecordId, recordId } from "@/lib/forms/record-id";


// invoiceSchema is an object with refinements: the id travels in a wrapper so those stay intact.
const saveSchema = z
  .looseObject({ id: optionalRecordId() })
  .transform((value, ctx) => {
    const { id, ...fields } = value;
    const parsed = invoiceSchema.safeParse(fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: "custom", message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return { id, invoice: parsed.data };
  });

/** Creates an invoice, or saves an edit when `id` is posted. */
export const saveInvoiceAction = orgAction({ schema: saveSchema, permission: "invoice.edit" }, async (ctx, input) => {
  const actor = { organizationId: ctx.org.organizationId, userId: ctx.user.id };
  const result = input.id ? await updateInvoice(ctx.db, actor, input.id, input.invoice) : await createInvoice(ctx.db, actor, input.invoice);
  revalidatePath(`/o/${ctx.org.slug}/invoices`, "layout");
  return result;
});

export const voidInvoiceAction = orgAction({ schema: z.object({ id: recordId() }), permission: "invoice.edit" }, async (ctx, input) => {
  const result = await voidInvoice(ctx.db, { organizationId: ctx.org.organizationId, userId: ctx.user.id }, input.id);
  revalidatePath(`/o/${ctx.org.slug}/invoices`, "layout");
  return result;
});

/** Invoices list → Void (after the confirmation): each selected invoice voided once, or reported with why not. */
export const bulkVoidInvoicesAction = orgAction({ schema: z.object({ ids: bulkIdsField() }), permission: "invoice.edit" }, async (ctx, input) => {
  const result = await voidInvoices(ctx.db, { organizationId: ctx.org.organizationId, userId: ctx.user.id }, input.ids);
  revalidatePath(`/o/${ctx.org.slug}/invoices`, "layout");
  return result;
});
