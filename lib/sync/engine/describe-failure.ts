import { QboError } from "@/lib/qbo";
import { newErrorReference } from "@/lib/error-reference";
import { SyncStopError } from "@/lib/sync/engine/context";

/** Why a run failed, as stored on the run and shown to members (run page, status API). */
export type SyncFailure = {
  message: string;
  needsReconnect: boolean;
  /** Set for an unexpected error: the id of the server log line that holds it in full (redacted). */
  ref?: string;
};

/**
 * A failure in words a bookkeeper understands, and whether the connection must be renewed. An
 * unexpected error (a database error, a bug) is never shown: its text can hold SQL and the values
 * being written. Members get a reference instead; the caller logs the error under it.
 */
export function describeFailure(error: unknown, newRef: () => string = newErrorReference): SyncFailure {
  if (error instanceof SyncStopError) return { message: error.message, needsReconnect: error.needsReconnect };
  if (error instanceof QboError) {
    if (error.kind === "auth") return { message: "QuickBooks refused access. An admin must reconnect QuickBooks in Settings → Sync.", needsReconnect: true };
    if (error.kind === "throttle") return { message: "QuickBooks asked us to slow down. Try again in a minute; nothing was lost.", needsReconnect: false };
    if (error.kind === "transient") return { message: "QuickBooks could not be reached. Try again in a few minutes; nothing was lost.", needsReconnect: false };
    // QuickBooks' own fault text (e.g. "Duplicate Document Number Error"), written for its users.
    return { message: `QuickBooks returned an error: ${error.detail || error.message}`, needsReconnect: false };
  }
  const ref = newRef();
  return {
    message: `The sync stopped unexpectedly (ref ${ref}). Nothing was lost; try again, and quote the reference if it keeps happening.`,
    needsReconnect: false,
    ref,
  };
}
