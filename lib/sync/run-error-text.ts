/**
 * A run's stored error, as members may see it. Runs recorded before unexpected errors got a
 * reference (describe-failure.ts) stored the raw error after "The sync stopped unexpectedly: " —
 * SQL and the values being written among it. Those are shown without the raw part.
 */
const LEGACY_RAW_PREFIX = "The sync stopped unexpectedly: ";

export const LEGACY_RAW_ERROR_TEXT = "The sync stopped unexpectedly. Nothing was lost; try again.";

export function runErrorText(stored: string | null): string | null {
  if (stored === null) return null;
  return stored.startsWith(LEGACY_RAW_PREFIX) ? LEGACY_RAW_ERROR_TEXT : stored;
}
