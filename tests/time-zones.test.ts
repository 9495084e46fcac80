import { describe, expect, it } from "vitest";
import { timeZoneField } from "@/lib/fields";
import { isValidTimeZone, timeZoneLabel, timeZoneOptions, timeZones, zonedLocalToUtc, zoneFromPickerText } from "@/lib/time-zones";

/** How `at` reads on a wall clock in `zone`, as "YYYY-MM-DDTHH:mm". */
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();
function wallClock(at: Date, zone: string): string {
  if (!wallClockFormats.has(zone)) {
    wallClockFormats.set(zone, new Intl.DateTimeFormat("en-CA", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }));
  }
  const parts = wallClockFormats.get(zone)!.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

describe("zonedLocalToUtc", () => {
  it.each([
    ["America/New_York in winter (EST, -5)", "2026-01-15T09:00", "America/New_York", "2026-01-15T14:00:00.000Z"],
    ["America/New_York in summer (EDT, -4)", "2026-07-15T09:00", "America/New_York", "2026-07-15T13:00:00.000Z"],
    ["Asia/Kolkata (+5:30)", "2026-03-10T10:00", "Asia/Kolkata", "2026-03-10T04:30:00.000Z"],
    ["Asia/Kolkata just after local midnight (previous UTC day)", "2026-03-10T00:15", "Asia/Kolkata", "2026-03-09T18:45:00.000Z"],
    ["Europe/Berlin in winter (CET, +1)", "2026-01-15T09:00", "Europe/Berlin", "2026-01-15T08:00:00.000Z"],
    ["Europe/Berlin in summer (CEST, +2)", "2026-07-15T09:00", "Europe/Berlin", "2026-07-15T07:00:00.000Z"],
    ["Europe/Berlin just before spring forward", "2026-03-29T01:59", "Europe/Berlin", "2026-03-29T00:59:00.000Z"],
    ["Europe/Berlin just after spring forward", "2026-03-29T03:00", "Europe/Berlin", "2026-03-29T01:00:00.000Z"],
    ["Europe/Berlin after fall back", "2026-10-25T03:00", "Europe/Berlin", "2026-10-25T02:00:00.000Z"],
    ["UTC", "2026-12-01T15:00", "UTC", "2026-12-01T15:00:00.000Z"],
    ["UTC on a leap day", "2028-02-29T23:59", "UTC", "2028-02-29T23:59:00.000Z"],
    ["Pacific/Kiritimati (+14) across the date line", "2026-06-01T01:00", "Pacific/Kiritimati", "2026-05-31T11:00:00.000Z"],
  ])("%s", (_label, local, zone, utc) => {
    expect(zonedLocalToUtc(local, zone)?.toISOString()).toBe(utc);
  });

  it.each([
    // Berlin springs forward at 02:00 CET (01:00 UTC) on 29 March 2026: 02:00–02:59 never happen.
    ["Europe/Berlin", "2026-03-29T02:30", "2026-03-29T01:30:00.000Z", "2026-03-29T03:30"],
    ["Europe/Berlin", "2026-03-29T02:00", "2026-03-29T01:00:00.000Z", "2026-03-29T03:00"],
    // New York springs forward at 02:00 EST (07:00 UTC) on 8 March 2026.
    ["America/New_York", "2026-03-08T02:30", "2026-03-08T07:30:00.000Z", "2026-03-08T03:30"],
    // Sydney springs forward at 02:00 AEST (16:00 UTC the day before) on 4 October 2026.
    ["Australia/Sydney", "2026-10-04T02:30", "2026-10-03T16:30:00.000Z", "2026-10-04T03:30"],
    // Lord Howe Island moves by half an hour, 02:00 → 02:30.
    ["Australia/Lord_Howe", "2026-10-04T02:15", "2026-10-03T15:45:00.000Z", "2026-10-04T02:45"],
  ])("a time skipped by DST in %s (%s) resolves forward", (zone, local, utc, readsAs) => {
    const at = zonedLocalToUtc(local, zone);
    expect(at?.toISOString()).toBe(utc);
    expect(wallClock(at!, zone)).toBe(readsAs);
    // Forward: later than the last minute before the gap.
    const beforeGap = zonedLocalToUtc(`${local.slice(0, 11)}01:59`, zone)!;
    expect(at!.getTime()).toBeGreaterThan(beforeGap.getTime());
  });

  it.each([
    // Berlin falls back at 03:00 CEST (01:00 UTC) on 25 October 2026: 02:00–02:59 happen twice.
    ["Europe/Berlin", "2026-10-25T02:30", ["2026-10-25T00:30:00.000Z", "2026-10-25T01:30:00.000Z"]],
    // New York falls back at 02:00 EDT (06:00 UTC) on 1 November 2026: 01:00–01:59 happen twice.
    ["America/New_York", "2026-11-01T01:30", ["2026-11-01T05:30:00.000Z", "2026-11-01T06:30:00.000Z"]],
  ])("an ambiguous time in %s (%s) resolves to one of its two real instants", (zone, local, candidates) => {
    const at = zonedLocalToUtc(local, zone);
    expect(candidates).toContain(at?.toISOString());
    expect(wallClock(at!, zone)).toBe(local);
  });

  it("agrees with the zone's own clock for every hour of a year in several zones", () => {
    for (const zone of ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo", "UTC"]) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
        const local = wallClock(new Date(t), zone);
        const at = zonedLocalToUtc(local, zone);
        // An ambiguous wall time maps to one of its instants; both read back the same.
        expect(wallClock(at!, zone), `${zone} ${local}`).toBe(local);
      }
    }
  });

  it.each([
    ["an empty string", ""],
    ["month 13", "2026-13-01T10:00"],
    ["month 0", "2026-00-10T10:00"],
    ["day 0", "2026-05-00T10:00"],
    ["day 32", "2026-05-32T10:00"],
    ["30 February", "2026-02-30T10:00"],
    ["29 February in a common year", "2026-02-29T10:00"],
    ["31 April", "2026-04-31T10:00"],
    ["hour 24", "2026-05-01T24:00"],
    ["minute 60", "2026-05-01T10:60"],
    ["a word", "yesterday"],
    ["a date without a time", "2026-05-01"],
    ["seconds", "2026-05-01T10:00:00"],
    ["a space instead of T", "2026-05-01 10:00"],
    ["an offset", "2026-05-01T10:00Z"],
    ["surrounding text", "x2026-05-01T10:00"],
  ])("%s → null", (_label, local) => {
    expect(zonedLocalToUtc(local, "Europe/Berlin")).toBeNull();
  });

  it.each(["Mars/Olympus_Mons", "", "Europe/Berlinn", "../etc/passwd", "x".repeat(65)])("an unknown zone (%s) → null", (zone) => {
    expect(zonedLocalToUtc("2026-05-01T10:00", zone)).toBeNull();
  });
});

