import { describe, expect, it } from "vitest";
import { hasBundle, invoiceLineRows } from "@/lib/invoices/line-groups";

const line = (id: string, amountCents: number, bundle?: { key: string; name: string; quantity?: string }) => ({
  id,
  amountCents,
  bundleKey: bundle?.key ?? null,
  bundleName: bundle?.name ?? null,
  bundleQuantity: bundle?.quantity ?? null,
});

describe("invoiceLineRows", () => {
  it("puts a bundle's components under one heading that sums them, ordinary lines around it", () => {
    const kit = { key: "3", name: "Starter kit", quantity: "2.0000" };
    const rows = invoiceLineRows([line("a", 10_000), line("b", 5_700, kit), line("c", 1_550, kit), line("d", 2_000)]);
    expect(rows.map((row) => (row.kind === "bundle" ? `Bundle: ${row.name} x${row.quantity} = ${row.amountCents}` : `${row.line.id}${row.inBundle ? " (in bundle)" : ""}`))).toEqual([
      "a",
      "Bundle: Starter kit x2.0000 = 7250",
      "b (in bundle)",
      "c (in bundle)",
      "d",
    ]);
  });

  it("two bundles of the same item stay two headings", () => {
    const rows = invoiceLineRows([line("a", 100, { key: "1", name: "Kit" }), line("b", 200, { key: "4", name: "Kit" })]);
    expect(rows.filter((row) => row.kind === "bundle")).toHaveLength(2);
    expect(hasBundle([line("a", 1)])).toBe(false);
    expect(hasBundle([line("a", 1), line("b", 1, { key: "1", name: "Kit" })])).toBe(true);
  });
});
