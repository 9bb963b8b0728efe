/** Accounts payable / receivable domain core: pure functions, no I/O. */
export * from "./money";
export * from "./decimal";
export * from "./dates";
export * from "./terms";
export * from "./document-status";
export * from "./field-errors";
export * from "./payment-allocation";
export * from "./vendor-credit";
export * from "./funds-transfer";
export * from "./payment-lifecycle";
export * from "./aging";
export * from "./schemas";
