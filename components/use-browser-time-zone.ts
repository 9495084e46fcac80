"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/**
 * The viewer's IANA time zone, read from the browser; "" on the server and while hydrating (the
 * server cannot know it), then the browser's zone right after.
 */
export function useBrowserTimeZone(): string {
  return useSyncExternalStore(never, browserZone, () => "");
}
