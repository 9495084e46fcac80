// WebVTT (https://www.w3.org/TR/webvtt1/), written by hand: a header and cues of plain text. The
// npm writers either leave cue text unescaped (subtitle, node-webvtt) or drop the hours and want a
// parsed cue tree (the W3C's webvtt-parser, which the tests use to check what this writes).

/** One caption: from `startMs` to `endMs` of the media, and its words (plain text, escaped here). */
export interface Cue {
  startMs: number;
  endMs: number;
  text: string;
}

/** A time as WebVTT writes it: HH:MM:SS.mmm (hours grow past 99 rather than wrap). */
export function vttTimestamp(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = Math.floor(total / 1000) % 60;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(total % 1000, 3)}`;
}

/**
 * Cue text that a player shows as typed: &, < and > escaped (so no tag, no entity and no "-->"
 * survives), and line breaks folded into spaces — a blank line would end the cue.
 */
export function vttText(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .trim();
}

/** A WebVTT file of these cues, in the order given; cues with no text or no length are left out. */
export function webvtt(cues: readonly Cue[]): string {
  const blocks = cues.flatMap((cue) => {
    const text = vttText(cue.text);
    if (!text || !(cue.endMs > cue.startMs)) return [];
    return [`${vttTimestamp(cue.startMs)} --> ${vttTimestamp(cue.endMs)}\n${text}\n`];
  });
  return ["WEBVTT\n", ...blocks].join("\n");
}
