/**
 * Keep-alive without the race: a server keeps an idle connection open far longer (65 s) than it
 * tells clients to (`Keep-Alive: timeout=5`; undici's fetch then idles at most ~4 s), so a client
 * never sends on a socket the server is closing — even when either side's event loop stalls for a
 * while. Used by the sandbox's own server and by `next start` in the demo and e2e (the app serves
 * the built-in sandbox). Node wants headersTimeout above keepAliveTimeout.
 */
export const SERVER_KEEP_ALIVE_MS = 65_000;
export const SERVER_HEADERS_TIMEOUT_MS = SERVER_KEEP_ALIVE_MS + 1_000;
export const ADVERTISED_KEEP_ALIVE_SECONDS = 5;
