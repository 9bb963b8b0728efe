import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/connection";
import { syncPreferences, syncState } from "@/lib/db/schema";
import { NO_COMMERCE_MARKERS, type CommerceMarkerSettings } from "@/lib/sync/core/commerce";
import { COMMERCE_MARKER_LABELS, commerceMarkersSchema } from "@/lib/sync/preferences/commerce-markers-schema";

/** The organisation's QuickBooks Commerce markers (none until an admin adds some). */
export async function getCommerceMarkers(db: Db, organizationId: string): Promise<CommerceMarkerSettings> {
  const [row] = await db.select({ markers: syncPreferences.commerceMarkers }).from(syncPreferences).where(eq(syncPreferences.organizationId, organizationId));
  return row?.markers ?? { ...NO_COMMERCE_MARKERS };
}

export type SaveCommerceMarkersResult =
  | { ok: true; markers: CommerceMarkerSettings }
  | { ok: false; fieldErrors: Record<string, string> };

/**
 * Validates and saves the markers (the rest of the preferences is left as it is). A change makes
 * the next sync a full one: a marker removed lets records it hid come in, a marker added must reach
 * records that will not change in QuickBooks (so CDC would never show them again).
 */
export async function saveCommerceMarkers(db: Db, organizationId: string, userId: string | null, input: unknown): Promise<SaveCommerceMarkersResult> {
  const parsed = commerceMarkersSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { ok: false, fieldErrors };
  }
  const markers: CommerceMarkerSettings = parsed.data;
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ markers: syncPreferences.commerceMarkers }).from(syncPreferences).where(eq(syncPreferences.organizationId, organizationId));
    const old = before?.markers ?? NO_COMMERCE_MARKERS;
    const changes = (Object.keys(COMMERCE_MARKER_LABELS) as Array<keyof CommerceMarkerSettings>)
      .filter((key) => old[key].join("\n") !== markers[key].join("\n"))
      .map((key) => ({
        field: key,
        label: COMMERCE_MARKER_LABELS[key],
        old: old[key].length > 0 ? old[key].join(", ") : null,
        new: markers[key].length > 0 ? markers[key].join(", ") : null,
      }));
    if (changes.length === 0) return;
    await tx
      .insert(syncPreferences)
      .values({ organizationId, commerceMarkers: markers, updatedBy: userId })
      .onConflictDoUpdate({ target: syncPreferences.organizationId, set: { commerceMarkers: markers, updatedBy: userId } });
    await recordAudit(tx, {
      organizationId,
      actorUserId: userId,
      entityType: "sync_preferences",
      entityId: organizationId,
      action: before ? "updated" : "created",
      changes,
    });
    await tx.update(syncState).set({ lastSuccessfulSyncAt: null }).where(eq(syncState.organizationId, organizationId));
  });
  return { ok: true, markers };
}
