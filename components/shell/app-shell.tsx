import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/ui/logo";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { OrgSwitcher } from "./org-switcher";
import { UserMenu } from "./user-menu";

type Org = { slug: string; name: string; role: string };

export function AppShell({
  user,
  org,
  orgs,
  headerExtras,
  children,
}: {
  user: { name: string; email: string };
  org: Org;
  orgs: Org[];
  /** Right-hand header widgets such as the sync icon. */
  headerExtras?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-20 flex h-14 print:hidden items-center gap-3 border-b border-slate-200 bg-white/95 px-3 backdrop-blur sm:px-5">
        <MobileNav slug={org.slug} />
        <Link href={`/o/${org.slug}`} className="flex items-center gap-2 font-semibold text-slate-900">
          <Logo className="h-7 w-7" />
          <span className="hidden sm:inline">Ledgerbridge</span>
        </Link>
        <span className="hidden h-6 w-px bg-slate-200 sm:block" aria-hidden />
        <OrgSwitcher current={org} orgs={orgs} />
        <div className="ml-auto flex items-center gap-2">
          {headerExtras}
          <UserMenu name={user.name} email={user.email} />
        </div>
      </header>
      <div className="mx-auto flex max-w-[90rem] print:block print:max-w-none">
        <nav aria-label="Main" className="sticky top-14 hidden print:hidden h-[calc(100vh-3.5rem)] w-60 flex-none overflow-y-auto border-r border-slate-200 bg-white px-3 py-5 lg:block">
          <NavLinks slug={org.slug} />
        </nav>
        <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8 sm:py-8 print:p-0">
          {children}
        </main>
      </div>
    </div>
  );
}
