"use client";

import { useEffect } from "react";
import { Alert } from "@/components/ui/card";

/**
 * A one-time confirmation ("Invoice created.") carried in the URL. The parameter is dropped from the
 * address once shown, so later refreshes of the page (after a payment, say) don't repeat it.
 */
export function FlashNotice({ message, param }: { message: string; param: string }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(param)) return;
    url.searchParams.delete(param);
    window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
  }, [param]);
  return <Alert tone="success">{message}</Alert>;
}
