"use client";

import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveSyncPreferencesAction } from "@/lib/sync/actions";
import type { ListPullView } from "@/lib/sync/core/first-run";
import { ListPullNotice } from "./list-pull-notice";

type Choice = { id: string; fullyQualifiedName: string; accountType: string };
type AccountField = "unallocatedExpenseAccountId" | "unallocatedIncomeAccountId" | "bankAccountId" | "moneyOutClearingAccountId" | "moneyInClearingAccountId";
export type PreferencesValues = {
  syncAutomatically: boolean;
  twoWayPaymentSync: boolean;
  direction: "two_way" | "app_to_qbo";
  masterInConflict: "quickbooks" | "ledgerbridge";
} & Partial<Record<AccountField, string>>;

const ACCOUNT_FIELDS: { field: AccountField; label: string; hint: string; optional?: boolean }[] = [
  { field: "unallocatedExpenseAccountId", label: "Unallocated Expense Account", hint: "Bill lines without an account go here." },
  { field: "unallocatedIncomeAccountId", label: "Unallocated Income Account", hint: "Invoice lines without an item or account go here." },
  { field: "bankAccountId", label: "Bank Account GL", hint: "The bank account payments leave from and deposits reach." },
  { field: "moneyOutClearingAccountId", label: "Money Out Clearing Account", hint: "Leave empty and the sync creates “Money Out Clearing” in QuickBooks.", optional: true },
  { field: "moneyInClearingAccountId", label: "Money In Clearing Account", hint: "Leave empty and the sync creates “Money In Clearing” in QuickBooks.", optional: true },
];

/** Settings → Sync → Preferences: read-only until Edit preferences; admins only may edit. */
export function PreferencesForm({
  orgSlug,
  values,
  choices,
  canEdit,
  nextAutoSyncAt,
  lists,
}: {
  orgSlug: string;
  values: PreferencesValues;
  choices: Record<AccountField, Choice[]>;
  canEdit: boolean;
  nextAutoSyncAt: string | null;
  /** The chart of accounts and lists brought in after Connect (or why not). */
  lists: ListPullView;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);
  const { state, onSubmit, pending, errors } = useFormAction<{ saved: boolean }>(async (previous, form) => {
    const result = await saveSyncPreferencesAction(previous, form);
    if (result.ok) {
      setEditing(false);
      setSaved(true);
      router.refresh();
    }
    return result;
  });

  const nameOf = (field: AccountField) => {
    const id = values[field];
    return id ? (choices[field].find((c) => c.id === id)?.fullyQualifiedName ?? "(account no longer available)") : null;
  };
  const disabled = !editing;

  return (
    <Card>
      <div id="preferences" className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 px-6 py-4">
        <div>
          <h2 className="text-base font-semibold text-slate-900">Preferences</h2>
          <p className="text-sm text-slate-600">What syncs, which way, and where unassigned amounts land in QuickBooks.</p>
        </div>
        {canEdit && !editing ? (
          <Button
            type="button"
            variant="secondary"
            aria-label="Edit preferences"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            <Pencil className="h-4 w-4" aria-hidden /> Edit
          </Button>
        ) : null}
      </div>
      {lists.kind === "ready" ? null : (
        // Outside the preferences form: Retry is a form of its own.
        <div className="px-6 pt-5">
          <ListPullNotice orgSlug={orgSlug} view={lists} canEdit={canEdit} />
        </div>
      )}
      <form key={formKey} onSubmit={onSubmit} className="space-y-6 px-6 py-5" noValidate>
        <input type="hidden" name="orgSlug" value={orgSlug} />
        {saved ? <Alert tone="success">Preferences saved.</Alert> : null}
        {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
        {!canEdit ? <p className="text-sm text-slate-500">Only an admin can change sync preferences.</p> : null}

        <fieldset className="space-y-3" disabled={disabled}>
          <legend className="sr-only">Options</legend>
          <Toggle name="syncAutomatically" label="Sync Automatically" defaultChecked={values.syncAutomatically}
            hint={nextAutoSyncAt && values.syncAutomatically ? `Next automatic sync around ${new Date(nextAutoSyncAt).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}.` : "Runs about 24 hours after the most recent sync."} />
          <Toggle name="twoWayPaymentSync" label="Enable 2-Way Payment Sync" defaultChecked={values.twoWayPaymentSync}
            hint="Also bring payments recorded in QuickBooks into Ledgerbridge. Off: payments only go from Ledgerbridge to QuickBooks." />
        </fieldset>

        <div className="grid gap-5 sm:grid-cols-2">
          <Field label="Sync direction" name="direction" error={errors.direction}>
            <Select name="direction" defaultValue={values.direction} disabled={disabled}>
              <option value="two_way">2-way</option>
              <option value="app_to_qbo">Only from Ledgerbridge to QuickBooks</option>
            </Select>
          </Field>
          <Field label="Master in Case of Conflict" name="masterInConflict" error={errors.masterInConflict} hint="When both sides changed a record since the last sync.">
            <Select name="masterInConflict" defaultValue={values.masterInConflict} disabled={disabled}>
              <option value="quickbooks">QuickBooks</option>
              <option value="ledgerbridge">Ledgerbridge</option>
            </Select>
          </Field>
          {ACCOUNT_FIELDS.map(({ field, label, hint, optional }) =>
            editing ? (
              <Field key={field} label={label} name={field} error={errors[field]} hint={choices[field].length === 0 ? emptyPickerHint(lists) : hint}>
                <Select name={field} defaultValue={values[field] ?? ""} invalid={Boolean(errors[field])}>
                  <option value="">{optional ? "Create automatically" : "Choose an account"}</option>
                  {choices[field].map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.fullyQualifiedName} ({c.accountType})
                    </option>
                  ))}
                </Select>
              </Field>
            ) : (
              <div key={field} className="space-y-1.5">
                <p className="text-sm font-medium text-slate-700">{label}</p>
                <p className={nameOf(field) ? "text-sm text-slate-900" : "text-sm text-amber-700"}>
                  {nameOf(field) ?? (optional ? "Created by the sync when needed" : "Not set")}
                </p>
              </div>
            ),
          )}
        </div>

        {editing ? (
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setEditing(false);
                setFormKey((k) => k + 1);
              }}
            >
              Cancel
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}

function Toggle({ name, label, hint, defaultChecked }: { name: string; label: string; hint: string; defaultChecked: boolean }) {
  return (
    <label className="flex items-start gap-3">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500" />
      <span>
        <span className="block text-sm font-medium text-slate-900">{label}</span>
        <span className="block text-sm text-slate-500">{hint}</span>
      </span>
    </label>
  );
}

/** A picker with nothing to offer says why, truthfully. */
function emptyPickerHint(lists: ListPullView): string {
  switch (lists.kind) {
    case "not_connected":
      return "No accounts yet — connect to QuickBooks to bring in your chart of accounts.";
    case "running":
      return "Bringing in your chart of accounts from QuickBooks…";
    case "failed":
    case "not_pulled":
      return "No accounts yet — bring in your chart of accounts (above).";
    case "ready":
      return "No fitting account in your QuickBooks chart of accounts.";
  }
}
