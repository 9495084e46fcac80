"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** How often, and for how long, the page looks again while a transcript is being made. */
const EVERY_MS = 5_000;
const AT_MOST = 60;

/**
 * While a transcript on the page is queued or being made, re-renders the page's server parts every
 * few seconds (router.refresh keeps what the reviewer is typing), so the transcript appears without
 * a reload. It stops once the transcript is there (this is no longer rendered) or after five minutes.
 */
export function RefreshWhileTranscribing() {
  const router = useRouter();
  useEffect(() => {
    let left = AT_MOST;
    const timer = setInterval(() => {
      if (--left <= 0) clearInterval(timer);
      router.refresh();
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
