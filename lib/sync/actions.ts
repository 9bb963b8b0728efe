"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/auth/guard";
import { UserFacingError } from "@/lib/forms/action-result";
import { saveCommerceMarkers, saveSyncPreferences } from "@/lib/sync/preferences";
import { pullReferenceListsNow } from "./pull-lists-now";
import { startSyncInBackground } from "./start-sync";

/** Admins only: Settings → Sync → Preferences → Save. Nothing is saved when any field is wrong. */
export const saveSyncPreferencesAction = orgAction({ schema: z.record(z.string(), z.unknown()), permission: "settings.manage" }, async (ctx, input) => {
  const result = await saveSyncPreferences(ctx.db, ctx.org.organizationId, ctx.user.id, input);
  if (!result.ok) {
    const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k, [v]]));
    throw new UserFacingError("Preferences were not saved. Please correct the highlighted fields.", fieldErrors);
  }
  revalidatePath(`/o/${ctx.org.slug}`, "layout");
  return { saved: true };
});

/** Admins only: Settings → Sync → QuickBooks Commerce markers → Save. */
export const saveCommerceMarkersAction = orgAction({ schema: z.record(z.string(), z.unknown()), permission: "settings.manage" }, async (ctx, input) => {
  const result = await saveCommerceMarkers(ctx.db, ctx.org.organizationId, ctx.user.id, input);
  if (!result.ok) {
    const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k, [v]]));
    throw new UserFacingError("The QuickBooks Commerce markers were not saved. Please correct the highlighted fields.", fieldErrors);
  }
  revalidatePath(`/o/${ctx.org.slug}`, "layout");
  return { saved: true };
});

/** Sync Now, from the sync icon or the Sync page: starts (or joins) this organisation's run. */
export const startSyncAction = orgAction({ schema: z.object({}), permission: "sync.run" }, async (ctx) =>
  startSyncInBackground(ctx.db, { organizationId: ctx.org.organizationId, trigger: "manual", userId: ctx.user.id }),
);

/** Admins only: Preferences → Retry — bring in the chart of accounts and lists again (no sync run). */
export const pullListsAction = orgAction({ schema: z.object({}), permission: "settings.manage" }, async (ctx) => {
  const result = await pullReferenceListsNow(ctx.org.organizationId);
  revalidatePath(`/o/${ctx.org.slug}`, "layout");
  if (result.status === "failed") throw new UserFacingError(result.error ?? "Bringing in the accounts and lists failed.");
  return { status: result.status };
});
