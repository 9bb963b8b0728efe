import { parseArgs } from "node:util";
import { z } from "zod";
import { DEFAULT_DEMO_SIZE, type DemoSize } from "./seed-demo";

const count = z.coerce.number().int().min(0).max(100_000);

/** `--bills N --invoices N` of `npm run demo` / `npm run db:seed` (first seeding only). */
export function demoSizeFromArgs(argv: string[]): DemoSize {
  const { values } = parseArgs({
    args: argv,
    options: { bills: { type: "string" }, invoices: { type: "string" } },
    strict: true,
  });
  const parse = (flag: "bills" | "invoices") => {
    const raw = values[flag];
    if (raw === undefined) return DEFAULT_DEMO_SIZE[flag];
    const parsed = count.safeParse(raw);
    if (!parsed.success) throw new Error(`--${flag} must be a whole number from 0 to 100000, got "${raw}"`);
    return parsed.data;
  };
  return { bills: parse("bills"), invoices: parse("invoices") };
}
