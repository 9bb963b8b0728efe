import { Button, ButtonLink } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { DUE_FILTER_LABELS, DUE_FILTERS, SYNC_FILTER_LABELS, SYNC_FILTERS, type ListQuery } from "@/lib/lists/list-query";
import { FiltersDisclosure } from "./filters-disclosure";

const label = "mb-1 block text-xs font-medium text-slate-600";

/**
 * The filters of a document list as a plain GET form, so every filter lives in the URL (bookmark,
 * reload, back button). Status tabs, search and sort are kept through hidden fields.
 */
export function ListFiltersForm({
  base,
  query,
  defaults,
  partyLabel,
  parties,
  dateLabel,
}: {
  base: string;
  query: ListQuery<string, string>;
  defaults: ListQuery<string, string>;
  partyLabel: string;
  parties: { id: string; name: string }[];
  dateLabel: string;
}) {
  const active = [query.party, query.from, query.to, query.due !== "any" ? query.due : null, query.sync !== "any" ? query.sync : null].filter(Boolean).length;
  return (
    <FiltersDisclosure active={active}>
      <form method="get" action={base} aria-label="Filters" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-[minmax(0,1.4fr)_repeat(4,minmax(0,1fr))_auto] lg:items-end">
        {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
        {query.status !== defaults.status ? <input type="hidden" name="status" value={query.status} /> : null}
        {query.sort !== defaults.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir !== defaults.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <div className="col-span-2 sm:col-span-1">
          <label htmlFor="filter-party" className={label}>{partyLabel}</label>
          <Select id="filter-party" name="party" defaultValue={query.party ?? ""}>
            <option value="">All</option>
            {parties.map((party) => (
              <option key={party.id} value={party.id}>{party.name}</option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="filter-from" className={label}>{dateLabel} from</label>
          <Input id="filter-from" name="from" type="date" defaultValue={query.from ?? ""} />
        </div>
        <div>
          <label htmlFor="filter-to" className={label}>{dateLabel} to</label>
          <Input id="filter-to" name="to" type="date" defaultValue={query.to ?? ""} />
        </div>
        <div>
          <label htmlFor="filter-due" className={label}>Due</label>
          <Select id="filter-due" name="due" defaultValue={query.due}>
            {DUE_FILTERS.map((due) => (
              <option key={due} value={due}>{DUE_FILTER_LABELS[due]}</option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="filter-sync" className={label}>Sync status</label>
          <Select id="filter-sync" name="sync" defaultValue={query.sync}>
            {SYNC_FILTERS.map((sync) => (
              <option key={sync} value={sync}>{SYNC_FILTER_LABELS[sync]}</option>
            ))}
          </Select>
        </div>
        <div className="col-span-2 flex gap-2 sm:col-span-1">
          <Button type="submit" variant="secondary" className="flex-1">Apply</Button>
          {active > 0 ? <ButtonLink href={base} variant="ghost">Clear</ButtonLink> : null}
        </div>
      </form>
    </FiltersDisclosure>
  );
}
