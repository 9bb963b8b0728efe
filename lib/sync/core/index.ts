/** The pure sync core: rules, planning and mapping. No I/O, no clock, no database. */
export * from "@/lib/sync/core/types";
export * from "@/lib/sync/core/reasons";
export * from "@/lib/sync/core/commerce";
export * from "@/lib/sync/core/money";
export * from "@/lib/sync/core/content-hash";
export * from "@/lib/sync/core/payment-state";
export * from "@/lib/sync/core/preferences";
export * from "@/lib/sync/core/inbound-rules";
export * from "@/lib/sync/core/outbound-rules";
export * from "@/lib/sync/core/decisions";
export * from "@/lib/sync/core/plan";
export * from "@/lib/sync/core/payments-plan";
export * from "@/lib/sync/core/payment-answer";
export * from "@/lib/sync/core/credit-unapply";
export * from "@/lib/sync/core/sync-window";
export * from "@/lib/sync/core/qbo-time";
export * from "@/lib/sync/core/phases";
export * from "@/lib/sync/core/qbo-parse";
export * from "@/lib/sync/core/twin";
export * from "@/lib/sync/core/link-check";
export * from "@/lib/sync/core/txn-history";
export * from "@/lib/sync/core/party-fields";
export {
  appLinesTotalCents,
  invoiceTotalCents,
  appPartyContentHash,
  appPartySyncedFields,
  appPartyToQboCreate,
  appPartyToQboUpdate,
  appTxnContentHash,
  appTxnSyncedFields,
  appTxnToQboCreate,
  appTxnToQboUpdate,
  qboDeactivateBody,
  qboPartyToAppFields,
  qboTxnToAppFields,
} from "@/lib/sync/core/mappers";
export type {
  AppPartyFields,
  AppTxnFields,
  MapContext,
  MapResult,
  QboDeactivateBody,
  QboPartyBody,
  QboTxnBody,
  QboTxnLineBody,
} from "@/lib/sync/core/mappers";
export * from "@/lib/sync/core/first-run";
export * from "@/lib/sync/core/record-status";
