import type { ReactNode } from "react";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  return (
    <>
      <SettingsTabs slug={orgSlug} />
      {children}
    </>
  );
}
