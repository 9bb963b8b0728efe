import {
  ArrowLeftRight,
  BarChart3,
  Building2,
  FileInput,
  FileOutput,
  HandCoins,
  LayoutDashboard,
  ReceiptText,
  RefreshCw,
  Settings,
  Users,
  type LucideIcon,
} from "lucide-react";

export type NavItem = { label: string; path: string; icon: LucideIcon };

/** The app's sections, in the order a bookkeeper works through them. */
export const NAV_ITEMS: NavItem[] = [
  { label: "Overview", path: "", icon: LayoutDashboard },
  { label: "Bills", path: "/bills", icon: FileInput },
  { label: "Invoices", path: "/invoices", icon: FileOutput },
  { label: "Payments", path: "/payments", icon: ArrowLeftRight },
  { label: "Received payments", path: "/received-payments", icon: HandCoins },
  { label: "Vendor credits", path: "/vendor-credits", icon: ReceiptText },
  { label: "Vendors", path: "/vendors", icon: Building2 },
  { label: "Customers", path: "/customers", icon: Users },
  { label: "Reports", path: "/reports", icon: BarChart3 },
  { label: "Sync", path: "/sync", icon: RefreshCw },
  { label: "Settings", path: "/settings", icon: Settings },
];
