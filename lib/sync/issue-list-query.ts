import { z } from "zod";
import { searchText } from "@/lib/forms/search-text";
import { issueGroupOf, type IssueGroup } from "@/lib/sync/core/reasons";

/** The "Why didn't these sync?" page's URL parameters; anything unreadable falls back to its default. */
export const issueListQuerySchema = z.object({
  reason: z.string().regex(/^[A-Z_0-9]{1,60}$/).optional().catch(undefined),
  type: z.string().regex(/^[a-z_]{1,40}$/).optional().catch(undefined),
  group: z.enum(["action", "by-design"]).optional().catch(undefined),
  q: searchText().catch("").default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type IssueListQuery = Omit<z.output<typeof issueListQuerySchema>, "group"> & { group: IssueGroup };

/** Reads `searchParams` (repeated keys use the first value); a link to one reason opens that reason's group. */
export function parseIssueListQuery(params: Record<string, string | string[] | undefined>): IssueListQuery {
  const first = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = issueListQuerySchema.parse(first);
  return { ...parsed, group: parsed.group ?? (parsed.reason ? issueGroupOf(parsed.reason) : "action") };
}
