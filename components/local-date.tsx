"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A date and time in the viewer's own time zone. The server does not know that zone, so it
 * renders UTC and the browser replaces it on hydration.
 */
export function LocalDate({ value, options }: { value: string; options?: Intl.DateTimeFormatOptions }) {
  const format = { dateStyle: "medium", timeStyle: "short", ...options } as Intl.DateTimeFormatOptions;
  const text = useSyncExternalStore(
    subscribe,
    () => new Intl.DateTimeFormat(undefined, format).format(new Date(value)),
    () => `${new Intl.DateTimeFormat("en-US", { ...format, timeZone: "UTC" }).format(new Date(value))} UTC`,
  );
  return <time dateTime={value}>{text}</time>;
}
