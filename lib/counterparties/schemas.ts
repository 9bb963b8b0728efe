import { z } from "zod";
import { searchText } from "@/lib/forms/search-text";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

/** QBO DisplayName rules: 1–500 chars, no leading/trailing spaces, no colon or double quote. */
export const counterpartySchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(1, "Enter a display name")
    .max(100, "Display name can be at most 100 characters")
    .refine((v) => !/[:"]/.test(v), 'Display name cannot contain ":" or a double quote (QuickBooks rule)'),
  companyName: optionalText(100, "Company name"),
  email: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .pipe(z.email({ message: "Enter a valid email address" }).nullable())
    .optional(),
  phone: optionalText(30, "Phone"),
  address: optionalText(500, "Address"),
});
export type CounterpartyInput = z.infer<typeof counterpartySchema>;

export const counterpartyKindSchema = z.enum(["vendor", "customer"]);
export type CounterpartyKind = z.infer<typeof counterpartyKindSchema>;

export const listQuerySchema = z.object({
  q: searchText().optional().default(""),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
  status: z.enum(["active", "inactive", "all"]).optional().default("active"),
});
