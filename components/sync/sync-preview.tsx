import { Alert, Badge, Card, EmptyState } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { formatMoney } from "@/lib/ap/money";
import {
  DIRECTION_LABELS,
  previewNothingToDo,
  previewObjectLabel,
  summarizePreview,
  type PreviewChange,
  type PreviewConflict,
  type PreviewRecord,
  type PreviewSkip,
  type PreviewSummaryRow,
  type SyncPreview,
} from "@/lib/sync/core/preview";

/** Records listed under one row; a large first sync lists the first ones and says how many more. */
const LIST_LIMIT = 200;

const ACTION_WORDS = { create: "Create", update: "Update", delete: "Delete" } as const;
const COLUMNS = [
  ["create", "Create"],
  ["update", "Update"],
  ["delete", "Delete"],
  ["skipped", "Skipped"],
  ["failed", "Failed"],
  ["conflicts", "Conflicts"],
] as const satisfies ReadonlyArray<readonly [keyof PreviewSummaryRow, string]>;

/**
 * What the next sync would do (lib/sync/preview): per object type and direction, the records it
 * would create, update or delete, the ones it would skip and why, and conflicts with both versions.
 * Server-renderable (no client state: rows expand with <details>); rows stack on a phone.
 */
export function SyncPreviewView({ preview }: { preview: SyncPreview }) {
  if (preview.status !== "ready") {
    return <Alert tone={preview.status === "sync-running" ? "info" : "warning"}>{preview.message}</Alert>;
  }
  const rows = summarizePreview(preview);
  const nothing = previewNothingToDo(preview);
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        Planned {formatDateTime(preview.generatedAt)} ({preview.mode === "full" ? "full read of QuickBooks" : "changes since the last sync"}, {preview.apiCalls} QuickBooks
        read{preview.apiCalls === 1 ? "" : "s"}). Nothing has been written to QuickBooks or Ledgerbridge. QuickBooks may still refuse
        some of these writes when the sync sends them (its checks run only then); those show as failed.
      </p>
      {preview.error ? <Alert tone="error">The sync would stop: {preview.error}</Alert> : null}
      {preview.preferencesMissing.length > 0 ? (
        <Alert tone="warning">
          Sync preferences are not set ({preview.preferencesMissing.join(", ")}): only accounts, lists, vendors and customers would sync.
        </Alert>
      ) : null}
      {nothing ? (
        <Card>
          <EmptyState title="Nothing to do">
            Both sides are in sync: the next sync would create, update or delete nothing.
            {preview.skipped.length > 0 ? ` ${preview.skipped.length} record${preview.skipped.length === 1 ? " stays" : "s stay"} skipped, as listed below.` : ""}
          </EmptyState>
        </Card>
      ) : null}
      {rows.length > 0 ? <SummaryTable preview={preview} rows={rows} /> : null}
      {preview.conflicts.length > 0 ? <Conflicts conflicts={preview.conflicts} /> : null}
    </div>
  );
}

