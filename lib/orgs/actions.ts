"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { timeZoneSchema } from "@/lib/ap/schemas";
import { orgAction } from "@/lib/auth/guard";
import { changeMemberRoleSchema, createOrganizationSchema, inviteMemberSchema, removeMemberSchema, revokeInvitationSchema } from "@/lib/auth/schemas";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db";
import { logWithReference } from "@/lib/error-reference";
import { somethingWentWrong, UserFacingError, type ActionResult } from "@/lib/forms/action-result";
import { parseForm } from "@/lib/forms/parse-form";
import { logger } from "@/lib/log";
import { invitationProblemMessage } from "./invitation-rules";
import { invitationTokenSchema } from "./invitation-token";
import { acceptInvitation, createInvitation, revokeInvitation } from "./invitations";
import { createOrganization, setOrganizationTimeZone } from "./organizations";
import { changeMemberRole, LAST_ADMIN_MESSAGE, removeMember, type TeamChangeResult } from "./team";

/**
 * Admins only: invite an e-mail address. One answer whether or not an account exists for it; the
 * link is shown this once (mail is not configured) and only its hash is stored.
 */
export const inviteMemberAction = orgAction({ schema: inviteMemberSchema, permission: "team.manage" }, async (ctx, input) => {
  const result = await createInvitation(ctx.db, {
    organizationId: ctx.org.organizationId,
    email: input.email,
    role: input.role,
    invitedBy: ctx.user.id,
  });
  if (result.kind === "already-member") {
    throw new UserFacingError(`${input.email} is already a member.`, { email: ["Already a member"] });
  }
  if (result.kind === "conflict") {
    throw new UserFacingError("Someone invited this address at the same moment. Reload the page to see the invitation.");
  }
  revalidatePath(`/o/${ctx.org.slug}/settings/team`);
  return { email: input.email, link: new URL(`/invite/${result.token}`, env().APP_URL).toString() };
});

/** Admins only: a pending invitation's link stops working. */
export const revokeInvitationAction = orgAction({ schema: revokeInvitationSchema, permission: "team.manage" }, async (ctx, input) => {
  if (!(await revokeInvitation(ctx.db, ctx.org.organizationId, input.invitationId))) {
    throw new UserFacingError("This invitation was already accepted or revoked.");
  }
  revalidatePath(`/o/${ctx.org.slug}/settings/team`);
  return { revoked: true };
});

/** The signed-in invitee joins; their account's e-mail must be the invited one. */
export async function acceptInvitationAction(_prev: unknown, form: FormData): Promise<ActionResult<never>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
  const parsed = parseForm(form, z.object({ invitation: invitationTokenSchema }));
  if (!parsed.ok) return { ok: false, message: invitationProblemMessage("not-found") };
  let result: Awaited<ReturnType<typeof acceptInvitation>>;
  try {
    result = await acceptInvitation(await getDb(), { token: parsed.data.invitation, userId: user.id });
  } catch (error) {
    return { ok: false, message: somethingWentWrong(logWithReference(logger(), "accepting an invitation failed", error)) };
  }
  if (!result.ok) return { ok: false, message: invitationProblemMessage(result.reason) };
  redirect(`/o/${result.organization.slug}`);
}

/** Any signed-in person can start another organisation; they become its admin. */
export async function createOrganizationAction(_prev: unknown, form: FormData): Promise<ActionResult<never>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
  const parsed = parseForm(form, createOrganizationSchema);
  if (!parsed.ok) return parsed.failure;
  const db = await getDb();
  const org = await db.transaction((tx) => createOrganization(tx, { name: parsed.data.organizationName, ownerUserId: user.id, timeZone: parsed.data.timeZone }));
  redirect(`/o/${org.slug}`);
}

/** Admins only: the organisation's time zone, which decides its "today" (due dates, payment days). */
export const updateTimeZoneAction = orgAction(
  { schema: z.object({ timeZone: timeZoneSchema }), permission: "settings.manage" },
  async (ctx, input) => {
    const result = await setOrganizationTimeZone(ctx.db, { organizationId: ctx.org.organizationId, userId: ctx.user.id }, input.timeZone);
    // Every page's "today" may move.
    revalidatePath(`/o/${ctx.org.slug}`, "layout");
    return { ...result, timeZone: input.timeZone };
  },
);

function teamChangeOrRefusal(result: TeamChangeResult): { changed: boolean } {
  if (result.ok) return { changed: result.changed };
  if (result.reason === "last-admin") throw new UserFacingError(LAST_ADMIN_MESSAGE);
  throw new UserFacingError("This person is no longer a member. Reload the page.");
}

/** Admins only: give a member another role (the last admin stays an admin). */
export const changeMemberRoleAction = orgAction({ schema: changeMemberRoleSchema, permission: "team.manage" }, async (ctx, input) => {
  const result = teamChangeOrRefusal(
    await changeMemberRole(ctx.db, { organizationId: ctx.org.organizationId, userId: ctx.user.id }, input),
  );
  revalidatePath(`/o/${ctx.org.slug}`, "layout");
  return { ...result, role: input.role };
});

/** Admins only: the member loses access at once (the last admin cannot be removed). */
export const removeMemberAction = orgAction({ schema: removeMemberSchema, permission: "team.manage" }, async (ctx, input) => {
  const result = teamChangeOrRefusal(
    await removeMember(ctx.db, { organizationId: ctx.org.organizationId, userId: ctx.user.id }, input),
  );
  revalidatePath(`/o/${ctx.org.slug}`, "layout");
  return result;
});
