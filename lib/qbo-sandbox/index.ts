/** Public API of the built-in QBO sandbox (see SPEC §7 and QBO.md). */
export { createQboSandbox, toRouteHandlers, type QboSandbox, type RouteHandler } from "./sandbox";
export type { SandboxCaller } from "./caller";
export { startSandboxServer, type SandboxServer, type SandboxServerOptions } from "./server";
export { SANDBOX_DEFAULTS, type QboSandboxOptions, type CreateCompanyInput, type SettingsPatch } from "./core";
export { signWebhookBody } from "./webhooks";
export { DEFAULT_SEED } from "./seed";
export type { ActiveFault } from "./fault-injector";
export type { UserAction, UserActionsResult } from "./user-actions";
export type {
  ChangeEvent,
  CompanySettings,
  CompanySummary,
  EntityName,
  FaultKind,
  FaultSpec,
  Json,
  JsonObject,
  RequestKind,
  SandboxStats,
  SeedSpec,
  TokenResponse,
} from "./types";
