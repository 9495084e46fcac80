"use client";

import { useState, type ComponentProps } from "react";
import { controlClass } from "@/components/ui/field";
import { useBrowserTimeZone } from "@/components/use-browser-time-zone";

/**
 * A native select of IANA zones (type-ahead finds "Europe/…" quickly among ~400 names). With no
 * value it starts at the viewer's own zone, read from the browser after hydration.
 */
export function TimeZoneSelect({
  zones,
  defaultValue,
  ...props
}: Omit<ComponentProps<"select">, "children" | "value" | "defaultValue"> & { zones: string[]; defaultValue?: string }) {
  const [chosen, setChosen] = useState(defaultValue ?? "");
  const browserZone = useBrowserTimeZone();
  const value = chosen || browserZone;
  const options = value && !zones.includes(value) ? [value, ...zones] : zones;
  return (
    <select {...props} value={value} onChange={(e) => setChosen(e.target.value)} className={controlClass}>
      {!value && <option value="">Detecting your time zone…</option>}
      {options.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </select>
  );
}
