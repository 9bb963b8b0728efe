import Link from "next/link";
import { ArrowLeftRight, CalendarClock, ChevronRight, Hourglass } from "lucide-react";
import { Card, PageHeader } from "@/components/ui/card";
import { requireOrg } from "@/lib/auth/guard";

export const metadata = { title: "Reports" };

const REPORTS = [
  {
    path: "funds-transfers",
    title: "Funds Transfer Detail",
    description: "Each funds transfer with its payments and QuickBooks ids; totals that reconcile the clearing accounts.",
    icon: ArrowLeftRight,
  },
  { path: "ap-aging", title: "AP aging", description: "What you owe vendors, by how long it is past due.", icon: Hourglass },
  { path: "ar-aging", title: "AR aging", description: "What customers owe you, by how long it is past due.", icon: CalendarClock },
];

export default async function ReportsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org } = await requireOrg(orgSlug, "data.read");
  return (
    <>
      <PageHeader title="Reports" description="Reconcile money movement and see what is outstanding." />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {REPORTS.map((report) => (
          <Link key={report.path} href={`/o/${org.slug}/reports/${report.path}`} className="group">
            <Card className="flex h-full items-start gap-4 p-5 transition-shadow group-hover:shadow-md">
              <span className="rounded-lg bg-brand-50 p-2.5 text-brand-700 ring-1 ring-brand-100"><report.icon className="h-5 w-5" aria-hidden /></span>
              <span className="flex-1">
                <span className="flex items-center justify-between text-base font-semibold text-slate-900">
                  {report.title}
                  <ChevronRight className="h-4 w-4 text-slate-400 group-hover:text-slate-700" aria-hidden />
                </span>
                <span className="mt-1 block text-sm text-slate-600">{report.description}</span>
              </span>
            </Card>
          </Link>
        ))}
      </div>
    </>
  );
}
