"use client";

import { useEffect, useState, type ComponentProps } from "react";
import { controlClass } from "@/components/ui/field";

/**
 * A native select of IANA zones (type-ahead finds "Europe/…" quickly among ~400 names). With no
 * value it starts at the viewer's own zone, read from the browser after hydration.
 */
export function TimeZoneSelect({
  zones,
  defaultValue,
  ...props
}: Omit<ComponentProps<"select">, "children" | "value" | "defaultValue"> & { zones: string[]; defaultValue?: string }) {
  const [value, setValue] = useState(defaultValue ?? "");
  useEffect(() => {
    if (!defaultValue) setValue(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  }, [defaultValue]);
  const options = value && !zones.includes(value) ? [value, ...zones] : zones;
  return (
    <select {...props} value={value} onChange={(e) => setValue(e.target.value)} className={controlClass}>
      {!value && <option value="">Detecting your time zone…</option>}
      {options.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </select>
  );
}
