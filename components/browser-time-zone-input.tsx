"use client";

import { useEffect } from "react";
import { useBrowserTimeZone } from "@/components/use-browser-time-zone";

/** A hidden field carrying the browser's time zone, so the server reads typed times as the viewer meant them. */
export function BrowserTimeZoneInput({ name = "recruiterTimeZone", onZone }: { name?: string; onZone?: (zone: string) => void }) {
  const zone = useBrowserTimeZone();
  useEffect(() => {
    if (zone) onZone?.(zone);
  }, [zone, onZone]);
  return <input type="hidden" name={name} value={zone} />;
}
