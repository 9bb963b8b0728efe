import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { formatIsoDate } from "@/components/ui/format";
import { TimeZoneForm } from "@/components/settings/time-zone-form";
import { supportedTimeZones } from "@/lib/ap";
import { businessToday } from "@/lib/bills/today";
import { requireOrg } from "@/lib/auth/guard";
import { canDo, ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/auth/permissions";
import { listMembers } from "@/lib/orgs/organizations";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const mayManage = canDo({ org }, "settings.manage");
  const mayManageTeam = canDo({ org }, "team.manage");
  const memberCount = mayManageTeam ? (await listMembers(db, org.organizationId)).length : 0;
  const now = new Date();
  return (
    <>
      <PageHeader title="Settings" description={`${org.name} · your role: ${ROLE_LABELS[org.role]} (${ROLE_DESCRIPTIONS[org.role]})`} />
      <div className="space-y-6">
        <Card className="p-6">
          <h2 className="mb-1 text-base font-semibold text-slate-900">Time zone</h2>
          <p className="mb-4 text-sm text-slate-600">
            Today in {org.name} is <span className="font-medium text-slate-900">{formatIsoDate(businessToday(org.timeZone, now))}</span> ({org.timeZone.replaceAll("_", " ")}).
          </p>
          {mayManage ? (
            <TimeZoneForm orgSlug={org.slug} timeZone={org.timeZone} zones={supportedTimeZones()} />
          ) : (
            <p className="text-sm text-slate-500">An admin can change the time zone.</p>
          )}
        </Card>
        {mayManageTeam ? (
          <Card className="p-6">
            <h2 className="mb-1 text-base font-semibold text-slate-900">Team</h2>
            <p className="text-sm text-slate-600">
              {memberCount} {memberCount === 1 ? "member" : "members"}.{" "}
              <Link href={`/o/${org.slug}/settings/team`} className="font-medium text-brand-700 hover:underline">
                Manage the team
              </Link>{" "}
              — roles, removing members and invitations.
            </p>
          </Card>
        ) : (
          <p className="text-sm text-slate-500">Only admins can invite members and change roles.</p>
        )}
      </div>
    </>
  );
}
