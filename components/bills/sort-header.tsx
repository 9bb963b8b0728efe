import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** A column header that sorts the list through query parameters (server-side). */
export function SortHeader({
  label,
  active,
  dir,
  href,
  align = "left",
}: {
  label: string;
  active: boolean;
  dir: "asc" | "desc";
  href: string;
  align?: "left" | "right";
}) {
  const Icon = active ? (dir === "asc" ? ArrowUp : ArrowDown) : ArrowUpDown;
  return (
    <th scope="col" className={cn("px-4 py-3", align === "right" && "text-right")} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link href={href} className={cn("inline-flex items-center gap-1 whitespace-nowrap hover:text-slate-900", active && "text-slate-900")}>
        {label}
        <Icon className={cn("size-3.5", !active && "opacity-40")} aria-hidden />
      </Link>
    </th>
  );
}
