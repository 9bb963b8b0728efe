import { Download } from "lucide-react";
import { buttonClassName } from "@/components/ui/button";

/**
 * "Export CSV" for a list or report: the same filters as the page (its query string minus the page
 * number), every matching row, streamed by /api/orgs/<slug>/exports/<kind>.csv.
 */
export function ExportCsvLink({
  orgSlug,
  kind,
  searchParams,
}: {
  orgSlug: string;
  kind: string;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (key !== "page" && first) params.set(key, first);
  }
  const query = params.toString();
  const href = `/api/orgs/${orgSlug}/exports/${kind}.csv${query ? `?${query}` : ""}`;
  return (
    <a href={href} download className={buttonClassName("secondary", "print:hidden")}>
      <Download className="size-4" aria-hidden /> Export CSV
    </a>
  );
}
