import { Badge, Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { formatIsoDate } from "@/components/invoices/format-date";
import { InviteMemberForm } from "@/components/settings/invite-member-form";
import { TimeZoneForm } from "@/components/settings/time-zone-form";
import { supportedTimeZones } from "@/lib/ap";
import { businessToday } from "@/lib/bills/today";
import { RevokeInvitationButton } from "@/components/settings/revoke-invitation-button";
import { requireOrg } from "@/lib/auth/guard";
import { listPendingInvitations } from "@/lib/orgs/invitations";
import { listMembers } from "@/lib/orgs/organizations";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, db } = await requireOrg(orgSlug, "data.read");
  const members = await listMembers(db, org.organizationId);
  const isAdmin = org.role === "admin";
  const invitations = isAdmin ? await listPendingInvitations(db, org.organizationId) : [];
  const now = new Date();
  return (
    <>
      <PageHeader title="Settings" description={`${org.name} · your role: ${org.role}`} />
      <div className="space-y-6">
        <Card className="p-6">
          <h2 className="mb-1 text-base font-semibold text-slate-900">Time zone</h2>
          <p className="mb-4 text-sm text-slate-600">
            Today in {org.name} is <span className="font-medium text-slate-900">{formatIsoDate(businessToday(org.timeZone, now))}</span> ({org.timeZone.replaceAll("_", " ")}).
          </p>
          {isAdmin ? (
            <TimeZoneForm orgSlug={org.slug} timeZone={org.timeZone} zones={supportedTimeZones()} />
          ) : (
            <p className="text-sm text-slate-500">An admin can change the time zone.</p>
          )}
        </Card>
        <Card>
          <div className="border-b border-slate-200 px-6 py-4">
            <h2 className="text-base font-semibold text-slate-900">Members</h2>
            <p className="text-sm text-slate-600">People who can work in {org.name}.</p>
          </div>
          <ul className="divide-y divide-slate-100">
            {members.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 px-6 py-3">
                <div>
                  <p className="text-sm font-medium text-slate-900">{m.name}</p>
                  <p className="text-sm text-slate-500">{m.email}</p>
                </div>
                <div className="flex items-center gap-3 text-sm text-slate-500">
                  <span className="hidden sm:inline">since {formatDateTime(m.since)}</span>
                  <Badge tone={m.role === "admin" ? "blue" : "slate"}>{m.role === "admin" ? "Admin" : "Member"}</Badge>
                </div>
              </li>
            ))}
          </ul>
        </Card>
        {isAdmin && invitations.length > 0 ? (
          <Card>
            <div className="border-b border-slate-200 px-6 py-4">
              <h2 className="text-base font-semibold text-slate-900">Pending invitations</h2>
              <p className="text-sm text-slate-600">Links not used yet. Revoking one stops its link from working.</p>
            </div>
            <ul className="divide-y divide-slate-100">
              {invitations.map((invitation) => {
                const expired = invitation.expiresAt <= now;
                return (
                  <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 px-6 py-3">
                    <div>
                      <p className="text-sm font-medium text-slate-900">{invitation.email}</p>
                      <p className="text-sm text-slate-500">
                        {invitation.role === "admin" ? "Admin" : "Member"} · invited
                        {invitation.invitedByName ? ` by ${invitation.invitedByName}` : ""} {formatDateTime(invitation.createdAt)} ·{" "}
                        {expired ? "expired" : `expires ${formatDateTime(invitation.expiresAt)}`}
                      </p>
                    </div>
                    <div className="flex items-center gap-3">
                      {expired ? <Badge tone="amber">Expired</Badge> : <Badge tone="slate">Pending</Badge>}
                      <RevokeInvitationButton orgSlug={org.slug} invitationId={invitation.id} email={invitation.email} />
                    </div>
                  </li>
                );
              })}
            </ul>
          </Card>
        ) : null}
        {isAdmin ? (
          <Card className="p-6">
            <h2 className="mb-1 text-base font-semibold text-slate-900">Invite a member</h2>
            <p className="mb-4 text-sm text-slate-600">
              You get a link to share with them. They join {org.name} when they open it and sign in or sign up with this
              e-mail address.
            </p>
            <InviteMemberForm orgSlug={org.slug} />
          </Card>
        ) : (
          <p className="text-sm text-slate-500">Only admins can invite members.</p>
        )}
      </div>
    </>
  );
}
