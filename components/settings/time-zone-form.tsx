"use client";

import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateTimeZoneAction } from "@/lib/orgs/actions";

/** Settings → Time zone (admins). The zones come from the server, so the list is the one it validates against. */
export function TimeZoneForm({ orgSlug, timeZone, zones }: { orgSlug: string; timeZone: string; zones: string[] }) {
  const { state, onSubmit, pending, errors } = useFormAction(updateTimeZoneAction);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="orgSlug" value={orgSlug} />
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      {state?.ok ? <Alert tone="success">{state.data.changed ? `Time zone set to ${state.data.timeZone}.` : `The time zone is already ${state.data.timeZone}.`}</Alert> : null}
      <Field label="Time zone" name="timeZone" error={errors.timeZone} hint="Decides today's date: what is due or overdue, default dates, and the day payments are processed and grouped into funds transfers.">
        <Select name="timeZone" defaultValue={timeZone} invalid={Boolean(errors.timeZone)} className="sm:max-w-sm">
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save time zone"}</Button>
    </form>
  );
}
