"use client";

import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveCommerceMarkersAction } from "@/lib/sync/actions";

export type CommerceMarkersValues = { docNumberPrefixes: string[]; memoPhrases: string[] };

const FIELDS = [
  {
    name: "docNumberPrefixes",
    label: "DocNumber prefixes",
    hint: "One a line, e.g. SHOP- : bills and invoices whose number starts with it are treated as QuickBooks Commerce’s.",
    empty: "None",
  },
  {
    name: "memoPhrases",
    label: "Memo phrases",
    hint: "One a line: a memo containing the phrase (any case) marks the transaction as QuickBooks Commerce’s.",
    empty: "None",
  },
] as const;

/**
 * Settings → Sync → QuickBooks Commerce markers: what, besides QuickBooks' own traces, marks a
 * transaction as created by QuickBooks Commerce (those never sync). Admins only may edit.
 */
export function CommerceMarkersForm({ orgSlug, values, canEdit }: { orgSlug: string; values: CommerceMarkersValues; canEdit: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);
  const { state, onSubmit, pending, errors } = useFormAction<{ saved: boolean }>(async (previous, form) => {
    const result = await saveCommerceMarkersAction(previous, form);
    if (result.ok) {
      setEditing(false);
      setSaved(true);
      router.refresh();
    }
    return result;
  });

  return (
    <Card>
      <div id="commerce-markers" className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 px-6 py-4">
        <div>
          <h2 className="text-base font-semibold text-slate-900">QuickBooks Commerce markers</h2>
          <p className="text-sm text-slate-600">
            Transactions from QuickBooks Commerce never sync. They are recognised by their QuickBooks origin or a memo mentioning
            QuickBooks Commerce, and by the markers your Commerce channel used.
          </p>
        </div>
        {canEdit && !editing ? (
          <Button
            type="button"
            variant="secondary"
            aria-label="Edit QuickBooks Commerce markers"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            <Pencil className="h-4 w-4" aria-hidden /> Edit
          </Button>
        ) : null}
      </div>
      <form key={formKey} onSubmit={onSubmit} className="space-y-5 px-6 py-5" noValidate>
        <input type="hidden" name="orgSlug" value={orgSlug} />
        {saved ? <Alert tone="success">QuickBooks Commerce markers saved. The next sync looks at every record again.</Alert> : null}
        {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
        {!canEdit ? <p className="text-sm text-slate-500">Only an admin can change the QuickBooks Commerce markers.</p> : null}
        <div className="grid gap-5 sm:grid-cols-2">
          {FIELDS.map(({ name, label, hint, empty }) =>
            editing ? (
              <Field key={name} label={label} name={name} error={errors[name]} hint={hint}>
                <Textarea name={name} rows={4} defaultValue={values[name].join("\n")} invalid={Boolean(errors[name])} />
              </Field>
            ) : (
              <div key={name} className="space-y-1.5">
                <p className="text-sm font-medium text-slate-700">{label}</p>
                <p className="text-sm text-slate-900">{values[name].length > 0 ? values[name].join(", ") : empty}</p>
              </div>
            ),
          )}
        </div>
        {editing ? (
          <div className="flex gap-2">
            <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save markers"}</Button>
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
