import Link from "next/link";
import { z } from "zod";
import { PageHeader } from "@/components/ui/card";
import { CommerceMarkersForm } from "@/components/sync/commerce-markers-form";
import { ConnectionCard } from "@/components/sync/connection-card";
import { PreferencesForm } from "@/components/sync/preferences-form";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";
import { connectErrorMessage } from "@/lib/qbo-connection/connect-errors";
import { getConnection, tokenHealth } from "@/lib/qbo-connection/connection";
import { connectionDeps } from "@/lib/qbo-connection/deps";
import { listPullView } from "@/lib/sync/core";
import { getSyncStatus } from "@/lib/sync/engine";
import { listPullStatus } from "@/lib/sync/engine/pull-lists";
import { accountChoicesFor, getCommerceMarkers, getSyncPreferences } from "@/lib/sync/preferences";

export const metadata = { title: "Sync settings" };

const searchSchema = z.object({
  connected: z.literal("1").optional().catch(undefined),
  // A code from the OAuth callback, mapped to fixed text: never shown as given.
  connectError: z.string().max(100).optional().catch(undefined),
});

export default async function SyncSettingsPage(props: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgSlug }, search] = await Promise.all([props.params, props.searchParams]);
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const { connected, connectError } = searchSchema.parse(search);
  const connection = await getConnection(db, org.organizationId);
  const health = tokenHealth(connection, new Date());
  const [preferences, choices, status, commerceMarkers, pull] = await Promise.all([
    getSyncPreferences(db, org.organizationId),
    accountChoicesFor(db, org.organizationId),
    getSyncStatus(db, org.organizationId),
    getCommerceMarkers(db, org.organizationId),
    listPullStatus(db, org.organizationId),
  ]);
  const isConnected = Boolean(connection && connection.status !== "disconnected");
  const lists = listPullView({ connected: isConnected, pull, hasAccounts: Object.values(choices).some((list) => list.length > 0), now: new Date() });
  return (
    <>
      <PageHeader
        title="Sync"
        description="How this organisation stays in step with QuickBooks Online."
        actions={
          canDo({ org }, "settings.manage") ? (
            <Link href={`/o/${org.slug}/settings/sync/jobs`} className="text-sm font-medium text-brand-700 hover:underline">
              Sync jobs
            </Link>
          ) : null
        }
      />
      <div className="space-y-6">
        <ConnectionCard
          orgSlug={org.slug}
          isAdmin={canDo({ org }, "settings.manage")}
          connection={connection && connection.status !== "disconnected" ? connection : null}
          health={health}
          builtInSandbox={connectionDeps().config.builtInSandbox}
          notice={connected ? `Connected to ${connection?.companyName ?? "QuickBooks"}.` : undefined}
          error={connectErrorMessage(connectError)}
        />
        <PreferencesForm
          orgSlug={org.slug}
          values={preferences}
          choices={choices}
          canEdit={canDo({ org }, "settings.manage")}
          nextAutoSyncAt={status.nextAutoSyncAt?.toISOString() ?? null}
          lists={lists}
        />
        <CommerceMarkersForm orgSlug={org.slug} values={commerceMarkers} canEdit={canDo({ org }, "settings.manage")} />
      </div>
    </>
  );
}
