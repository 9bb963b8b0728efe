import Link from "next/link";
import { redirect } from "next/navigation";

/**
 * Server-side pagination links that keep the other query parameters. A page past the last one
 * (an old bookmark, a hand-typed `?page=99999`) redirects to the last page, so the URL and the
 * "from–to of total" line always describe rows that are shown.
 */
export function Pagination({
  page,
  pageSize,
  total,
  hrefFor,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (page > pages) redirect(hrefFor(pages));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const link = "rounded-md px-3 py-1.5 text-sm ring-1 ring-slate-300 hover:bg-slate-50";
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between border-t border-slate-200 px-4 py-3 text-sm text-slate-600">
      <p className="tabular">
        {from}–{to} of {total.toLocaleString("en-US")}
      </p>
      <div className="flex gap-2">
        {page > 1 ? <Link className={link} href={hrefFor(page - 1)} rel="prev">Previous</Link> : null}
        {page < pages ? <Link className={link} href={hrefFor(page + 1)} rel="next">Next</Link> : null}
      </div>
    </nav>
  );
}
