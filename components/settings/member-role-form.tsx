"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import { changeMemberRoleAction } from "@/lib/orgs/actions";

/** An admin changes one member's role; refusals (the last admin) show beside it. */
export function MemberRoleForm({ orgSlug, userId, name, role }: { orgSlug: string; userId: string; name: string; role: Role }) {
  const router = useRouter();
  const { state, onSubmit, pending } = useFormAction(changeMemberRoleAction);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <div className="w-36">
          <Select id={`role-${userId}`} name="role" defaultValue={role} aria-label={`Role of ${name}`}>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {ROLE_LABELS[value]}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary" disabled={pending} aria-label={`Change the role of ${name}`}>
          {pending ? "Saving…" : "Change role"}
        </Button>
      </div>
      {state && !state.ok ? <p role="alert" className="basis-full text-sm text-red-600">{state.message}</p> : null}
      {state?.ok && state.data.changed ? <p role="status" className="basis-full text-sm text-emerald-700">Now {ROLE_LABELS[state.data.role]}.</p> : null}
    </form>
  );
}
