let zones: string[] | undefined;

/** IANA zone names this runtime knows, sorted, with UTC included. */
export function timeZones(): string[] {
  zones ??= [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])].sort();
  return zones;
}

/** True for a zone name Intl accepts (canonical names and their IANA aliases alike). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
