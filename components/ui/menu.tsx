"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";

/**
 * A disclosure menu: button with aria-expanded, closes on Escape, outside click and selection;
 * arrow keys move between items.
 */
export function Menu({
  label,
  button,
  children,
  align = "left",
  className,
}: {
  label: string;
  button: ReactNode;
  children: ReactNode;
  align?: "left" | "right";
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    const first = root.current?.querySelector<HTMLElement>("[role=menuitem]");
    first?.focus();
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === "Escape") {
      setOpen(false);
      root.current?.querySelector<HTMLElement>("button[aria-haspopup]")?.focus();
    }
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      const items = Array.from(root.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? []);
      const index = items.indexOf(document.activeElement as HTMLElement);
      const next = e.key === "ArrowDown" ? (index + 1) % items.length : (index - 1 + items.length) % items.length;
      items[next]?.focus();
      e.preventDefault();
    }
  }

  return (
    <div ref={root} className={cn("relative", className)} onKeyDown={onKeyDown}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        aria-label={label}
        onClick={() => setOpen((v) => !v)}
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-100"
      >
        {button}
      </button>
      {open ? (
        <div
          id={id}
          role="menu"
          aria-label={label}
          onClick={() => setOpen(false)}
          className={cn(
            "absolute z-30 mt-2 min-w-56 rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-200",
            align === "right" ? "right-0" : "left-0",
          )}
        >
          {children}
        </div>
      ) : null}
    </div>
  );
}

export const menuItemClass =
  "flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none";
