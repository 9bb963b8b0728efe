import { z } from "zod";

import { amountToCents, centsToAmount, sumCents } from "@/lib/sync/core/money";
import type { BundleRef, Cents, QboLineSnapshot } from "@/lib/sync/core/types";

/**
 * Which QBO lines of a bill / invoice the app keeps, and whether what it keeps adds up to the
 * record's TotalAmt to the cent. A record the app cannot reproduce exactly is never imported
 * (inbound-rules: LINES_NOT_SUPPORTED), so the app never shows a QBO record with another total.
 *
 * Line kinds, from Intuit's Invoice reference
 * (https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/invoice:
 * "Valid Line types include SalesItemLine, GroupLine, DescriptionOnlyLine (also used for inline
 * Subtotal lines), DiscountLine and SubTotalLine"):
 * - SubTotalLineDetail: the sum of the lines above it, not part of the total → left out;
 * - DescriptionOnly: text only → left out when it carries no amount, unsupported when it does;
 * - GroupLineDetail (a bundle): `GroupItemRef`, `Quantity` (default 1) and `Line`, "individual
 *   ItemLine elements that comprise a bundle. Returned in responses" → its component
 *   SalesItemLineDetail lines are kept as ordinary lines tagged with the bundle. The group line's
 *   own Amount is not trusted (a public integration's QBO test fixture shows a group line with
 *   Amount 0 beside its priced components): the components carry the money.
 */

/** QBO sends decimals as numbers, some SDKs as strings. */
export const qboAmount = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);
export const qboRef = z.object({ value: z.string(), name: z.string().optional() });

/** `GroupLineDetail` with its component lines (validated with the caller's line schema; bundles do not nest). */
export function qboGroupLineDetail<L extends z.ZodType>(componentLine: L) {
  return z
    .object({ GroupItemRef: qboRef.optional(), Quantity: qboAmount.optional(), Line: z.array(componentLine).default([]) })
    .optional();
}

/** The line types `parseLine` turns into app lines. */
const MODELLED = new Set(["AccountBasedExpenseLineDetail", "ItemBasedExpenseLineDetail", "SalesItemLineDetail", "DiscountLineDetail"]);

interface RawLine {
  Id?: string | undefined;
  Amount?: number | undefined;
  Description?: string | undefined;
  DetailType: string;
}

type RawTxnLine<L extends RawLine> = L & {
  GroupLineDetail?: { GroupItemRef?: { value: string; name?: string | undefined } | undefined; Quantity?: number | undefined; Line: L[] } | undefined;
};

export interface InterpretedLines {
  lines: QboLineSnapshot[];
  /** What could not be kept, naming the detail types (empty when every line was understood). */
  unsupported: string[];
}

/**
 * Reduce QBO lines to the app's. `parseLine` maps one modelled line (the parser's own, so line
 * fields it learns, such as tax codes, apply to bundle components too).
 */
export function interpretQboLines<L extends RawLine>(
  raw: ReadonlyArray<RawTxnLine<L>>,
  parseLine: (line: L) => QboLineSnapshot | undefined,
  options: { bundles: boolean },
): InterpretedLines {
  const lines: QboLineSnapshot[] = [];
  const unsupported = new Set<string>();
  const keep = (line: L, bundle?: BundleRef) => {
    const parsed = parseLine(line);
    if (!parsed) unsupported.add(line.DetailType);
    else lines.push(bundle ? { ...parsed, bundle } : parsed);
  };

  raw.forEach((line, index) => {
    const cents = amountToCents(line.Amount ?? 0);
    if (MODELLED.has(line.DetailType)) return keep(line);
    if (line.DetailType === "SubTotalLineDetail") return;
    if (line.DetailType === "DescriptionOnly") {
      if (cents !== 0) unsupported.add("DescriptionOnly with an amount");
      return;
    }
    // Bundles are sales-form lines: on a bill they are a type the app does not know.
    if (line.DetailType === "GroupLineDetail" && options.bundles) {
      const group = line.GroupLineDetail;
      const components = group?.Line ?? [];
      if (components.length === 0) {
        if (cents !== 0) unsupported.add("GroupLineDetail without its component lines");
        return;
      }
      const bundle: BundleRef = { key: line.Id ?? `#${index + 1}`, name: group?.GroupItemRef?.name ?? line.Description ?? "Bundle" };
      if (group?.Quantity !== undefined) bundle.qty = group.Quantity;
      for (const component of components) {
        if (component.DetailType === "SalesItemLineDetail") keep(component, bundle);
        else unsupported.add(`GroupLineDetail containing ${component.DetailType}`);
      }
      return;
    }
    unsupported.add(line.DetailType);
  });
  return { lines, unsupported: [...unsupported] };
}

/** What the kept lines add up to (discount lines subtract). */
export function qboLinesTotalCents(lines: readonly QboLineSnapshot[]): Cents {
  return sumCents(lines.map((line) => (line.detailType === "DiscountLineDetail" ? -line.amountCents : line.amountCents)));
}

/**
 * Why the app cannot show this record to the cent, in words for the issue (naming detail types),
 * or `[]` when it can. A voided record is exempt: QBO zeroes its amounts, and the void is applied
 * whatever its lines.
 */
export function unreproducibleLines(txn: { totalCents: Cents; voided: boolean; lines: readonly QboLineSnapshot[]; unsupportedLines?: readonly string[]; taxCents?: Cents }): string[] {
  if (txn.unsupportedLines && txn.unsupportedLines.length > 0) return [...txn.unsupportedLines];
  if (txn.voided) return [];
  // Sales tax (TxnTaxDetail.TotalTax) is part of TotalAmt and is kept with the invoice.
  const linesCents = qboLinesTotalCents(txn.lines);
  const taxCents = txn.taxCents ?? 0;
  if (linesCents + taxCents === txn.totalCents) return [];
  const tax = taxCents === 0 ? "" : ` and ${dollars(taxCents)} of sales tax`;
  return [`lines adding up to ${dollars(linesCents)}${tax} for a total of ${dollars(txn.totalCents)}`];
}

function dollars(cents: Cents): string {
  const amount = centsToAmount(Math.abs(cents)).toFixed(2);
  return `${cents < 0 ? "-" : ""}$${amount}`;
}
