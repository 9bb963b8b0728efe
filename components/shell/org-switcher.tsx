"use client";

import { Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";
import { Menu, menuItemClass } from "@/components/ui/menu";

type Org = { slug: string; name: string; role: string };

export function OrgSwitcher({ current, orgs }: { current: Org; orgs: Org[] }) {
  return (
    <Menu
      label="Switch organisation"
      button={
        <>
          <span className="flex h-6 w-6 items-center justify-center rounded bg-slate-800 text-xs font-semibold text-white">
            {current.name.slice(0, 1).toUpperCase()}
          </span>
          <span className="max-w-[7rem] truncate font-medium text-slate-900 sm:max-w-[14rem]">{current.name}</span>
          <ChevronsUpDown className="h-4 w-4 text-slate-400" aria-hidden />
        </>
      }
    >
      <p className="px-3 pb-1 pt-2 text-xs font-medium uppercase tracking-wide text-slate-500">Organisations</p>
      {orgs.map((org) => (
        <Link key={org.slug} href={`/o/${org.slug}`} role="menuitem" className={menuItemClass}>
          <span className="flex-1 truncate">{org.name}</span>
          {org.slug === current.slug ? <Check className="h-4 w-4 text-brand-600" aria-label="current" /> : null}
        </Link>
      ))}
      <div className="my-1 border-t border-slate-100" />
      <Link href="/orgs/new" role="menuitem" className={menuItemClass}>
        <Plus className="h-4 w-4" aria-hidden /> New organisation
      </Link>
    </Menu>
  );
}
