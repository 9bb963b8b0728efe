/**
 * A realistic small-business chart of accounts and lists, as QuickBooks would hold them. Names that
 * also exist in the built-in sandbox company match it, so the first sync links them by name.
 */
export const DEMO_ACCOUNTS: { name: string; type: string; subType: string }[] = [
  { name: "Business Checking", type: "Bank", subType: "Checking" },
  { name: "Business Savings", type: "Bank", subType: "Savings" },
  { name: "Accounts Receivable (A/R)", type: "Accounts Receivable", subType: "AccountsReceivable" },
  { name: "Undeposited Funds", type: "Other Current Asset", subType: "UndepositedFunds" },
  { name: "Accounts Payable (A/P)", type: "Accounts Payable", subType: "AccountsPayable" },
  { name: "Company Visa", type: "Credit Card", subType: "CreditCard" },
  { name: "Landscaping Services", type: "Income", subType: "ServiceFeeIncome" },
  { name: "Design Income", type: "Income", subType: "ServiceFeeIncome" },
  { name: "Plant Sales", type: "Income", subType: "SalesOfProductIncome" },
  { name: "Uncategorized Income", type: "Income", subType: "OtherPrimaryIncome" },
  { name: "Cost of Goods Sold", type: "Cost of Goods Sold", subType: "SuppliesMaterialsCogs" },
  { name: "Advertising", type: "Expense", subType: "AdvertisingPromotional" },
  { name: "Equipment Rental", type: "Expense", subType: "EquipmentRental" },
  { name: "Fuel", type: "Expense", subType: "Auto" },
  { name: "Insurance", type: "Expense", subType: "Insurance" },
  { name: "Legal & Professional Fees", type: "Expense", subType: "LegalProfessionalFees" },
  { name: "Office Expenses", type: "Expense", subType: "OfficeGeneralAdministrativeExpenses" },
  { name: "Rent or Lease", type: "Expense", subType: "RentOrLeaseOfBuildings" },
  { name: "Repairs & Maintenance", type: "Expense", subType: "RepairMaintenance" },
  { name: "Supplies & Materials", type: "Expense", subType: "SuppliesMaterials" },
  { name: "Travel", type: "Expense", subType: "Travel" },
  { name: "Utilities", type: "Expense", subType: "Utilities" },
  { name: "Uncategorized Expense", type: "Expense", subType: "OtherMiscellaneousServiceCost" },
];

export const DEMO_TERMS = [
  { name: "Due on receipt", dueDays: 0 },
  { name: "Net 15", dueDays: 15 },
  { name: "Net 30", dueDays: 30 },
  { name: "Net 60", dueDays: 60 },
];

export const DEMO_CLASSES = ["Residential", "Commercial", "Municipal"];
export const DEMO_LOCATIONS = ["Portland", "Salem", "Eugene"];

export const DEMO_ITEMS: { name: string; type: string; priceCents: number; income: string; expense?: string }[] = [
  { name: "Garden design", type: "Service", priceCents: 12_500, income: "Design Income" },
  { name: "Lawn care visit", type: "Service", priceCents: 8_500, income: "Landscaping Services" },
  { name: "Hedge trimming", type: "Service", priceCents: 6_000, income: "Landscaping Services" },
  { name: "Irrigation install", type: "Service", priceCents: 45_000, income: "Landscaping Services" },
  { name: "Maple tree (10 gal)", type: "NonInventory", priceCents: 18_900, income: "Plant Sales", expense: "Cost of Goods Sold" },
  { name: "Mulch (cubic yard)", type: "NonInventory", priceCents: 4_500, income: "Plant Sales", expense: "Supplies & Materials" },
];

export const DEMO_VENDORS = [
  "Cascade Nursery Supply",
  "Pacific Irrigation Co.",
  "Northwest Fuel Services",
  "Willamette Equipment Rental",
  "Greenleaf Fertilizers",
  "Rose City Insurance Group",
  "Bridgetown Office Supply",
  "Evergreen Waste Hauling",
  "Summit Legal LLP",
  "Columbia Utilities",
  "Timberline Tools",
  "Stonecraft Pavers",
];

export const DEMO_CUSTOMERS = [
  "Alder Street Apartments",
  "Brooks Family Residence",
  "City of Lake Oswego",
  "Douglas Fir Dental",
  "Elm Park HOA",
  "Foster & Sons Bakery",
  "Garcia Residence",
  "Hawthorne Community Church",
  "Ivy Lane Condominiums",
  "Juniper Tech Campus",
];
