export * from "./identity";
export * from "./ledger";
export * from "./sync";
export * from "./operations";
