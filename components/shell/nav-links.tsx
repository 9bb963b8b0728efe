"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { NAV_ITEMS } from "./nav";

export function NavLinks({ slug, onNavigate }: { slug: string; onNavigate?: () => void }) {
  const pathname = usePathname();
  const base = `/o/${slug}`;
  return (
    <ul className="space-y-0.5">
      {NAV_ITEMS.map(({ label, path, icon: Icon }) => {
        const href = `${base}${path}`;
        const active = path === "" ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={label}>
            <Link
              href={href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium",
                active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
              )}
            >
              <Icon className={cn("h-4 w-4", active ? "text-brand-600" : "text-slate-400")} aria-hidden />
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
