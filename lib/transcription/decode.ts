import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { TranscriptionError } from "./engine";
import { executableExists } from "./which";

// Recorded media → the audio every engine takes: 16 kHz mono 16-bit PCM WAV, made by ffmpeg.

const FFMPEG = () => process.env.FFMPEG_BIN || "ffmpeg";
const BYTES_PER_MS = (16_000 * 2) / 1000;

/** Null when ffmpeg can be started here; otherwise why not. */
export async function decoderUnavailable(): Promise<string | null> {
  return (await executableExists(FFMPEG())) ? null : "ffmpeg is not installed on this host (Debian: apt-get install ffmpeg).";
}

export interface DecodedAudio {
  wavPath: string;
  durationMs: number;
  /** Where each input starts in the audio, and how long it lasted there. */
  parts: Array<{ offsetMs: number; durationMs: number }>;
}

/**
 * Decodes the inputs one after another (each a complete media file, such as a WebM take's chunks
 * in order) into one WAV in `dir`, keeping at most `maxMs` of audio in all; inputs past that are
 * left out. An input ffmpeg cannot read throws a TranscriptionError that is not retryable.
 */
export async function decodeToWav(inputs: Array<() => Promise<Readable>>, { dir, maxMs, signal }: { dir: string; maxMs: number; signal?: AbortSignal }): Promise<DecodedAudio> {
  const rawPath = path.join(dir, "audio.pcm");
  const wavPath = path.join(dir, "audio.wav");
  const parts: DecodedAudio["parts"] = [];
  let totalMs = 0;
  for (const open of inputs) {
    const remainingMs = maxMs - totalMs;
    if (remainingMs <= 0) break;
    const before = await sizeOf(rawPath);
    await runFfmpeg(
      ["-i", "pipe:0", "-t", (remainingMs / 1000).toFixed(3), "-vn", "-ac", "1", "-ar", "16000", "-f", "s16le", "pipe:1"],
      { input: await open(), output: rawPath, signal },
    );
    const durationMs = Math.floor(((await sizeOf(rawPath)) - before) / BYTES_PER_MS);
    parts.push({ offsetMs: totalMs, durationMs });
    totalMs += durationMs;
  }
  if (totalMs === 0) {
    // Nothing decodable came out (an empty take): an empty WAV still makes a valid, silent input.
    await pipeline(Readable.from([]), createWriteStream(rawPath, { flags: "a" }));
  }
  await runFfmpeg(["-f", "s16le", "-ar", "16000", "-ac", "1", "-i", rawPath, "-y", wavPath], { signal });
  return { wavPath, durationMs: totalMs, parts };
}

/**
 * The WAV as FLAC beside it: lossless, and about half the bytes, which keeps a 15-minute take under
 * hosted services' upload limits (OpenAI's is 25 MB; the WAV would be 29 MB).
 */
export async function wavToFlac(wavPath: string, signal?: AbortSignal): Promise<string> {
  const flacPath = wavPath.replace(/\.wav$/, "") + ".flac";
  await runFfmpeg(["-i", wavPath, "-c:a", "flac", "-y", flacPath], { signal });
  return flacPath;
}

async function sizeOf(file: string): Promise<number> {
  return stat(file).then((s) => s.size, () => 0);
}

/** Runs ffmpeg quietly; `input` is piped to its stdin and its stdout appended to `output`. */
function runFfmpeg(args: string[], { input, output, signal }: { input?: Readable; output?: string; signal?: AbortSignal }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(FFMPEG(), ["-hide_banner", "-loglevel", "error", "-nostdin", ...args], {
      stdio: [input ? "pipe" : "ignore", output ? "pipe" : "ignore", "pipe"],
      signal,
    });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => {
      if (stderr.length < 2000) stderr += d.toString();
    });
    const writing = output ? pipeline(child.stdout!, createWriteStream(output, { flags: "a" })) : Promise.resolve();
    if (input) {
      // ffmpeg stops reading once it has `-t` of audio: the rest of the input is not wanted.
      child.stdin!.on("error", () => undefined);
      input.on("error", (error) => child.kill() && reject(new TranscriptionError(`The recording could not be read: ${error.message}`, true)));
      input.pipe(child.stdin!);
    }
    child.on("error", (error) => reject(new TranscriptionError(`ffmpeg could not run: ${error.message}`, true)));
    child.on("close", (code) => {
      writing.then(
        () => (code === 0 ? resolve() : reject(new TranscriptionError(`The recording could not be decoded (ffmpeg: ${stderr.trim().split("\n").at(-1) ?? `exit ${code}`}).`, false))),
        (error: Error) => reject(new TranscriptionError(`The decoded audio could not be written: ${error.message}`, true)),
      );
    });
  });
}
