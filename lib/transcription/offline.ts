import { spawn } from "node:child_process";
import { access } from "node:fs/promises";
import path from "node:path";
import type { offlineEngineConfig } from "./config";
import { TranscriptionError, type TranscriptionEngine, type TranscriptSegment } from "./engine";
import { executableExists } from "./which";

// The offline engine: CMU pocketsphinx (Debian's pocketsphinx + pocketsphinx-en-us), run as a
// process on this host, so the audio never leaves it. Why this one: README, "Transcripts".

const DEFAULT_MODEL_DIR = "/usr/share/pocketsphinx/model/en-us";

/** A pause at least this long starts a new line of the transcript. */
const LINE_GAP_MS = 600;
/** A line holds at most this many words, so captions stay readable. */
const LINE_WORDS = 12;

interface Word {
  text: string;
  startMs: number;
  endMs: number;
}

export function createOfflineEngine(config: ReturnType<typeof offlineEngineConfig>): TranscriptionEngine {
  const model = config.hmm ? path.basename(config.hmm) : "cmusphinx-en-us";
  return {
    name: "offline",
    model,
    async unavailable() {
      if (!(await executableExists(config.binary))) return `${config.binary} is not installed on this host (Debian: apt-get install pocketsphinx pocketsphinx-en-us).`;
      const modelPath = config.hmm ?? DEFAULT_MODEL_DIR;
      if (!(await access(modelPath).then(() => true, () => false))) return `The speech model is missing (${modelPath}; Debian: apt-get install pocketsphinx-en-us).`;
      return null;
    },
    async transcribe(audio, { language, signal }) {
      if (!language.startsWith("en")) throw new TranscriptionError(`The offline engine's model is English; answers in "${language}" need the OpenAI-compatible engine.`, false);
      const args = ["-infile", audio.wavPath, "-time", "yes", "-logfn", "/dev/null"];
      if (config.hmm) args.push("-hmm", config.hmm);
      if (config.lm) args.push("-lm", config.lm);
      if (config.dict) args.push("-dict", config.dict);
      const stdout = await run(config.binary, args, signal);
      const segments = toLines(parseWords(stdout));
      return { text: segments.map((s) => s.text).join(" "), segments, engine: "offline", model };
    },
  };
}

function run(binary: string, args: string[], signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "ignore"], signal });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.on("error", (error) => reject(new TranscriptionError(`pocketsphinx could not run: ${error.message}`, true)));
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new TranscriptionError(`pocketsphinx stopped with exit code ${code}.`, true))));
  });
}

/**
 * pocketsphinx_continuous -time yes prints, per utterance, its hypothesis and then one line per
 * word: "<word> <start s> <end s> <confidence>". Fillers (<s>, </s>, <sil>, [NOISE], ++…++) are
 * not words; "word(2)" is the second pronunciation of "word".
 */
export function parseWords(output: string): Word[] {
  const words: Word[] = [];
  for (const line of output.split("\n")) {
    const fields = line.trim().split(/\s+/);
    if (fields.length !== 4) continue;
    const [token, start, end] = fields;
    const startS = Number(start);
    const endS = Number(end);
    if (!Number.isFinite(startS) || !Number.isFinite(endS) || !Number.isFinite(Number(fields[3]))) continue;
    if (/^(<.*>|\[.*\]|\+\+.*\+\+)$/.test(token)) continue;
    words.push({ text: token.replace(/\(\d+\)$/, ""), startMs: Math.round(startS * 1000), endMs: Math.round(endS * 1000) });
  }
  return words.sort((a, b) => a.startMs - b.startMs);
}

/** Words into lines: a new line after a pause, or when one is long enough. */
export function toLines(words: Word[]): TranscriptSegment[] {
  const lines: TranscriptSegment[] = [];
  let current: Word[] = [];
  const flush = () => {
    if (current.length === 0) return;
    lines.push({ startMs: current[0].startMs, endMs: current.at(-1)!.endMs, text: current.map((w) => w.text).join(" ") });
    current = [];
  };
  for (const word of words) {
    const last = current.at(-1);
    if (last && (word.startMs - last.endMs >= LINE_GAP_MS || current.length >= LINE_WORDS)) flush();
    current.push(word);
  }
  flush();
  return lines;
}
