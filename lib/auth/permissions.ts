/**
 * Who may do what: the one home of the role rules. Every entry point names the permission it needs
 * (lib/auth/guard.ts), and pages hide what the person's role cannot do (`canDo`). Pure: no I/O.
 */

/** Roles of a member, strongest first. Same values as the `member_role` enum (lib/db/schema/identity.ts). */
export const ROLES = ["admin", "approver", "clerk", "accountant"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  approver: "Approver",
  clerk: "Clerk",
  accountant: "Accountant",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "everything, including settings, the QuickBooks connection and the team",
  approver: "what a clerk does, and approves bills",
  clerk: "works with bills, invoices, vendors, customers, credits and payments; runs Sync Now",
  accountant: "reads everything and exports; changes nothing",
};

const CLERK = [
  "data.read",
  "data.export",
  "bill.edit",
  "invoice.edit",
  "party.edit",
  "credit.edit",
  "payment.edit",
  "sync.run",
] as const;
const ADMIN_ONLY = ["settings.manage", "team.manage", "payment.settle"] as const;
const APPROVER_ONLY = ["bill.approve"] as const;

export const PERMISSIONS = [...CLERK, ...APPROVER_ONLY, ...ADMIN_ONLY] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  approver: new Set<Permission>([...CLERK, ...APPROVER_ONLY]),
  clerk: new Set<Permission>(CLERK),
  accountant: new Set<Permission>(["data.read", "data.export"]),
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

/** For pages: whether the person acting may do this (hide the button, the form or the nav item otherwise). */
export function canDo(ctx: { org: { role: Role } }, permission: Permission): boolean {
  return can(ctx.org.role, permission);
}

/** Whether a permission is one only admins hold (its refusal then says so). */
export function isAdminOnly(permission: Permission): boolean {
  return ROLES.every((role) => role === "admin" || !can(role, permission));
}

/** What a refused person is told. */
export function refusalMessage(permission: Permission): string {
  if (isAdminOnly(permission)) return "Only an admin of this organisation can do this.";
  if (permission === "bill.approve") return "Only an approver or an admin of this organisation can do this.";
  return "Your role in this organisation does not allow this. Ask an admin if you need it.";
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
