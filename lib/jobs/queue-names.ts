/** pg-boss queue names, apart from the worker code so readers of the queue (health, jobs page) need not load pg-boss. */
export const SYNC_QUEUE = "sync";
export const AUTO_SYNC_TICK = "auto-sync-tick";
