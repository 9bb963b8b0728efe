/**
 * Tenancy of a sandbox that one host app serves to several organisations (the demo). Intuit shows a
 * person only the companies they may use; the sandbox has no sign-in of its own, so the host app,
 * which knows who is signed in, vouches for the caller. Without a caller (the standalone sandbox,
 * tests) everything is reachable: it is then a test double on its own port.
 */
import type { CompanyState } from "./store";

export interface SandboxCaller {
  /** Tenants (e.g. organisation ids) whose companies the caller may see, approve and control. */
  tenants: readonly string[];
  /** On the consent page, a tenant without a company may create one, with this default name. */
  newCompany?: { tenant: string; name: string };
  /**
   * The whole control API: every company's routes and those acting on the whole sandbox (company
   * list/create, reset, clock, throttling, faults, webhook format). Never widens the consent page.
   */
  global?: boolean;
}

/** May the caller see and use this company? */
export function callerMayUse(caller: SandboxCaller | undefined, company: CompanyState): boolean {
  if (!caller) return true;
  return company.tenant !== null && caller.tenants.includes(company.tenant);
}

/** May the caller use the routes that act on the whole sandbox? */
export function callerIsGlobal(caller: SandboxCaller | undefined): boolean {
  return !caller || caller.global === true;
}
