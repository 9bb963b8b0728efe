import Link from "next/link";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { SwitchCompanyButtons } from "@/components/sync/switch-company-buttons";
import { requireOrg } from "@/lib/auth/guard";
import { pendingCompanySwitch } from "@/lib/qbo-connection/company-switch";
import { companyLabel, describeRecordCounts, hasAnyRecords } from "@/lib/qbo-connection/company-switch-rule";

export const metadata = { title: "Switch QuickBooks company" };

const link = "font-medium text-brand-700 hover:underline";

/** Admins only: what a switch of QuickBooks company (or a first sync over existing records) will do, and the choice. */
export default async function SwitchCompanyPage(props: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await props.params;
  const { org, db } = await requireOrg(orgSlug, { role: "admin" });
  const pending = await pendingCompanySwitch(db, org.organizationId);
  const base = `/o/${org.slug}`;
  if (!pending) {
    return (
      <>
        <PageHeader title="Switch QuickBooks company" />
        <Card>
          <div className="px-6 py-5 text-sm text-slate-600">
            No change of QuickBooks company is waiting for confirmation.{" "}
            <Link href={`${base}/settings/sync`} className={link}>
              Sync settings
            </Link>
          </div>
        </Card>
      </>
    );
  }
  const to = companyLabel(pending.to.companyName, pending.to.realmId);
  const from = pending.from ? companyLabel(pending.from.companyName, pending.from.realmId) : null;
  const records = describeRecordCounts(pending.counts);
  return (
    <>
      <PageHeader
        title={pending.kind === "switch" ? `Switch to ${to}?` : `First sync with ${to}?`}
        description={
          pending.kind === "switch"
            ? `This organisation has synced with ${from}. Nothing syncs until you choose.`
            : "This organisation already has records in Ledgerbridge. Nothing syncs until you choose."
        }
      />
      <Card>
        <div className="space-y-5 px-6 py-5 text-sm text-slate-700">
          <Alert tone="warning">
            {hasAnyRecords(pending.counts)
              ? `The next sync will create ${records} in ${to}.`
              : `There are no Ledgerbridge records to create in ${to}; the sync brings its records in.`}
          </Alert>
          <div>
            <h2 className="text-base font-semibold text-slate-900">What will happen</h2>
            <ul className="mt-2 list-disc space-y-1.5 pl-5">
              {pending.kind === "switch" && pending.from ? (
                <>
                  <li>
                    {from}
                    {pending.from.companyName ? <span className="text-slate-500"> (realm {pending.from.realmId})</span> : null} is kept untouched in
                    QuickBooks: nothing there is changed or deleted.
                  </li>
                  <li>
                    The links between Ledgerbridge records and {from} ({pending.links} {pending.links === 1 ? "link" : "links"}) are archived; no
                    record page links into {from} any more.
                  </li>
                  <li>
                    Open sync issues of {from} ({pending.openIssues}) are archived and no longer shown.
                  </li>
                </>
              ) : null}
              <li>
                Ledgerbridge&apos;s records are created in {to} on the next sync: {records}. Vendors and customers already in {to} with the same
                name are linked to them instead of copied.
              </li>
              <li>The chart of accounts and lists of {to} come in with that sync.</li>
            </ul>
          </div>
          <p>
            <Link href={`${base}/sync/preview`} className={link}>
              Preview in detail
            </Link>{" "}
            <span className="text-slate-500">— what the sync would create, update and skip, before anything is written.</span>
          </p>
          <SwitchCompanyButtons orgSlug={org.slug} />
          <p className="text-xs text-slate-500">
            Cancel disconnects {to}
            {from ? ` and keeps everything of ${from}; connect it again to carry on syncing with it` : ""}.
          </p>
        </div>
      </Card>
    </>
  );
}
