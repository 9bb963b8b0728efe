import { z } from "zod";
import { searchText } from "@/lib/forms/search-text";
import type { BillStatus } from "@/lib/ap";

/** The status tabs above the bills list; "all" shows every bill. */
export const BILL_TABS = [
  { value: "all", label: "All" },
  { value: "unpaid", label: "Unpaid" },
  { value: "partially_paid", label: "Partially paid" },
  { value: "scheduled", label: "Scheduled" },
  { value: "paid", label: "Paid" },
  { value: "voided", label: "Voided" },
] as const satisfies readonly { value: BillStatus | "all"; label: string }[];

export type BillTab = (typeof BILL_TABS)[number]["value"];

export const BILL_SORTS = ["due", "date", "amount", "vendor", "number"] as const;
export type BillSort = (typeof BILL_SORTS)[number];

export const BILL_PAGE_SIZE = 25;

/** Query parameters of the bills list. Anything malformed falls back to its default. */
export const billListQuerySchema = z.object({
  status: z.enum(BILL_TABS.map((tab) => tab.value) as [BillTab, ...BillTab[]]).catch("all"),
  q: searchText().catch("").default(""),
  sort: z.enum(BILL_SORTS).catch("due"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type BillListQuery = z.output<typeof billListQuerySchema>;

/** Reads Next's searchParams (values may be arrays) into a list query. */
export function parseBillListQuery(searchParams: Record<string, string | string[] | undefined>): BillListQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return billListQuerySchema.parse({
    status: first(searchParams.status),
    q: first(searchParams.q) ?? "",
    sort: first(searchParams.sort),
    dir: first(searchParams.dir),
    page: first(searchParams.page),
  });
}

/** A list URL that keeps the current filters and changes only `patch`; defaults are left out. */
export function billListHref(base: string, query: BillListQuery, patch: Partial<BillListQuery> = {}): string {
  const next = { ...query, ...patch };
  const params = new URLSearchParams();
  if (next.status !== "all") params.set("status", next.status);
  if (next.q) params.set("q", next.q);
  if (next.sort !== "due") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.page > 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}
