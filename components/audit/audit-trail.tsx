import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { AuditChange, AuditSnapshot } from "@/lib/db/schema";

type Event = { id: string; action: string; actorKind: string; actorName: string | null; changes: AuditChange[]; snapshot?: AuditSnapshot | null; createdAt: Date };

/** Who changed what, and when — on every record's page. */
export function AuditTrail({ events }: { events: Event[] }) {
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold text-slate-900">History</h2>
      {events.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No changes recorded yet.</p>
      ) : (
        <ol className="mt-4 space-y-4">
          {events.map((e) => (
            <li key={e.id} className="border-l-2 border-slate-200 pl-4">
              <p className="text-sm text-slate-900">
                <span className="font-medium">{e.actorKind === "sync" ? "QuickBooks sync" : (e.actorName ?? "Someone")}</span>{" "}
                {e.action} <span className="text-slate-500">· {formatDateTime(e.createdAt)}</span>
              </p>
              {e.changes.length > 0 ? (
                <ul className="mt-1 space-y-0.5 text-sm text-slate-600">
                  {e.changes.map((c) => (
                    <li key={c.field} className="break-words">
                      {c.label}: <span className="text-slate-400 line-through">{c.old ?? "—"}</span> → {c.new ?? "—"}
                    </li>
                  ))}
                </ul>
              ) : null}
              {e.snapshot ? (
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer text-slate-700 underline-offset-2 hover:underline">View the {e.snapshot.title.replace(/^(.*) \(not kept\)$/, "$1")} that was not kept</summary>
                  <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded-md bg-slate-50 p-3 text-slate-700">
                    {e.snapshot.fields.map((f) => (
                      <div key={f.label} className="contents">
                        <dt className="text-slate-500">{f.label}</dt>
                        <dd className="min-w-0 break-words">{f.value ?? "—"}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
