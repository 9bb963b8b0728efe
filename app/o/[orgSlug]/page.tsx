import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { formatMoney } from "@/lib/ap/money";
import { requireOrg } from "@/lib/auth/guard";
import { FirstRunChecklistCard } from "@/components/overview/first-run-checklist";
import { loadFirstRun, loadOverview } from "@/lib/orgs/overview";

export const metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, db, user } = await requireOrg(orgSlug);
  const [overview, firstRun] = await Promise.all([loadOverview(db, org.organizationId), loadFirstRun(db, org.organizationId)]);
  const base = `/o/${org.slug}`;
  const tiles = [
    { label: "Open bills", value: formatMoney(overview.openBills.cents), sub: `${overview.openBills.count} to pay`, href: `${base}/bills` },
    { label: "Open invoices", value: formatMoney(overview.openInvoices.cents), sub: `${overview.openInvoices.count} to collect`, href: `${base}/invoices` },
    { label: "Vendors", value: String(overview.vendors), sub: "active", href: `${base}/vendors` },
    { label: "Customers", value: String(overview.customers), sub: "active", href: `${base}/customers` },
  ];
  return (
    <>
      <PageHeader title={`Good to see you, ${user.name.split(" ")[0]}`} description={`${org.name} at a glance.`} />
      {firstRun ? <FirstRunChecklistCard orgSlug={org.slug} checklist={firstRun} isAdmin={org.role === "admin"} /> : null}
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {tiles.map((t) => (
          <Link key={t.label} href={t.href} className="group">
            <Card className="p-5 transition-shadow group-hover:shadow-md">
              <p className="text-sm font-medium text-slate-500">{t.label}</p>
              <p className="tabular mt-2 text-2xl font-semibold text-slate-900">{t.value}</p>
              <p className="mt-1 text-sm text-slate-500">{t.sub}</p>
            </Card>
          </Link>
        ))}
      </div>
    </>
  );
}
