import { z } from "zod";
import { addDays, isIsoDate, type IsoDate } from "@/lib/ap/dates";
import { isRecordId } from "@/lib/forms/record-id";
import { searchText } from "@/lib/forms/search-text";

/**
 * The URL state of a document list (bills, invoices): search, status, counterparty, date range, due
 * window, sync state, sort and page. ONE parser for every list: whatever a person (or a bookmark,
 * or a crafted link) puts in the query string, each parameter either reads as a valid value or
 * falls back to its default, so a list page never fails on its URL.
 */

export const DUE_FILTERS = ["any", "this_week", "overdue"] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

/** The sync states a list can filter on (see syncFilterSql in lib/lists/list-filters.ts). */
export const SYNC_FILTERS = ["any", "synced", "not_synced", "issue"] as const;
export type SyncFilter = (typeof SYNC_FILTERS)[number];

export const SYNC_FILTER_LABELS: Record<SyncFilter, string> = {
  any: "Any",
  synced: "Synced",
  not_synced: "Not synced yet",
  issue: "Sync issue",
};

export const DUE_FILTER_LABELS: Record<DueFilter, string> = {
  any: "Any",
  this_week: "This week",
  overdue: "Overdue",
};

/** Days in "due this week": the organisation's today and the six days after it. */
export const DUE_WEEK_DAYS = 7;

export interface ListQuery<S extends string, T extends string> {
  q: string;
  status: T;
  /** The vendor (bills) or customer (invoices) the list is narrowed to. */
  party: string | null;
  /** Document date range (bill date / invoice date), inclusive. */
  from: IsoDate | null;
  to: IsoDate | null;
  due: DueFilter;
  sync: SyncFilter;
  sort: S;
  dir: "asc" | "desc";
  page: number;
}

export type SearchParams = Record<string, string | string[] | undefined>;

export interface ListQueryConfig<S extends string, T extends string> {
  sorts: readonly [S, ...S[]];
  statuses: readonly [T, ...T[]];
  defaultSort: S;
  defaultDir: "asc" | "desc";
  /** The first direction a column header sorts by when it becomes the sort (text columns read A→Z). */
  firstDir?: Partial<Record<S, "asc" | "desc">>;
}

const MAX_PAGE = 100_000;

const isoDateOrNull = z.unknown().transform((value) => (isIsoDate(value) ? value : null));

/** Builds the parser and link maker of one list. */
export function defineListQuery<S extends string, T extends string>(config: ListQueryConfig<S, T>) {
  const defaultStatus = config.statuses[0];
  const schema = z.object({
    q: searchText().catch(""),
    status: z.enum(config.statuses as unknown as [T, ...T[]]).catch(defaultStatus),
    party: z.unknown().transform((value) => (isRecordId(value) ? value.toLowerCase() : null)),
    from: isoDateOrNull,
    to: isoDateOrNull,
    due: z.enum(DUE_FILTERS).catch("any"),
    sync: z.enum(SYNC_FILTERS).catch("any"),
    sort: z.enum(config.sorts as unknown as [S, ...S[]]).catch(config.defaultSort),
    dir: z.enum(["asc", "desc"]).catch(config.defaultDir),
    page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
  });

  const defaults: ListQuery<S, T> = {
    q: "",
    status: defaultStatus,
    party: null,
    from: null,
    to: null,
    due: "any",
    sync: "any",
    sort: config.defaultSort,
    dir: config.defaultDir,
    page: 1,
  };

  /** Reads Next's searchParams (repeated keys: the first value counts). Never throws. */
  function parse(searchParams: SearchParams): ListQuery<S, T> {
    const first = (key: string) => {
      const value = Object.hasOwn(searchParams, key) ? searchParams[key] : undefined;
      return Array.isArray(value) ? value[0] : value;
    };
    const parsed = schema.parse({
      q: first("q") ?? "",
      status: first("status"),
      party: first("party"),
      from: first("from"),
      to: first("to"),
      due: first("due"),
      sync: first("sync"),
      sort: first("sort"),
      dir: first("dir"),
      page: first("page"),
    });
    // A range typed backwards still means the days between the two dates.
    const [from, to] = parsed.from && parsed.to && parsed.from > parsed.to ? [parsed.to, parsed.from] : [parsed.from, parsed.to];
    return { ...parsed, from, to };
  }

  /** A list URL that keeps the current state and changes only `patch`; defaults are left out. */
  function href(base: string, query: ListQuery<S, T>, patch: Partial<ListQuery<S, T>> = {}): string {
    const next = { ...query, ...patch };
    const params = new URLSearchParams();
    if (next.q) params.set("q", next.q);
    if (next.status !== defaults.status) params.set("status", next.status);
    if (next.party) params.set("party", next.party);
    if (next.from) params.set("from", next.from);
    if (next.to) params.set("to", next.to);
    if (next.due !== "any") params.set("due", next.due);
    if (next.sync !== "any") params.set("sync", next.sync);
    if (next.sort !== defaults.sort) params.set("sort", next.sort);
    if (next.dir !== defaults.dir) params.set("dir", next.dir);
    if (next.page > 1) params.set("page", String(next.page));
    const text = params.toString();
    return text ? `${base}?${text}` : base;
  }

  /** The link of a column header: the active column flips direction; another starts on its first direction. Back to page 1. */
  function sortHref(base: string, query: ListQuery<S, T>, sort: S): string {
    const dir = query.sort === sort ? (query.dir === "asc" ? "desc" : "asc") : (config.firstDir?.[sort] ?? "asc");
    return href(base, query, { sort, dir, page: 1 });
  }

  /** Whether anything narrows the list (for "No bills match" and the "Clear filters" link). */
  function isFiltered(query: ListQuery<S, T>): boolean {
    return (
      query.q !== "" ||
      query.status !== defaults.status ||
      query.party !== null ||
      query.from !== null ||
      query.to !== null ||
      query.due !== "any" ||
      query.sync !== "any"
    );
  }

  /**
   * Whether the URL carries filters the filter form sent empty ("party=&due=any"): the page then
   * redirects to `href(query)`, so the address bar shows only what narrows the list.
   */
  function hasBlankFilters(searchParams: SearchParams): boolean {
    return ["party", "from", "to", "due", "sync"].some((key) => {
      const value = Object.hasOwn(searchParams, key) ? searchParams[key] : undefined;
      return value === "" || value === "any";
    });
  }

  return { schema, defaults, parse, href, sortHref, isFiltered, hasBlankFilters };
}

/**
 * The due-date window of a due filter on the organisation's business day: "this week" is today and
 * the six days after it; "overdue" is before today. Both concern only documents still open.
 */
export function dueWindow(due: DueFilter, today: IsoDate): { from: IsoDate | null; to: IsoDate | null } | null {
  if (due === "this_week") return { from: today, to: addDays(today, DUE_WEEK_DAYS - 1) };
  if (due === "overdue") return { from: null, to: addDays(today, -1) };
  return null;
}
