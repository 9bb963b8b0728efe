import Link from "next/link";
import { Alert, Badge, Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { TokenHealth } from "@/lib/qbo-connection/connection";
import { DisconnectButton } from "./disconnect-button";

type Connection = { realmId: string; companyName: string | null; connectedAt: Date } | null;

/** Settings → Sync → Setup: connect, see the company and token health, disconnect or reconnect. */
export function ConnectionCard({
  orgSlug,
  isAdmin,
  connection,
  health,
  builtInSandbox,
  notice,
  error,
}: {
  orgSlug: string;
  isAdmin: boolean;
  connection: Connection;
  health: TokenHealth;
  builtInSandbox: boolean;
  notice?: string;
  error?: string;
}) {
  const connectHref = `/api/orgs/${orgSlug}/qbo/connect`;
  const connected = health.status !== "disconnected" && connection;
  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 px-6 py-4">
        <div>
          <h2 className="text-base font-semibold text-slate-900">Setup</h2>
          <p className="text-sm text-slate-600">The QuickBooks Online company this organisation syncs with.</p>
        </div>
        {health.status === "connected" ? (
          <Badge tone="green">Connected</Badge>
        ) : health.status === "awaiting_confirmation" ? (
          <Badge tone="amber">Waiting for confirmation</Badge>
        ) : health.status === "needs_reconnect" ? (
          <Badge tone="amber">Needs reconnect</Badge>
        ) : (
          <Badge>Not connected</Badge>
        )}
      </div>
      <div className="space-y-4 px-6 py-5">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        {health.status === "awaiting_confirmation" ? (
          <Alert tone="warning">
            {health.message}{" "}
            <Link href={`/o/${orgSlug}/sync/switch`} className="font-semibold underline">
              Review and confirm
            </Link>
          </Alert>
        ) : null}
        {connected ? (
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">Company</dt>
              <dd className="font-medium text-slate-900">{connection.companyName ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Realm ID</dt>
              <dd className="font-mono text-slate-900">{connection.realmId}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Connected on</dt>
              <dd className="text-slate-900">{formatDateTime(connection.connectedAt)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Token health</dt>
              <dd className={health.status === "connected" ? "text-slate-900" : "text-amber-700"}>{health.message}</dd>
            </div>
          </dl>
        ) : (
          <p className="text-sm text-slate-600">
            Connect your QuickBooks Online company to bring in unpaid bills and invoices, vendors, customers and your
            chart of accounts, and to send payments back.
            {builtInSandbox ? " This installation uses the built-in QuickBooks sandbox." : null}
          </p>
        )}
        {isAdmin ? (
          <div className="flex flex-wrap items-center gap-3">
            {!connected ? (
              <a href={connectHref} className="inline-flex items-center rounded-md bg-[#2ca01c] px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-[#248a17]">
                Connect to QuickBooks
              </a>
            ) : null}
            {health.status === "needs_reconnect" ? (
              <a href={connectHref} className="inline-flex items-center rounded-md bg-[#2ca01c] px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-[#248a17]">
                Reconnect
              </a>
            ) : null}
            {connected ? <DisconnectButton orgSlug={orgSlug} /> : null}
          </div>
        ) : (
          <p className="text-sm text-slate-500">Only an admin can connect or disconnect QuickBooks.</p>
        )}
      </div>
    </Card>
  );
}
