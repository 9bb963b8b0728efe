"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { orgAction } from "@/lib/auth/guard";
import { disconnect } from "./connection";
import { connectionDeps } from "./deps";

/** Admins only: revoke the QuickBooks tokens and stop syncing. */
export const disconnectQboAction = orgAction({ schema: z.object({}), permission: "settings.manage" }, async (ctx) => {
  const result = await disconnect(ctx.db, ctx.org.organizationId, connectionDeps());
  await recordAudit(ctx.db, {
    organizationId: ctx.org.organizationId,
    actorUserId: ctx.user.id,
    entityType: "qbo_connection",
    entityId: ctx.org.organizationId,
    action: "disconnected QuickBooks",
  });
  revalidatePath(`/o/${ctx.org.slug}/settings/sync`);
  return result;
});
