"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/auth/guard";
import { loadSampleLists } from "./sample-lists";

/** Admins of a not-yet-connected organisation can start from sample lists. */
export const loadSampleListsAction = orgAction({ schema: z.object({}), permission: "settings.manage" }, async (ctx) => {
  const result = await loadSampleLists(ctx.db, ctx.org.organizationId, ctx.user.id);
  revalidatePath(`/o/${ctx.org.slug}/settings`, "layout");
  return result;
});
