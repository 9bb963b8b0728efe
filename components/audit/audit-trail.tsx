import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { AuditChange } from "@/lib/db/schema";

type Event = { id: string; action: string; actorKind: string; actorName: string | null; changes: AuditChange[]; createdAt: Date };

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
                    <li key={c.field}>
                      {c.label}: <span className="text-slate-400 line-through">{c.old ?? "—"}</span> → {c.new ?? "—"}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
