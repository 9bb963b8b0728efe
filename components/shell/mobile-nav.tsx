"use client";

import { Menu as MenuIcon, X } from "lucide-react";
import { useState } from "react";
import { NavLinks } from "./nav-links";

export function MobileNav({ slug }: { slug: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="lg:hidden">
      <button
        type="button"
        aria-label={open ? "Close navigation" : "Open navigation"}
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        className="rounded-md p-2 text-slate-600 hover:bg-slate-100"
      >
        {open ? <X className="h-5 w-5" /> : <MenuIcon className="h-5 w-5" />}
      </button>
      {open ? (
        <nav aria-label="Main" className="absolute inset-x-0 top-14 z-20 border-b border-slate-200 bg-white p-3 shadow-md">
          <NavLinks slug={slug} onNavigate={() => setOpen(false)} />
        </nav>
      ) : null}
    </div>
  );
}
