import { Card, EmptyState, PageHeader } from "@/components/ui/card";

/** The preview reads QuickBooks and plans a whole run: say so while it does (a large company takes a while). */
export default function SyncPreviewLoading() {
  return (
    <>
      <PageHeader title="Preview sync" description="What the next sync would do, before it writes anything." />
      <Card>
        <EmptyState title="Planning the sync…">Reading QuickBooks and Ledgerbridge to see what would change. Nothing is written.</EmptyState>
      </Card>
    </>
  );
}
