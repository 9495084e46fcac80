"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 minutes ago", "yesterday", "in 2 weeks" in `locale` for `seconds` from now (negative: past). */
export function relativeText(seconds: number, locale?: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of UNITS) if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  // Under a minute: "now" in the viewer's language.
  return format.format(0, "second");
}

/**
 * A time relative to now in the viewer's locale ("5 minutes ago"), with the exact date and time in
 * their zone as its tooltip. The server knows neither the zone nor the browser's clock, so it
 * renders the UTC date, which the browser replaces on hydration (as LocalDate does).
 */
export function RelativeTime({ value }: { value: string }) {
  const at = new Date(value);
  const text = useSyncExternalStore(
    subscribe,
    () => relativeText((at.getTime() - Date.now()) / 1000),
    () => `${new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(at)} UTC`,
  );
  const exact = useSyncExternalStore(
    subscribe,
    () => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(at),
    () => undefined,
  );
  return (
    <time dateTime={value} title={exact}>
      {text}
    </time>
  );
}
