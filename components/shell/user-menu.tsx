"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { Menu, menuItemClass } from "@/components/ui/menu";

export function UserMenu({ name, email }: { name: string; email: string }) {
  const initials = name
    .split(/\s+/)
    .map((p) => p[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <Menu
      label="Account"
      align="right"
      button={
        <span className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700">
          {initials}
        </span>
      }
    >
      <div className="px-3 py-2">
        <p className="truncate text-sm font-medium text-slate-900">{name}</p>
        <p className="truncate text-xs text-slate-500">{email}</p>
      </div>
      <div className="my-1 border-t border-slate-100" />
      <button type="button" role="menuitem" className={menuItemClass} onClick={() => signOut({ callbackUrl: "/sign-in" })}>
        <LogOut className="h-4 w-4" aria-hidden /> Sign out
      </button>
    </Menu>
  );
}
