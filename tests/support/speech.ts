import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

// Real speech for the transcription tests: Debian's flite (voice slt) speaks, ffmpeg encodes. Both
// come back from pocketsphinx as words (espeak-ng's voice does not: STACK-NOTES).

export const FOX = "the quick brown fox jumps over the lazy dog";

/** `text` spoken by flite into a WAV file in `dir`. */
export function speechWav(dir: string, text = FOX, name = "speech"): string {
  const file = path.join(dir, `${name}.wav`);
  execFileSync("flite", ["-voice", "slt", "-t", text, "-o", file]);
  return file;
}

/** `text` spoken by festival (text2wave, voice kal) into a WAV file in `dir`. */
export function festivalWav(dir: string, text = FOX, name = "festival"): string {
  const file = path.join(dir, `${name}.wav`);
  execFileSync("text2wave", ["-o", file], { input: text });
  return file;
}

/** `text` spoken, as the WebM/Opus a browser's MediaRecorder uploads (bytes of one file). */
export function speechWebm(dir: string, text = FOX, name = "speech"): Uint8Array {
  const wav = speechWav(dir, text, name);
  const webm = path.join(dir, `${name}.webm`);
  execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-i", wav, "-c:a", "libopus", "-b:a", "32k", webm]);
  return new Uint8Array(readFileSync(webm));
}

/** The words of `expected` that `text` holds (pocketsphinx hears "jumps" as "jumped"). */
export function wordsHeard(text: string, expected = FOX): string[] {
  const heard = new Set(text.toLowerCase().split(/\s+/));
  return [...new Set(expected.split(" "))].filter((word) => heard.has(word));
}
