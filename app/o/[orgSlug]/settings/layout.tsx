import type { ReactNode } from "react";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { requireOrg } from "@/lib/auth/guard";
import { canDo } from "@/lib/auth/permissions";

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org } = await requireOrg(orgSlug, "data.read");
  return (
    <>
      <SettingsTabs slug={org.slug} showTeam={canDo({ org }, "team.manage")} />
      {children}
    </>
  );
}
