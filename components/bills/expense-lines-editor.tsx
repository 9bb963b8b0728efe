"use client";

import { Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { formatMoney, safeParseMoney } from "@/lib/ap/money";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";

type Option = { id: string; name: string };
export type LineOptions = { expenseAccounts: (Option & { type: string })[]; items: Option[]; classes: Option[]; locations: Option[] };
export type LineValues = {
  accountId?: string | null;
  itemId?: string | null;
  description?: string | null;
  amountCents?: number | null;
  classId?: string | null;
  locationId?: string | null;
};

type Row = { key: number; target: string; description: string; amount: string; classId: string; locationId: string };

function toRow(line: LineValues, key: number): Row {
  return {
    key,
    target: line.itemId ? `item:${line.itemId}` : line.accountId ? `account:${line.accountId}` : "",
    description: line.description ?? "",
    amount: typeof line.amountCents === "number" ? (line.amountCents / 100).toFixed(2) : "",
    classId: line.classId ?? "",
    locationId: line.locationId ?? "",
  };
}

const cell = "px-2 py-2 align-top";

/**
 * The lines of a bill or vendor credit. Each row posts `lines.N.accountId` or `lines.N.itemId` (one
 * "Account or item" picker feeds both), description, amount, class and location; rows can be added
 * and removed. Field errors arrive keyed by the same dotted names.
 */
export function ExpenseLinesEditor({
  options,
  initial,
  errors,
  currency = "USD",
}: {
  options: LineOptions;
  initial?: LineValues[];
  errors: Record<string, string[]>;
  currency?: string;
}) {
  const [rows, setRows] = useState<Row[]>(() => (initial && initial.length > 0 ? initial : [{}]).map(toRow));
  const [nextKey, setNextKey] = useState(rows.length);
  const update = (key: number, patch: Partial<Row>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const total = rows.reduce((sum, row) => {
    const parsed = safeParseMoney(row.amount);
    return parsed.ok ? sum + parsed.cents : sum;
  }, 0);
  const error = (index: number, field: string) => errors[`lines.${index}.${field}`]?.[0];
  const listError = errors.lines?.[0];
  const showClasses = options.classes.length > 0;
  const showLocations = options.locations.length > 0;

  return (
    <div>
      <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="w-8 px-2 py-2.5 text-right">#</th>
              <th scope="col" className="min-w-[14rem] px-2 py-2.5">Account or item</th>
              <th scope="col" className="min-w-[12rem] px-2 py-2.5">Description</th>
              <th scope="col" className="w-36 px-2 py-2.5 text-right">Amount</th>
              {showClasses ? <th scope="col" className="w-36 px-2 py-2.5">Class</th> : null}
              {showLocations ? <th scope="col" className="w-36 px-2 py-2.5">Location</th> : null}
              <th scope="col" className="w-10 px-2 py-2.5"><span className="sr-only">Remove</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row, index) => {
              const [kind, id] = row.target.split(":");
              const prefix = `lines.${index}`;
              return (
                <tr key={row.key}>
                  <td className={`${cell} pt-4 text-right text-xs text-slate-400`}>{index + 1}</td>
                  <td className={cell}>
                    <input type="hidden" name={`${prefix}.accountId`} value={kind === "account" ? id : ""} />
                    <input type="hidden" name={`${prefix}.itemId`} value={kind === "item" ? id : ""} />
                    <Select
                      aria-label={`Line ${index + 1} account or item`}
                      value={row.target}
                      onChange={(event) => update(row.key, { target: event.target.value })}
                      invalid={Boolean(error(index, "accountId"))}
                    >
                      <option value="">Choose…</option>
                      <optgroup label="Accounts">
                        {options.expenseAccounts.map((account) => (
                          <option key={account.id} value={`account:${account.id}`}>
                            {account.name}
                          </option>
                        ))}
                      </optgroup>
                      {options.items.length > 0 ? (
                        <optgroup label="Products and services">
                          {options.items.map((item) => (
                            <option key={item.id} value={`item:${item.id}`}>
                              {item.name}
                            </option>
                          ))}
                        </optgroup>
                      ) : null}
                    </Select>
                    {error(index, "accountId") ? <p className="mt-1 text-xs text-red-600">{error(index, "accountId")}</p> : null}
                  </td>
                  <td className={cell}>
                    <Input
                      name={`${prefix}.description`}
                      aria-label={`Line ${index + 1} description`}
                      value={row.description}
                      onChange={(event) => update(row.key, { description: event.target.value })}
                      invalid={Boolean(error(index, "description"))}
                    />
                    {error(index, "description") ? <p className="mt-1 text-xs text-red-600">{error(index, "description")}</p> : null}
                  </td>
                  <td className={cell}>
                    <Input
                      name={`${prefix}.amount`}
                      aria-label={`Line ${index + 1} amount`}
                      inputMode="decimal"
                      placeholder="0.00"
                      className="tabular text-right"
                      value={row.amount}
                      onChange={(event) => update(row.key, { amount: event.target.value })}
                      invalid={Boolean(error(index, "amount"))}
                    />
                    {error(index, "amount") ? <p className="mt-1 text-xs text-red-600">{error(index, "amount")}</p> : null}
                  </td>
                  {showClasses ? (
                    <td className={cell}>
                      <Select
                        name={`${prefix}.classId`}
                        aria-label={`Line ${index + 1} class`}
                        value={row.classId}
                        onChange={(event) => update(row.key, { classId: event.target.value })}
                        invalid={Boolean(error(index, "classId"))}
                      >
                        <option value="">—</option>
                        {options.classes.map((option) => (
                          <option key={option.id} value={option.id}>{option.name}</option>
                        ))}
                      </Select>
                      {error(index, "classId") ? <p className="mt-1 text-xs text-red-600">{error(index, "classId")}</p> : null}
                    </td>
                  ) : null}
                  {showLocations ? (
                    <td className={cell}>
                      <Select
                        name={`${prefix}.locationId`}
                        aria-label={`Line ${index + 1} location`}
                        value={row.locationId}
                        onChange={(event) => update(row.key, { locationId: event.target.value })}
                        invalid={Boolean(error(index, "locationId"))}
                      >
                        <option value="">—</option>
                        {options.locations.map((option) => (
                          <option key={option.id} value={option.id}>{option.name}</option>
                        ))}
                      </Select>
                      {error(index, "locationId") ? <p className="mt-1 text-xs text-red-600">{error(index, "locationId")}</p> : null}
                    </td>
                  ) : null}
                  <td className={`${cell} pt-3`}>
                    <button
                      type="button"
                      onClick={() => setRows((current) => current.filter((candidate) => candidate.key !== row.key))}
                      disabled={rows.length === 1}
                      className="rounded p-1.5 text-slate-400 hover:bg-slate-100 hover:text-red-600 disabled:opacity-30"
                      aria-label={`Remove line ${index + 1}`}
                    >
                      <Trash2 className="size-4" aria-hidden />
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot className="border-t border-slate-200 bg-slate-50/60">
            <tr>
              <td colSpan={3} className="px-2 py-2.5">
                <Button
                  type="button"
                  variant="ghost"
                  onClick={() => {
                    setRows((current) => [...current, toRow({}, nextKey)]);
                    setNextKey((key) => key + 1);
                  }}
                >
                  <Plus className="size-4" aria-hidden /> Add line
                </Button>
              </td>
              <td className="tabular px-2 py-2.5 text-right text-sm font-semibold text-slate-900" aria-live="polite">
                <span className="mr-2 text-xs font-medium uppercase tracking-wide text-slate-500">Total</span>
                {formatMoney(total, currency)}
              </td>
              <td colSpan={(showClasses ? 1 : 0) + (showLocations ? 1 : 0) + 1} />
            </tr>
          </tfoot>
        </table>
      </div>
      {listError ? (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {listError}
        </p>
      ) : null}
    </div>
  );
}
