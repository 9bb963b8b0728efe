import type { ReactNode } from "react";
import { StatusCell } from "./status-cell";
import { ReferenceEmpty, tableClass, tdClass, theadClass, thClass } from "./reference-page";

export interface ReferenceColumn<Row> {
  header: string;
  /** Extra classes for the header and the cells (alignment, width). */
  className?: string;
  cell: (row: Row) => ReactNode;
}

/**
 * The table of a read-only reference list: the given columns, then each row's sync status; the
 * empty state (with sample lists for an admin of an organisation that has none) when there are no rows.
 */
export function ReferenceTable<Row extends { id: string; active: boolean; qboId: string | null }>({
  rows,
  columns,
  empty,
}: {
  rows: readonly Row[];
  columns: ReadonlyArray<ReferenceColumn<Row>>;
  empty: { orgSlug: string; what: string; canLoadSamples: boolean };
}) {
  if (rows.length === 0) return <ReferenceEmpty orgSlug={empty.orgSlug} what={empty.what} canLoadSamples={empty.canLoadSamples} />;
  return (
    <div className="overflow-x-auto">
      <table className={tableClass}>
        <thead className={theadClass}>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={`${thClass} ${column.className ?? ""}`}>
                {column.header}
              </th>
            ))}
            <th scope="col" className={`${thClass} w-64`}>Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              {columns.map((column) => (
                <td key={column.header} className={`${tdClass} ${column.className ?? ""}`}>
                  {column.cell(row)}
                </td>
              ))}
              <td className={tdClass}>
                <StatusCell active={row.active} qboId={row.qboId} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
