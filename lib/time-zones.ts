import { TIME_ZONE_MAX } from "@/lib/limits";

let zones: string[] | undefined;

/** IANA zone names this runtime knows, sorted, with UTC included. */
export function timeZones(): string[] {
  zones ??= [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])].sort();
  return zones;
}

/** True for a zone name Intl accepts (canonical names and their IANA aliases alike). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > TIME_ZONE_MAX) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The UTC instant of a wall-clock time ("2026-12-01T15:00", as a datetime-local input gives it)
 * in `zone`; null when the text is not such a time. Times skipped by a DST change resolve forward.
 */
export function zonedLocalToUtc(local: string, zone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match || !isValidTimeZone(zone)) return null;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Date.UTC rolls 30 February over into March; a day the month does not have is not a time.
  if (new Date(guess).getUTCDate() !== d) return null;
  // Two passes of "what does that instant read as in the zone?" settle on the zone's offset.
  const first = guess - offsetMinutes(guess, zone) * 60_000;
  let instant = guess - offsetMinutes(first, zone) * 60_000;
  // In a DST gap the passes land on the two offsets and neither reads back as the wall time;
  // the later instant is the forward one (west of UTC the second pass would step backward).
  if (offsetMinutes(instant, zone) * 60_000 !== guess - instant) instant = Math.max(first, instant);
  const back = new Date(instant);
  return Number.isNaN(back.getTime()) ? null : back;
}

// Building a DateTimeFormat costs far more than using one; keep one per zone.
const formats = new Map<string, Intl.DateTimeFormat>();
function wallClockFormat(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    formats.set(zone, format);
  }
  return format;
}

/** The zone's UTC offset, in minutes, at an instant. */
function offsetMinutes(instant: number, zone: string): number {
  const parts = wallClockFormat(zone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** A moment as "Tue, Dec 1, 2026, 3:00 PM GMT+9" in a zone (server-rendered, zone explicit). */
export function formatInZone(at: Date, zone: string, options: Intl.DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: zone, ...options }).format(at) +
    ` (${zone.replaceAll("_", " ")})`;
}
