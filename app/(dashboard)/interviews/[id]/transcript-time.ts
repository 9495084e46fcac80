// Shared by the review page's server parts and its client parts (a "use client" module's plain
// functions cannot be called on the server).

/** The id of a recorded part's player: transcript lines and deep links find it by this. */
export const playerId = (recordingId: string) => `recording-${recordingId}`;

/** The part that plays `ms` of the take: the last one starting at or before it (parts in order). */
export function partAt<P extends { offsetMs: number }>(parts: readonly P[], ms: number): P | undefined {
  return parts.findLast((p) => p.offsetMs <= ms) ?? parts[0];
}

/** `t` of a deep link as seconds into the take: a plain non-negative number, or null (anything else is ignored). */
export function linkedSeconds(t: string | null): number | null {
  if (t === null || !/^\d{1,6}(\.\d{1,3})?$/.test(t.trim())) return null;
  return Number(t);
}
