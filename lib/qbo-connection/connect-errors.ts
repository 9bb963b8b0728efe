/**
 * Why connecting QuickBooks failed, as a code. The OAuth callback redirects to Settings → Sync with
 * `?connectError=<code>`; anyone can write that URL, so the page shows only these fixed sentences
 * and an unknown code gets the generic one, never the text it was given.
 */
export const CONNECT_ERROR_MESSAGES = {
  not_admin: "Only an admin can connect QuickBooks.",
  started_by_other: "This QuickBooks connection was started by someone else. Start again from Settings → Sync.",
  state_replayed: "This QuickBooks connection link was already used. Start again from Settings → Sync.",
  state_expired: "The QuickBooks connection took too long. Start again from Settings → Sync.",
  state_invalid: "The QuickBooks connection could not be verified. Start again from Settings → Sync.",
  access_denied: "QuickBooks access was not granted. Nothing was connected.",
  refused: "QuickBooks refused the connection. Nothing was connected.",
  company_taken:
    "This QuickBooks company is already connected to another Ledgerbridge organisation. Connect a different company, or disconnect it there first.",
  failed: "QuickBooks could not be connected. Please try again.",
} as const;

export type ConnectErrorCode = keyof typeof CONNECT_ERROR_MESSAGES;

export function isConnectErrorCode(code: string): code is ConnectErrorCode {
  return Object.hasOwn(CONNECT_ERROR_MESSAGES, code);
}

/** The sentence for a `?connectError=` value: fixed text only. */
export function connectErrorMessage(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  return CONNECT_ERROR_MESSAGES[isConnectErrorCode(code) ? code : "failed"];
}
