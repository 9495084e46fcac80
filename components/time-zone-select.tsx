"use client";

import { useId, useMemo, useRef, useState, type ComponentProps } from "react";
import { controlClass } from "@/components/ui/field";
import { useBrowserTimeZone } from "@/components/use-browser-time-zone";
import { timeZoneLabel, timeZoneOptions, zoneCity, zoneFromPickerText } from "@/lib/time-zones";

/**
 * A searchable time-zone field: a text input with the browser's own suggestion list (a datalist),
 * each zone shown as "(UTC−05:00) New York — America/New_York", west to east. Typing part of a
 * city, a zone name or an offset narrows the list. It submits the text; the server reads the zone
 * from it (timeZoneField), so it works without JavaScript too.
 *
 * Nothing is chosen for the viewer: "Use my time zone" offers theirs (a candidate's zone is theirs,
 * not the recruiter's) unless `defaultToBrowser` starts from it.
 */
export function TimeZoneSelect({
  zones,
  defaultValue,
  defaultToBrowser = false,
  className,
  ...props
}: Omit<ComponentProps<"input">, "children" | "value" | "defaultValue" | "list" | "type"> & { zones: string[]; defaultValue?: string; defaultToBrowser?: boolean }) {
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const options = useMemo(() => timeZoneOptions(zones, new Date()), [zones]);
  const [typed, setTyped] = useState<string | null>(defaultValue ? timeZoneLabel(defaultValue, new Date()) : null);
  const browserZone = useBrowserTimeZone();
  const browserLabel = browserZone ? timeZoneLabel(browserZone, new Date()) : "";
  const text = typed ?? (defaultToBrowser ? browserLabel : "");
  const offerBrowserZone = browserZone && zoneFromPickerText(text) !== browserZone;
  return (
    <div className="space-y-1.5">
      <input
        {...props}
        ref={input}
        type="text"
        list={listId}
        value={text}
        onChange={(e) => setTyped(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        placeholder="Type a city, a zone or an offset, e.g. Tokyo or UTC+09"
        className={className ?? controlClass}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.zone} value={o.label} />
        ))}
      </datalist>
      {offerBrowserZone && (
        <button
          type="button"
          className="text-sm font-medium text-accent-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600"
          onClick={() => {
            setTyped(browserLabel);
            // The button goes away once used: keep the keyboard where the choice was made.
            input.current?.focus();
          }}
        >
          Use my time zone ({zoneCity(browserZone)})
        </button>
      )}
    </div>
  );
}
