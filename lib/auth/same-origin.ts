/**
 * CSRF defence for route handlers that change data (server actions have Next.js's own Origin check).
 * Session cookies are SameSite=Lax, which still lets a page on another port or subdomain of the same
 * site (same-site, other origin) send them; so a request that changes something must come from the
 * app's own origin. Browsers say where a request comes from in `Sec-Fetch-Site` (modern) and `Origin`
 * (every cross-origin POST); a request with neither is not a browser's and carries no victim's cookie
 * by accident.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const ALLOWED_FETCH_SITES = new Set(["same-origin", "none"]);

/** True when a browser sent this state-changing request from a page that is not the app's own. */
export function isCrossOriginChange(request: Request, appUrl: string): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && !ALLOWED_FETCH_SITES.has(fetchSite.toLowerCase())) return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  // The configured public origin, or the one the browser addressed (the request's own host).
  return origin !== new URL(appUrl).origin && origin !== new URL(request.url).origin;
}
