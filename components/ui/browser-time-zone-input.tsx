"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
const serverZone = () => "";

/**
 * The person's own time zone, sent with the form that creates an organisation: it becomes the
 * organisation's time zone (changeable in Settings). Empty on the server, which has no such zone;
 * the server validates it and falls back to UTC (browserTimeZoneSchema).
 */
export function BrowserTimeZoneInput() {
  const timeZone = useSyncExternalStore(noSubscription, browserZone, serverZone);
  return <input type="hidden" name="timeZone" value={timeZone} />;
}
