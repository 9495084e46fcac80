// Shared by the review page's server parts and its client parts (a "use client" module's plain
// functions cannot be called on the server).

/** The id of a recorded part's player: transcript lines and deep links find it by this. */
export const playerId = (recordingId: string) => `recording-${recordingId}`;

/** m:ss (h:mm:ss past an hour): a line's place in the take, as the players' own clocks show it. */
export function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
}

/** The part that plays `ms` of the take: the last one starting at or before it (parts in order). */
export function partAt<P extends { offsetMs: number }>(parts: readonly P[], ms: number): P | undefined {
  return parts.findLast((p) => p.offsetMs <= ms) ?? parts[0];
}

/** `t` of a deep link as seconds into the take: a plain non-negative number, or null (anything else is ignored). */
export function linkedSeconds(t: string | null): number | null {
  if (t === null || !/^\d{1,6}(\.\d{1,3})?$/.test(t.trim())) return null;
  return Number(t);
}
