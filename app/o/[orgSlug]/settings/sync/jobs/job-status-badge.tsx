import { Badge } from "@/components/ui/card";
import type { JobStatus } from "@/lib/ops/job-view";

const BADGES: Record<JobStatus, { tone: "slate" | "green" | "amber" | "red" | "blue"; label: string }> = {
  scheduled: { tone: "slate", label: "Scheduled" },
  queued: { tone: "slate", label: "Queued" },
  running: { tone: "blue", label: "Running" },
  retrying: { tone: "amber", label: "Retrying" },
  completed: { tone: "green", label: "Completed" },
  skipped: { tone: "slate", label: "Skipped" },
  failed: { tone: "red", label: "Failed" },
  cancelled: { tone: "slate", label: "Cancelled" },
};

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const badge = BADGES[status];
  return <Badge tone={badge.tone}>{badge.label}</Badge>;
}
