"use client";

import { SlidersHorizontal } from "lucide-react";
import { useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** On a phone the filters fold into a "Filters" button; from the sm breakpoint up they are always shown. */
export function FiltersDisclosure({ active, children }: { active: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="list-filters"
        onClick={() => setOpen((value) => !value)}
        className="inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 sm:hidden"
      >
        <SlidersHorizontal className="size-4" aria-hidden />
        Filters{active > 0 ? ` (${active})` : ""}
      </button>
      <div id="list-filters" className={cn(open ? "mt-3 block" : "hidden", "sm:mt-0 sm:block")}>
        {children}
      </div>
    </div>
  );
}
