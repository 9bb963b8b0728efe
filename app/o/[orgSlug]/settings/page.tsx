import { Badge, Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { AddMemberForm } from "@/components/settings/add-member-form";
import { requireOrg } from "@/lib/auth/guard";
import { listMembers } from "@/lib/orgs/organizations";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, db } = await requireOrg(orgSlug);
  const members = await listMembers(db, org.organizationId);
  const isAdmin = org.role === "admin";
  return (
    <>
      <PageHeader title="Settings" description={`${org.name} · your role: ${org.role}`} />
      <div className="space-y-6">
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
        {isAdmin ? (
          <Card className="p-6">
            <h2 className="mb-4 text-base font-semibold text-slate-900">Add a member</h2>
            <AddMemberForm orgSlug={org.slug} />
          </Card>
        ) : (
          <p className="text-sm text-slate-500">Only admins can add members.</p>
        )}
      </div>
    </>
  );
}
