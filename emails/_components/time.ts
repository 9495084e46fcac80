// Times in emails are always shown in the recipient's zone, spelled out with the zone's name and
// offset, because the reader cannot hover over them the way a page visitor can.

const LOCALE = "en-US";

type Formatters = { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat; longZone: Intl.DateTimeFormat; offset: Intl.DateTimeFormat };
const cache = new Map<string, Formatters>();

function formatters(timeZone: string): Formatters {
  let found = cache.get(timeZone);
  if (!found) {
    found = {
      date: new Intl.DateTimeFormat(LOCALE, { timeZone, weekday: "long", year: "numeric", month: "long", day: "numeric" }),
      time: new Intl.DateTimeFormat(LOCALE, { timeZone, hour: "numeric", minute: "2-digit" }),
      longZone: new Intl.DateTimeFormat(LOCALE, { timeZone, timeZoneName: "long" }),
      offset: new Intl.DateTimeFormat(LOCALE, { timeZone, timeZoneName: "shortOffset" }),
    };
    cache.set(timeZone, found);
  }
  return found;
}

/** The zone's formatters, or UTC's when the name is unknown: a correct UTC time beats no email. */
function zoneFormatters(timeZone: string): Formatters {
  try {
    return formatters(timeZone);
  } catch {
    return formatters("UTC");
  }
}

function toDate(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`Email template received an invalid date: ${JSON.stringify(iso)}`);
  return date;
}

// ICU puts narrow no-break spaces before AM/PM; some mail clients render them as boxes.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

function zonePart(format: Intl.DateTimeFormat, date: Date): string {
  return format.formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? "";
}

/** "Japan Standard Time (GMT+9)"; just "GMT-5" for zones without a name of their own. */
export function formatZone(iso: string, timeZone: string): string {
  const date = toDate(iso);
  const f = zoneFormatters(timeZone);
  const name = zonePart(f.longZone, date);
  const offset = zonePart(f.offset, date);
  return plain(!name || name.startsWith("GMT") ? offset : `${name} (${offset})`);
}

/** "Tuesday, December 1, 2026" in the zone. */
export function formatDate(iso: string, timeZone: string): string {
  return plain(zoneFormatters(timeZone).date.format(toDate(iso)));
}

/** "3:00 PM" in the zone. */
export function formatTime(iso: string, timeZone: string): string {
  return plain(zoneFormatters(timeZone).time.format(toDate(iso)));
}

/** "Tuesday, December 1, 2026, 3:00 PM Japan Standard Time (GMT+9)". */
export function formatDateTime(iso: string, timeZone: string): string {
  return `${formatDate(iso, timeZone)}, ${formatTime(iso, timeZone)} ${formatZone(iso, timeZone)}`;
}

/** `iso` moved by `minutes` (negative for earlier), as ISO again. */
export function shiftMinutes(iso: string, minutes: number): string {
  return new Date(toDate(iso).getTime() + minutes * 60_000).toISOString();
}

/** "45 minutes", "1 hour", "1 hour 30 minutes". */
export function formatDuration(totalMinutes: number): string {
  const minutes = Math.max(0, Math.round(totalMinutes));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(plural(hours, "hour"));
  if (rest > 0 || hours === 0) parts.push(plural(rest, "minute"));
  return parts.join(" ");
}

/** "1 question", "6 questions". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