describe("isValidTimeZone", () => {
  it.each(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Calcutta"])("%s is valid", (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });
  it.each(["", "Nowhere/Special", "Europe/Berlinn", "x".repeat(65)])("%j is not", (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe("the time-zone picker", () => {
  const WINTER = new Date("2026-01-15T12:00:00Z");
  const SUMMER = new Date("2026-07-15T12:00:00Z");

  it("labels a zone with its offset at the moment (from Intl, so daylight saving time follows), its city and its name", () => {
    expect(timeZoneLabel("America/New_York", WINTER)).toBe("(UTC−05:00) New York — America/New_York");
    expect(timeZoneLabel("America/New_York", SUMMER)).toBe("(UTC−04:00) New York — America/New_York");
    expect(timeZoneLabel("Asia/Kolkata", WINTER)).toBe("(UTC+05:30) Kolkata — Asia/Kolkata");
    expect(timeZoneLabel("America/Argentina/Buenos_Aires", WINTER)).toBe("(UTC−03:00) Buenos Aires — America/Argentina/Buenos_Aires");
    expect(timeZoneLabel("UTC", WINTER)).toBe("(UTC+00:00) Coordinated Universal Time — UTC");
    expect(timeZoneLabel("Europe/London", WINTER)).toBe("(UTC+00:00) London — Europe/London");
  });

  it("offers every zone once, by its current name, west to east", () => {
    const zones = timeZones();
    expect(zones).toContain("Europe/Kyiv");
    expect(zones).toContain("Asia/Kolkata");
    expect(zones).not.toContain("Europe/Kiev");
    expect(new Set(zones).size).toBe(zones.length);
    const options = timeZoneOptions(zones, WINTER);
    expect(options).toHaveLength(zones.length);
    expect(options[0]!.label).toMatch(/^\(UTC−1[12]:00\)/);
    expect(options.at(-1)!.label).toMatch(/^\(UTC\+14:00\)/);
  });

  it.each([
    ["a label, whatever offset it shows", "(UTC+01:00) Berlin — Europe/Berlin", "Europe/Berlin"],
    ["a label from the other half of the year", "(UTC−04:00) New York — America/New_York", "America/New_York"],
    ["a zone name in another case", "asia/tokyo", "Asia/Tokyo"],
    ["a city alone", "tokyo", "Asia/Tokyo"],
    ["a city with spaces", "New York", "America/New_York"],
    ["an old spelling Intl still accepts", "Asia/Calcutta", "Asia/Calcutta"],
  ])("reads the zone from %s", (_what, text, zone) => {
    expect(zoneFromPickerText(text)).toBe(zone);
    expect(timeZoneField.parse(text)).toBe(zone);
  });

  it("refuses what names no zone", () => {
    for (const text of ["", "Mars/Olympus_Mons", "New", "(UTC+01:00) Atlantis — Atlantis/Capital"]) {
      expect(timeZoneField.safeParse(text).success, text).toBe(false);
    }
  });
});
