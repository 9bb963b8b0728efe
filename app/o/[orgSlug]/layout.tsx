import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { SyncIcon } from "@/components/sync/sync-icon";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";
import { listMemberships } from "@/lib/orgs/organizations";

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { user, org, db } = await requireOrg(orgSlug, "data.read");
  const orgs = await listMemberships(db, user.id);
  return (
    <AppShell user={user} org={org} orgs={orgs} headerExtras={<SyncIcon orgSlug={org.slug} canSync={canDo({ org }, "sync.run")} />}>
      {children}
    </AppShell>
  );
}
