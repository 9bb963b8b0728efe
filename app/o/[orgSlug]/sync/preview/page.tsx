import Link from "next/link";
import { SyncNowButton } from "@/components/sync/sync-now-button";
import { SyncPreviewView } from "@/components/sync/sync-preview";
import { Alert, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";
import { pendingCompanySwitch } from "@/lib/qbo-connection/company-switch";
import { previewSyncNow } from "@/lib/sync/preview/preview-now";

export const metadata = { title: "Preview sync" };
export const dynamic = "force-dynamic";

/** Preview sync (dry run): what Sync Now would do, planned by the engine itself, nothing written. */
export default async function SyncPreviewPage(props: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await props.params;
  // A preview reads QuickBooks (and spends its rate budget): the same permission as Sync Now.
  const { org, db } = await requireOrg(orgSlug, "sync.run");
  const [preview, pending] = await Promise.all([previewSyncNow(org.organizationId), pendingCompanySwitch(db, org.organizationId)]);
  const base = `/o/${org.slug}/sync`;
  return (
    <>
      <PageHeader
        title="Preview sync"
        description={
          <>
            What the next sync would do, before it writes anything.{" "}
            <Link href={base} className="font-medium text-brand-700 hover:underline">Sync history</Link>
          </>
        }
        actions={
          <>
            <ButtonLink href={`${base}/preview`} variant="secondary" prefetch={false}>Preview again</ButtonLink>
            {pending ? (
              canDo({ org }, "settings.manage") ? <ButtonLink href={`${base}/switch`}>Review and confirm</ButtonLink> : null
            ) : (
              <SyncNowButton orgSlug={org.slug} />
            )}
          </>
        }
      />
      {pending ? (
        <div className="mb-4">
          <Alert tone="warning">
            Nothing syncs until an admin confirms the {pending.kind === "switch" ? "switch of QuickBooks company" : "first sync"}: this is what
            “Switch and sync” would do.
          </Alert>
        </div>
      ) : null}
      <SyncPreviewView preview={preview} />
    </>
  );
}
