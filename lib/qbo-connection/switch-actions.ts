"use server";

import { z } from "zod";
import { orgAction } from "@/lib/auth/guard";
import { startSyncInBackground } from "@/lib/sync/start-sync";
import { cancelCompanySwitch, confirmCompanySwitch } from "./company-switch";
import { connectionDeps } from "./deps";

/** Admins only: Sync → Switch company → "Switch and sync". */
export const confirmCompanySwitchAction = orgAction({ schema: z.object({}), role: "admin" }, async (ctx) => {
  const { organizationId } = ctx.org;
  const result = await confirmCompanySwitch(ctx.db, { organizationId, userId: ctx.user.id }, () =>
    startSyncInBackground(ctx.db, { organizationId, trigger: "manual", userId: ctx.user.id }),
  );
  // No revalidation here: it would re-render this page (now with nothing waiting) before the
  // buttons can take the person on; the pages they land on are rendered afresh.
  return { started: result.started, companyName: result.companyName };
});

/** Admins only: Sync → Switch company → "Cancel (disconnect)". */
export const cancelCompanySwitchAction = orgAction({ schema: z.object({}), role: "admin" }, async (ctx) => {
  await cancelCompanySwitch(ctx.db, { organizationId: ctx.org.organizationId, userId: ctx.user.id }, connectionDeps());
  return { cancelled: true };
});
