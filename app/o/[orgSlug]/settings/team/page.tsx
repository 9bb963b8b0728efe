import { ActionButton } from "@/components/bills/action-button";
import { InviteMemberForm } from "@/components/settings/invite-member-form";
import { MemberRoleForm } from "@/components/settings/member-role-form";
import { RevokeInvitationButton } from "@/components/settings/revoke-invitation-button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { requireOrg } from "@/lib/auth/guard";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import { removeMemberAction } from "@/lib/orgs/actions";
import { listPendingInvitations } from "@/lib/orgs/invitations";
import { listMembers } from "@/lib/orgs/organizations";

export const metadata = { title: "Team" };

/** Admins only: who works in the organisation, with which role; pending invitations; inviting. */
export default async function TeamPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, db, user } = await requireOrg(orgSlug, "team.manage");
  const [members, invitations] = await Promise.all([listMembers(db, org.organizationId), listPendingInvitations(db, org.organizationId)]);
  const now = new Date();
  return (
    <>
      <PageHeader title="Team" description={`Who works in ${org.name}, and what each role may do.`} />
      <div className="space-y-6">
        <Card>
          <div className="border-b border-slate-200 px-4 py-4 sm:px-6">
            <h2 className="text-base font-semibold text-slate-900">Members</h2>
            <p className="text-sm text-slate-600">A change applies at once, also to a member who is signed in. There is always at least one admin.</p>
          </div>
          <ul className="divide-y divide-slate-100">
            {members.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
                <div className="min-w-0">
                  <p className="text-sm font-medium text-slate-900">
                    {m.name} {m.userId === user.id ? <span className="font-normal text-slate-500">(you)</span> : null}
                  </p>
                  <p className="break-all text-sm text-slate-500">{m.email}</p>
                  <p className="text-xs text-slate-500">member since {formatDateTime(m.since)}</p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <MemberRoleForm orgSlug={org.slug} userId={m.userId} name={m.name} role={m.role} />
                  <ActionButton
                    action={removeMemberAction}
                    orgSlug={org.slug}
                    fields={{ userId: m.userId }}
                    variant="danger"
                    confirm={`Remove ${m.name} from ${org.name}? They lose access at once.`}
                    pendingLabel="Removing…"
                  >
                    <span aria-label={`Remove ${m.name}`}>Remove</span>
                  </ActionButton>
                </div>
              </li>
            ))}
          </ul>
        </Card>
        {invitations.length > 0 ? (
          <Card>
            <div className="border-b border-slate-200 px-4 py-4 sm:px-6">
              <h2 className="text-base font-semibold text-slate-900">Pending invitations</h2>
              <p className="text-sm text-slate-600">Links not used yet. Revoking one stops its link from working.</p>
            </div>
            <ul className="divide-y divide-slate-100">
              {invitations.map((invitation) => {
                const expired = invitation.expiresAt <= now;
                return (
                  <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 sm:px-6">
                    <div className="min-w-0">
                      <p className="break-all text-sm font-medium text-slate-900">{invitation.email}</p>
                      <p className="text-sm text-slate-500">
                        {ROLE_LABELS[invitation.role]} · invited
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
        <Card className="p-4 sm:p-6">
          <h2 className="mb-1 text-base font-semibold text-slate-900">Invite a member</h2>
          <p className="mb-4 text-sm text-slate-600">
            You get a link to share with them. They join {org.name} with the role you choose when they open it and sign in or
            sign up with this e-mail address.
          </p>
          <InviteMemberForm orgSlug={org.slug} />
        </Card>
        <Card className="p-4 sm:p-6">
          <h2 className="mb-3 text-base font-semibold text-slate-900">Roles</h2>
          <dl className="space-y-2 text-sm">
            {ROLES.map((role) => (
              <div key={role} className="sm:flex sm:gap-3">
                <dt className="w-28 shrink-0 font-medium text-slate-900">{ROLE_LABELS[role]}</dt>
                <dd className="text-slate-600">{ROLE_DESCRIPTIONS[role]}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </>
  );
}
