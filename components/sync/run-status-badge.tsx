import { Badge } from "@/components/ui/card";

export function RunStatusBadge({ status }: { status: string }) {
  switch (status) {
    case "succeeded":
      return <Badge tone="green">Completed</Badge>;
    case "partial":
      return <Badge tone="amber">Completed with issues</Badge>;
    case "failed":
      return <Badge tone="red">Failed</Badge>;
    case "interrupted":
      return <Badge tone="amber">Interrupted</Badge>;
    case "running":
      return <Badge tone="blue">Running</Badge>;
    default:
      return <Badge>Queued</Badge>;
  }
}

export const TRIGGER_LABELS: Record<string, string> = {
  manual: "Sync Now",
  automatic: "Automatic",
  webhook: "QuickBooks change",
  cli: "Command line",
};

export function formatDuration(start: Date | null, end: Date | null): string {
  if (!start || !end) return "—";
  const s = Math.max(0, Math.round((end.getTime() - start.getTime()) / 1000));
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${s % 60}s`;
}
