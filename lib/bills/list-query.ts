import type { BillStatus } from "@/lib/ap";
import { defineListQuery, type ListQuery } from "@/lib/lists/list-query";

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

export const BILL_SORTS = ["due", "date", "amount", "open", "vendor", "number", "status"] as const;
export type BillSort = (typeof BILL_SORTS)[number];

export const BILL_PAGE_SIZE = 25;

/** The bills list's URL state (lib/lists/list-query.ts): anything malformed falls back to its default. */
export const billListQuery = defineListQuery<BillSort, BillTab>({
  sorts: BILL_SORTS,
  statuses: BILL_TABS.map((tab) => tab.value) as [BillTab, ...BillTab[]],
  defaultSort: "due",
  defaultDir: "asc",
});

export type BillListQuery = ListQuery<BillSort, BillTab>;

export const parseBillListQuery = billListQuery.parse;
export const billListHref = billListQuery.href;
