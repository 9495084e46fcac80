// The offline engine's capacity: seconds of recorded speech transcribed per second of wall time on
// this machine, decoding included (a WebM/Opus take, as browsers upload, through ffmpeg and then
// pocketsphinx), one take at a time and as many at once as there are cores.
import { execFileSync } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const SENTENCES = [
  "the quick brown fox jumps over the lazy dog",
  "I led the migration of our billing system to a new database",
  "the hardest part was keeping every customer online while we moved",
  "we tested each step on a copy of the data before the real move",
  "in the end the move took one weekend and nobody noticed",
];

export async function benchTranscription({ takes = 8 } = {}) {
  const { decodeToWav } = await import("@/lib/transcription/decode");
  const { createOfflineEngine } = await import("@/lib/transcription/offline");
  const { offlineEngineConfig } = await import("@/lib/transcription/config");
  const engine = createOfflineEngine(offlineEngineConfig());
  const unavailable = await engine.unavailable();
  if (unavailable) throw new Error(`The offline engine cannot run here: ${unavailable}`);

  const dir = mkdtempSync(path.join(os.tmpdir(), "kairos-bench-transcribe-"));
  try {
    // One take of about 30 s of speech: the five sentences, twice, with flite's voice.
    const wav = path.join(dir, "speech.wav");
    execFileSync("flite", ["-voice", "slt", "-t", [...SENTENCES, ...SENTENCES].join(". "), "-o", wav]);
    const webm = path.join(dir, "take.webm");
    execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-i", wav, "-c:a", "libopus", "-b:a", "32k", webm]);

    const one = async (n: number) => {
      const work = mkdtempSync(path.join(dir, `take-${n}-`));
      const audio = await decodeToWav([async () => createReadStream(webm)], { dir: work, maxMs: 900_000 });
      const result = await engine.transcribe(audio, { language: "en" });
      return { audioMs: audio.durationMs, words: result.text.split(/\s+/).filter(Boolean).length };
    };
    const run = async (concurrency: number) => {
      const started = performance.now();
      let next = 0;
      let audioMs = 0;
      let words = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < takes) {
            const r = await one(next++);
            audioMs += r.audioMs;
            words += r.words;
          }
        }),
      );
      const wallS = (performance.now() - started) / 1000;
      return { concurrency, takes, audioS: audioMs / 1000, wallS, speed: audioMs / 1000 / wallS, words };
    };
    return { cores: os.availableParallelism(), serial: await run(1), parallel: await run(os.availableParallelism()) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
