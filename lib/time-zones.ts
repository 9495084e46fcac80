import { TIME_ZONE_MAX } from "@/lib/limits";

let zones: string[] | undefined;

/**
 * Zones ICU (Node 20, older Chromium) still lists by a name IANA has since replaced, such as
 * "Europe/Kiev" for Europe/Kyiv: ICU keeps CLDR's first spelling for stability. Intl accepts both
 * spellings as input; this is the list ECMA-402's canonicalization fix makes newer engines return
 * under the current names, so the picker never offers a city by a name it no longer goes by.
 */
const RENAMED: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** IANA zone names this runtime knows, by their current names, sorted, with UTC included. */
export function timeZones(): string[] {
  zones ??= [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone").map((zone) => RENAMED[zone] ?? zone)])].filter(isValidTimeZone).sort();
  return zones;
}

/** True for a zone name Intl accepts (canonical names and their IANA aliases alike). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > TIME_ZONE_MAX) return false;
  if (validZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    return false;
  }
  // Known good from now on: a bulk invitation asks this of thousands of rows in a few zones.
  if (validZones.size < 1_000) validZones.add(zone);
  return true;
}
const validZones = new Set<string>();

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

// The time-zone picker: each zone as "(UTC−05:00) New York — America/New_York", from Intl (the
// offset is Intl's longOffset at the moment, so it follows daylight saving time), west to east.

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset at `at` as "UTC−05:00" / "UTC+05:30" / "UTC+00:00" (a true minus sign). */
export function utcOffsetLabel(zone: string, at: Date): string {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormats.set(zone, format);
  }
  // "GMT-05:00", "GMT+05:30", or plain "GMT" at zero.
  const name = format.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const offset = name.replace(/^GMT/, "") || "+00:00";
  return `UTC${offset.replace("-", "−")}`;
}

/** The place a zone is named for: "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(zone: string): string {
  if (zone === "UTC") return "Coordinated Universal Time";
  return (zone.split("/").pop() ?? zone).replaceAll("_", " ");
}

/** How the picker shows a zone: "(UTC−05:00) New York — America/New_York". */
export function timeZoneLabel(zone: string, at: Date): string {
  return `(${utcOffsetLabel(zone, at)}) ${zoneCity(zone)} — ${zone}`;
}

/** The picker's options for `zones`, west to east, then by city. */
export function timeZoneOptions(zones: readonly string[], at: Date): Array<{ zone: string; label: string }> {
  const minutes = (label: string) => {
    const [, sign, h, m] = /UTC([+−])(\d\d):(\d\d)/.exec(label) ?? [];
    return (sign === "−" ? -1 : 1) * (Number(h ?? 0) * 60 + Number(m ?? 0));
  };
  return zones
    .map((zone) => ({ zone, label: timeZoneLabel(zone, at), city: zoneCity(zone) }))
    .map((o) => ({ ...o, minutes: minutes(o.label) }))
    .sort((a, b) => a.minutes - b.minutes || a.city.localeCompare(b.city, "en") || a.zone.localeCompare(b.zone, "en"))
    .map(({ zone, label }) => ({ zone, label }));
}

/**
 * The zone a picker's text names: a label ("(UTC+09:00) Tokyo — Asia/Tokyo", whatever its offset),
 * a zone name in any case ("asia/tokyo"), or a city that names one zone ("Tokyo"). Anything else
 * comes back as typed, for isValidTimeZone to refuse.
 */
export function zoneFromPickerText(text: string): string {
  const dash = text.lastIndexOf("—");
  const named = (dash >= 0 ? text.slice(dash + 1) : text).trim();
  const wanted = named.toLowerCase();
  const exact = timeZones().find((zone) => zone.toLowerCase() === wanted);
  if (exact) return exact;
  const byCity = timeZones().filter((zone) => zoneCity(zone).toLowerCase() === wanted.replaceAll("_", " "));
  return byCity.length === 1 ? byCity[0]! : named;
}
