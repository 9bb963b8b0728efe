import { z } from "zod";

/**
 * Settings → Sync → QuickBooks Commerce markers (the form posts one marker a line). Markers are
 * matched by `matchQuickBooksCommerce` (lib/sync/core/commerce.ts); a too-short marker would hide
 * ordinary bills, hence the minimum lengths. A prefix can be no longer than a QBO DocNumber (21).
 */
export const COMMERCE_MARKER_LIMITS = {
  entries: 20,
  prefix: { min: 2, max: 21 },
  phrase: { min: 3, max: 100 },
} as const;

function markerList(what: "prefix" | "phrase") {
  const { min, max } = COMMERCE_MARKER_LIMITS[what];
  return z
    .union([z.string().max(10_000), z.array(z.string().max(10_000))])
    .optional()
    .transform((value) =>
      (Array.isArray(value) ? value : (value ?? "").split(/\r?\n/))
        .map((line) => line.replace(/\s+/g, " ").trim())
        .filter((line) => line !== ""),
    )
    .superRefine((markers, ctx) => {
      if (markers.length > COMMERCE_MARKER_LIMITS.entries) {
        ctx.addIssue({ code: "custom", message: `Enter at most ${COMMERCE_MARKER_LIMITS.entries}, one a line` });
        return;
      }
      for (const marker of markers) {
        if (marker.length < min) ctx.addIssue({ code: "custom", message: `“${marker}” is too short: a ${what} needs at least ${min} characters` });
        else if (marker.length > max) ctx.addIssue({ code: "custom", message: `“${marker.slice(0, 30)}…” is too long: a ${what} has at most ${max} characters` });
      }
    })
    .transform((markers) => {
      // Matching ignores case, so "SHOP-" and "shop-" are one marker (the first spelling is kept).
      const seen = new Set<string>();
      return markers.filter((marker) => !seen.has(marker.toLowerCase()) && seen.add(marker.toLowerCase()));
    });
}

export const commerceMarkersSchema = z.object({
  docNumberPrefixes: markerList("prefix"),
  memoPhrases: markerList("phrase"),
});

export type CommerceMarkersInput = z.input<typeof commerceMarkersSchema>;

export const COMMERCE_MARKER_LABELS = {
  docNumberPrefixes: "QuickBooks Commerce DocNumber prefixes",
  memoPhrases: "QuickBooks Commerce memo phrases",
} as const;
