"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/forms/action-result";
import type { BulkResult } from "@/lib/lists/bulk";

type BulkAction = (previous: ActionResult<BulkResult> | null, form: FormData) => Promise<ActionResult<BulkResult>>;

type Selection = {
  selected: ReadonlySet<string>;
  toggle: (id: string, on: boolean) => void;
  setAll: (on: boolean) => void;
  pageIds: readonly string[];
};

const SelectionContext = createContext<Selection | null>(null);

function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("Bulk selection components must be inside <BulkSelection>.");
  return selection;
}

/** Holds which rows of this page are ticked; the table (server-rendered) sits inside as children. */
export function BulkSelection({ pageIds, children }: { pageIds: string[]; children: ReactNode }) {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  // A new page (filter, sort, paging, a refresh after an action) counts only the ticks still on it.
  const selected = new Set(pageIds.filter((id) => ticked.has(id)));
  const value: Selection = {
    selected,
    pageIds,
    toggle: (id, on) =>
      setTicked((current) => {
        const next = new Set(current);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    setAll: (on) => setTicked(on ? new Set(pageIds) : new Set()),
  };
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

const checkbox = "size-4 rounded border-slate-300 text-brand-600";

export function RowCheckbox({ id, label }: { id: string; label: string }) {
  const { selected, toggle } = useSelection();
  return <input type="checkbox" className={checkbox} aria-label={label} checked={selected.has(id)} onChange={(event) => toggle(id, event.target.checked)} />;
}

export function SelectAllCheckbox() {
  const { selected, pageIds, setAll } = useSelection();
  const all = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const some = !all && pageIds.some((id) => selected.has(id));
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return <input ref={ref} type="checkbox" className={checkbox} aria-label="Select all on this page" checked={all} onChange={(event) => setAll(event.target.checked)} />;
}

type DialogKind = "schedule" | "markPaid" | "void";

export type BulkBarProps = {
  orgSlug: string;
  noun: { one: string; many: string };
  /** Row labels (bill / invoice numbers) of this page, to name what the server reports. */
  labels: Record<string, string>;
  exportUrl: string;
  /** Absent for a role that may not void (the button is not shown). */
  voidAction?: BulkAction;
  payments?: {
    scheduleAction: BulkAction;
    markPaidAction: BulkAction;
    payHref: string;
    paymentsHref: string;
    bankAccounts: { id: string; name: string }[];
    defaultBankAccountId: string | null;
    today: string;
  };
};

/** The actions on the ticked rows: shown once something is ticked, with what the last action did. */
export function BulkBar(props: BulkBarProps) {
  const { selected, setAll } = useSelection();
  const router = useRouter();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [report, setReport] = useState<{ kind: DialogKind; result: BulkResult } | null>(null);
  const ids = [...selected];
  const count = ids.length;
  const nounFor = (n: number) => (n === 1 ? props.noun.one : props.noun.many);

  const finished = (kind: DialogKind, result: BulkResult) => {
    setDialog(null);
    setReport({ kind, result });
    setAll(false);
    router.refresh();
  };

  return (
    <div className="space-y-3">
      {report ? <BulkReport {...props} kind={report.kind} result={report.result} onClose={() => setReport(null)} nounFor={nounFor} /> : null}
      {count > 0 ? (
        <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 rounded-md bg-brand-50 px-3 py-2 ring-1 ring-brand-200">
          <span className="mr-auto text-sm font-medium text-brand-900">
            {count} {nounFor(count)} selected
          </span>
          {props.payments ? (
            <>
              <Button type="button" onClick={() => setDialog("schedule")}>Schedule payment</Button>
              <Button type="button" variant="secondary" onClick={() => setDialog("markPaid")}>Mark paid</Button>
              <Button type="button" variant="secondary" onClick={() => router.push(`${props.payments!.payHref}?${ids.map((id) => `bill=${id}`).join("&")}`)}>
                Pay selected
              </Button>
            </>
          ) : null}
          <form method="post" action={props.exportUrl}>
            {ids.map((id) => (
              <input key={id} type="hidden" name="ids" value={id} />
            ))}
            <Button type="submit" variant="secondary">Export selected</Button>
          </form>
          {props.voidAction ? <Button type="button" variant="danger" onClick={() => setDialog("void")}>Void</Button> : null}
        </div>
      ) : null}
      {dialog ? <BulkDialog {...props} kind={dialog} ids={ids} nounFor={nounFor} onCancel={() => setDialog(null)} onDone={finished} /> : null}
    </div>
  );
}

function BulkDialog({
  kind,
  ids,
  orgSlug,
  voidAction,
  payments,
  nounFor,
  onCancel,
  onDone,
}: BulkBarProps & {
  kind: DialogKind;
  ids: string[];
  nounFor: (n: number) => string;
  onCancel: () => void;
  onDone: (kind: DialogKind, result: BulkResult) => void;
}) {
  const action = kind === "void" ? voidAction! : kind === "schedule" ? payments!.scheduleAction : payments!.markPaidAction;
  const { state, onSubmit, pending, errors } = useFormAction(action);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (element && !element.open) element.showModal();
  }, []);
  useEffect(() => {
    if (state?.ok) onDone(kind, state.data);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- report each result once
  }, [state]);
  const n = ids.length;
  const title =
    kind === "void" ? `Void ${n} ${nounFor(n)}?` : kind === "schedule" ? `Schedule payment for ${n} ${nounFor(n)}` : `Mark ${n} ${nounFor(n)} as paid`;
  const confirm = kind === "void" ? `Void ${n} ${nounFor(n)}` : kind === "schedule" ? `Schedule ${n} ${n === 1 ? "payment" : "payments"}` : `Mark ${n} paid`;
  return (
    <dialog
      ref={ref}
      aria-labelledby="bulk-dialog-title"
      onCancel={onCancel}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <form onSubmit={onSubmit} className="space-y-4 p-6" noValidate>
        <h2 id="bulk-dialog-title" className="text-base font-semibold text-slate-900">{title}</h2>
        <input type="hidden" name="orgSlug" value={orgSlug} />
        {ids.map((id) => (
          <input key={id} type="hidden" name="ids" value={id} />
        ))}
        {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
        {kind === "void" ? (
          <p className="text-sm text-slate-600">
            Voided {nounFor(2)} keep their number and history but owe nothing; the next sync voids or deletes them in QuickBooks. Any that can&apos;t be voided are listed with the reason.
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-600">
              {kind === "schedule"
                ? "Each bill gets one electronic payment for what is still to pay on it."
                : "Records what is still to pay on each bill as paid outside Ledgerbridge."}{" "}
              Bills that can&apos;t be paid are left out and listed with the reason.
            </p>
            <Field label={kind === "schedule" ? "Pay from" : "Paid from"} name="bankAccountId" error={errors.bankAccountId}>
              <Select name="bankAccountId" defaultValue={payments!.defaultBankAccountId ?? ""} invalid={Boolean(errors.bankAccountId)}>
                <option value="">Bank Account GL preference</option>
                {payments!.bankAccounts.map((account) => (
                  <option key={account.id} value={account.id}>{account.name}</option>
                ))}
              </Select>
            </Field>
            {kind === "schedule" ? (
              <Field label="Process date" name="processDate" error={errors.processDate}>
                <Input name="processDate" type="date" defaultValue={payments!.today} min={payments!.today} invalid={Boolean(errors.processDate)} />
              </Field>
            ) : (
              <>
                <Field label="Payment date" name="paidDate" error={errors.paidDate}>
                  <Input name="paidDate" type="date" defaultValue={payments!.today} invalid={Boolean(errors.paidDate)} />
                </Field>
                <label className="flex items-center gap-2 text-sm text-slate-700">
                  <input type="checkbox" name="syncToQbo" className={checkbox} /> Sync these payments to QuickBooks
                </label>
              </>
            )}
          </>
        )}
        {errors.ids ? <p className="text-sm text-red-600">{errors.ids[0]}</p> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant={kind === "void" ? "danger" : "primary"} disabled={pending}>
            {pending ? "Working…" : confirm}
          </Button>
        </div>
      </form>
    </dialog>
  );
}

function BulkReport({
  kind,
  result,
  labels,
  payments,
  nounFor,
  onClose,
}: BulkBarProps & { kind: DialogKind; result: BulkResult; nounFor: (n: number) => string; onClose: () => void }) {
  const done = result.done.length;
  const verb = kind === "void" ? "Voided" : kind === "schedule" ? "Scheduled payments for" : "Marked as paid";
  return (
    <Alert tone={result.failed.length > 0 ? "warning" : "success"}>
      <div className="flex items-start justify-between gap-3">
        <div className="space-y-1">
          <p className="font-medium">
            {verb} {done} {nounFor(done)}.
            {kind === "schedule" && done > 0 && payments ? (
              <>
                {" "}
                <Link href={payments.paymentsHref} className="underline">See them on Payments</Link>
              </>
            ) : null}
          </p>
          {result.failed.length > 0 ? (
            <>
              <p>{result.failed.length} not changed:</p>
              <ul className="list-disc pl-5">
                {result.failed.map((failure) => (
                  <li key={failure.id}>
                    <span className="font-medium">{labels[failure.id] ?? failure.id}</span>: {failure.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <button type="button" onClick={onClose} className="text-sm underline">Dismiss</button>
      </div>
    </Alert>
  );
}