function SummaryTable({ preview, rows }: { preview: Extract<SyncPreview, { status: "ready" }>; rows: PreviewSummaryRow[] }) {
  const grid = "grid gap-2 sm:grid-cols-[minmax(0,1fr)_repeat(6,5rem)] sm:items-center";
  return (
    <Card>
      <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">What the sync would do</h2>
      <div className={`${grid} hidden border-b border-slate-200 bg-slate-50 px-4 py-2 text-xs font-medium uppercase tracking-wide text-slate-500 sm:grid`} aria-hidden>
        <span>Records</span>
        {COLUMNS.map(([, label]) => (
          <span key={label} className="text-right">{label}</span>
        ))}
      </div>
      <ul className="divide-y divide-slate-100" aria-label="Preview by object type and direction">
        {rows.map((row) => {
          const changes = preview.changes.filter((c) => c.objectType === row.objectType && c.direction === row.direction);
          const skipped = preview.skipped.filter((s) => s.objectType === row.objectType && s.direction === row.direction);
          const title = `${row.label} · ${DIRECTION_LABELS[row.direction]}`;
          return (
            <li key={`${row.objectType}-${row.direction}`}>
              <details className="group">
                <summary className={`${grid} cursor-pointer list-none px-4 py-3 text-sm hover:bg-slate-50`} data-row={title}>
                  <span className="font-medium text-slate-900">
                    <span aria-hidden className="mr-1 inline-block text-slate-400 transition group-open:rotate-90">▸</span>
                    {row.label} <span className="font-normal text-slate-600">{DIRECTION_LABELS[row.direction]}</span>
                  </span>
                  <span className="flex flex-wrap gap-x-4 gap-y-1 pl-4 text-slate-700 sm:contents">
                    {COLUMNS.map(([key, label]) => (
                      <span key={key} className={`tabular sm:text-right ${row[key] === 0 ? "max-sm:hidden text-slate-400" : ""}`} data-column={key}>
                        <span className="sm:sr-only">{label}: </span>
                        {row[key]}
                      </span>
                    ))}
                  </span>
                </summary>
                <div className="space-y-3 bg-slate-50/60 px-4 pb-4 pt-1 text-sm">
                  {changes.length > 0 ? <ChangeList changes={changes} /> : null}
                  {skipped.length > 0 ? <SkipList skipped={skipped} /> : null}
                  {changes.length === 0 && skipped.length === 0 ? <p className="text-slate-600">Conflicts only: see below.</p> : null}
                </div>
              </details>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function RecordLine({ record }: { record: PreviewRecord }) {
  const details = [
    record.party,
    record.amountCents !== undefined ? formatMoney(record.amountCents) : undefined,
    record.date,
    record.qboId && !record.qboId.startsWith("preview-") ? `QuickBooks ID ${record.qboId}` : undefined,
  ].filter(Boolean);
  return (
    <>
      <span className="font-medium text-slate-900">{record.title}</span>
      {details.length > 0 ? <span className="text-slate-600"> · {details.join(" · ")}</span> : null}
    </>
  );
}

function ChangeList({ changes }: { changes: PreviewChange[] }) {
  return (
    <ul className="space-y-1" aria-label="Records">
      {changes.slice(0, LIST_LIMIT).map((change, index) => (
        <li key={index} className="flex flex-wrap items-baseline gap-x-2">
          <Badge tone={change.action === "create" ? "green" : change.action === "delete" ? "red" : "blue"}>{ACTION_WORDS[change.action]}</Badge>
          <span><RecordLine record={change.record} /></span>
        </li>
      ))}
      {changes.length > LIST_LIMIT ? <li className="text-slate-600">…and {changes.length - LIST_LIMIT} more.</li> : null}
    </ul>
  );
}

function SkipList({ skipped }: { skipped: PreviewSkip[] }) {
  return (
    <ul className="space-y-2" aria-label="Skipped records">
      {skipped.slice(0, LIST_LIMIT).map((skip, index) => (
        <li key={index}>
          <Badge tone={skip.severity === "failure" ? "red" : "amber"}>{skip.severity === "failure" ? "Would fail" : "Skipped"}</Badge>{" "}
          <span className="font-medium text-slate-900">{skip.label}</span>
          {skip.detail ? <p className="mt-0.5 text-slate-600">{skip.detail}</p> : null}
        </li>
      ))}
      {skipped.length > LIST_LIMIT ? <li className="text-slate-600">…and {skipped.length - LIST_LIMIT} more.</li> : null}
    </ul>
  );
}

function Conflicts({ conflicts }: { conflicts: PreviewConflict[] }) {
  return (
    <Card>
      <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">Conflicts: changed on both sides</h2>
      <ul className="divide-y divide-slate-100">
        {conflicts.map((conflict, index) => (
          <li key={index} className="space-y-2 px-4 py-3 text-sm" aria-label={`Conflict: ${previewObjectLabel(conflict.objectType)} ${conflict.record.title}`}>
            <p>
              <span className="text-slate-600">{previewObjectLabel(conflict.objectType)}: </span>
              <RecordLine record={conflict.record} />{" "}
              <Badge tone="amber">Keeps the {conflict.winner === "quickbooks" ? "QuickBooks" : "Ledgerbridge"} version</Badge>
            </p>
            {conflict.fields.length === 0 ? <p className="text-slate-600">The two versions differ in their lines.</p> : null}
            <table className={conflict.fields.length === 0 ? "hidden" : "w-full table-fixed text-left text-sm"}>
              <thead className="text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="w-1/4 py-1 pr-2">Field</th>
                  <th scope="col" className="py-1 pr-2">Ledgerbridge</th>
                  <th scope="col" className="py-1">QuickBooks</th>
                </tr>
              </thead>
              <tbody>
                {conflict.fields.map((field) => (
                  <tr key={field.label} className="align-top">
                    <th scope="row" className="py-1 pr-2 font-medium text-slate-700">{field.label}</th>
                    <td className={`break-words py-1 pr-2 ${conflict.winner === "ledgerbridge" ? "font-medium text-slate-900" : "text-slate-500 line-through"}`}>{field.app ?? "—"}</td>
                    <td className={`break-words py-1 ${conflict.winner === "quickbooks" ? "font-medium text-slate-900" : "text-slate-500 line-through"}`}>{field.qbo ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
    </Card>
  );
}
