/**
 * Where to send a person after sign-in, from an untrusted `callbackUrl`. Parsed the way a browser
 * will read it (WHATWG URL against the app's own origin): `\` counts as `/`, tabs and newlines are
 * dropped, so `/\evil.example`, `/\t/evil` and `//evil` all name another host and are refused.
 * Pure, so the server (redirect) and the sign-in form (router.replace) share it.
 */
export const DEFAULT_CALLBACK_PATH = "/";

const MAX_CALLBACK_LENGTH = 2048;

export function safeCallbackPath(raw: unknown, appUrl: string, fallback: string = DEFAULT_CALLBACK_PATH): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_CALLBACK_LENGTH) return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(appUrl);
    target = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // "/.//evil" resolves to the path "//evil", which a browser reads as another host once it is a Location.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}
