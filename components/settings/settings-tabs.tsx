"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const TABS = [
  { label: "General", path: "" },
  { label: "Sync", path: "/sync" },
  { label: "Chart of accounts", path: "/chart-of-accounts" },
  { label: "Items", path: "/items" },
  { label: "Classes", path: "/classes" },
  { label: "Locations", path: "/locations" },
  { label: "Terms", path: "/terms" },
  { label: "Team", path: "/team", adminOnly: true },
];

/** `showTeam`: the Team tab is for those who may manage the team (admins). */
export function SettingsTabs({ slug, showTeam }: { slug: string; showTeam: boolean }) {
  const pathname = usePathname();
  const base = `/o/${slug}/settings`;
  return (
    <nav aria-label="Settings" className="mb-6 overflow-x-auto border-b border-slate-200">
      <ul className="flex min-w-max gap-1">
        {TABS.filter((tab) => !("adminOnly" in tab) || showTeam).map((tab) => {
          const href = `${base}${tab.path}`;
          const active = tab.path === "" ? pathname === base : pathname.startsWith(href);
          return (
            <li key={tab.label}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-3 py-2.5 text-sm font-medium",
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
