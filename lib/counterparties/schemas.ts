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
  // Lengths are QBO's (Intuit Vendor / Customer references: PrimaryPhone.FreeFormNumber, BillAddr).
  phone: optionalText(30, "Phone"),
  addressLine1: optionalText(500, "Address line 1"),
  addressLine2: optionalText(500, "Address line 2"),
  addressCity: optionalText(255, "City"),
  addressRegion: optionalText(255, "State / region"),
  addressPostalCode: optionalText(30, "Postal code"),
  addressCountry: optionalText(255, "Country"),
  /** Vendors only: a checkbox, present ("on") when ticked. */
  vendor1099: z
    .enum(["on", "true", "false"])
    .optional()
    .transform((v) => v === "on" || v === "true"),
  /** Vendors only. QBO Vendor.TaxIdentifier: at most 20 characters. */
  taxId: optionalText(20, "Tax ID"),
});
export type CounterpartyInput = Omit<z.infer<typeof counterpartySchema>, "vendor1099"> & { vendor1099?: boolean };

export const counterpartyKindSchema = z.enum(["vendor", "customer"]);
export type CounterpartyKind = z.infer<typeof counterpartyKindSchema>;

export const listQuerySchema = z.object({
  q: searchText().optional().default(""),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
  status: z.enum(["active", "inactive", "all"]).optional().default("active"),
});
