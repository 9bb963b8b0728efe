import { Badge } from "@/components/ui/card";

/** Active/inactive plus whether the entry came from QuickBooks (has a QBO id). */
export function StatusCell({ active, qboId }: { active: boolean; qboId: string | null }) {
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      {active ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>}
      {qboId ? <Badge tone="blue">QBO #{qboId}</Badge> : null}
    </span>
  );
}
