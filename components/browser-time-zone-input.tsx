"use client";

import { useEffect, useState } from "react";

/** A hidden field carrying the browser's time zone, so the server reads typed times as the viewer meant them. */
export function BrowserTimeZoneInput({ name = "recruiterTimeZone", onZone }: { name?: string; onZone?: (zone: string) => void }) {
  const [zone, setZone] = useState("");
  useEffect(() => {
    const detected = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    setZone(detected);
    onZone?.(detected);
  }, [onZone]);
  return <input type="hidden" name={name} value={zone} />;
}
