import Link from "next/link";
import { SyncNowButton } from "@/components/sync/sync-now-button";
import { SyncPreviewView } from "@/components/sync/sync-preview";
import { PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { requireOrg } from "@/lib/auth/guard";
import { previewSyncNow } from "@/lib/sync/preview/preview-now";

export const metadata = { title: "Preview sync" };
export const dynamic = "force-dynamic";

/** Preview sync (dry run): what Sync Now would do, planned by the engine itself, nothing written. */
export default async function SyncPreviewPage(props: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await props.params;
  // A preview reads QuickBooks (and spends its rate budget): the same permission as Sync Now.
  const { org } = await requireOrg(orgSlug, "sync.run");
  const preview = await previewSyncNow(org.organizationId);
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
            <SyncNowButton orgSlug={org.slug} />
          </>
        }
      />
      <SyncPreviewView preview={preview} />
    </>
  );
}
