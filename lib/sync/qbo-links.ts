/**
 * Where a person opens a record in QuickBooks Online. Intuit's web app takes the transaction id in
 * the URL; for the built-in sandbox the control API shows the stored record as JSON.
 */
const QBO_PAGES: Record<string, string> = {
  bill: "bill",
  invoice: "invoice",
  vendor_credit: "vendorcredit",
  bill_payment: "billpayment",
  payment: "recvpayment",
  funds_transfer: "journal",
  vendor: "vendordetail",
  customer: "customerdetail",
};
const SANDBOX_ENTITIES: Record<string, string> = {
  bill: "Bill",
  invoice: "Invoice",
  vendor_credit: "VendorCredit",
  bill_payment: "BillPayment",
  payment: "Payment",
  funds_transfer: "JournalEntry",
  vendor: "Vendor",
  customer: "Customer",
};

export type QboLinkTarget = { builtInSandboxUrl?: string; environment: "sandbox" | "production"; realmId?: string };

export function qboRecordUrl(
  target: QboLinkTarget,
  objectType: string,
  qboId: string,
): string | null {
  if (target.builtInSandboxUrl) {
    const entity = SANDBOX_ENTITIES[objectType];
    return entity && target.realmId
      ? `${target.builtInSandboxUrl}/_sandbox/companies/${target.realmId}/records/${entity}/${encodeURIComponent(qboId)}`
      : null;
  }
  const page = QBO_PAGES[objectType];
  if (!page) return null;
  const host = target.environment === "production" ? "https://app.qbo.intuit.com" : "https://app.sandbox.qbo.intuit.com";
  const param = objectType === "vendor" || objectType === "customer" ? "nameId" : "txnId";
  return `${host}/app/${page}?${param}=${encodeURIComponent(qboId)}`;
}

/** The record's page in Ledgerbridge, when it has one. */
export function appRecordPath(orgSlug: string, objectType: string, localId: string): string | null {
  const paths: Record<string, string> = {
    bill: "bills",
    invoice: "invoices",
    vendor: "vendors",
    customer: "customers",
    vendor_credit: "vendor-credits",
    bill_payment: "payments",
    payment: "received-payments",
  };
  const segment = paths[objectType];
  return segment ? `/o/${orgSlug}/${segment}/${localId}` : null;
}
