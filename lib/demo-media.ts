import "server-only";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// Short spoken answers for the demo history, made at seed time by ffmpeg (Debian's `ffmpeg`
// package: its flite source speaks, libvpx and libopus encode WebM as browsers record it). Nothing
// ships in the repository, and without ffmpeg the demo history is seeded with text answers only.

const run = promisify(execFile);

/** A recorded answer as a browser would upload it: WebM bytes, their type and their length. */
export interface DemoClip {
  bytes: Uint8Array;
  contentType: string;
  seconds: number;
}

/** Whether `ffmpeg` (and its `ffprobe`) can be run; the demo's recordings need both. */
export async function ffmpegAvailable(): Promise<boolean> {
  try {
    await Promise.all([run("ffmpeg", ["-version"]), run("ffprobe", ["-version"])]);
    return true;
  } catch {
    return false;
  }
}

/** Some of flite's voices (slt is female; rms, awb and kal16 are male): enough to tell candidates apart. */
export type Voice = "slt" | "rms" | "awb" | "kal16";

/**
 * `text` spoken by `voice`, as WebM: audio only (Opus), or video (VP8, the voice's waveform over a
 * slowly moving gradient, 320×240 at 15 fps — small, like a low-bitrate webcam take) with the audio.
 */
export async function spokenClip(kind: "VIDEO" | "AUDIO", text: string, voice: Voice): Promise<DemoClip> {
  const dir = await mkdtemp(path.join(tmpdir(), "kairos-demo-"));
  try {
    const textFile = path.join(dir, "answer.txt");
    const out = path.join(dir, kind === "VIDEO" ? "answer.webm" : "answer.weba");
    await writeFile(textFile, text);
    // The text goes in a file: a filter graph would need every comma and apostrophe escaped.
    const speech = `flite=textfile=${textFile}:voice=${voice}`;
    const audio = ["-c:a", "libopus", "-b:a", "32k"];
    // One thread each: the clips are made side by side, and a spare core is rare on a first run.
    const output = ["-threads", "1", "-f", "webm", out];
    const args =
      kind === "VIDEO"
        ? [
            "-f", "lavfi", "-i", speech,
            "-f", "lavfi", "-i", "gradients=s=320x240:r=15:c0=0x312e81:c1=0x0f766e:x0=0:y0=0:x1=320:y1=240:speed=0.01",
            "-filter_complex",
            // Both layers in YUV before the overlay: converting every frame from RGB there doubles the CPU.
            "[0:a]aresample=48000,asplit[voice][wave];[wave]showwaves=s=320x100:mode=cline:rate=15:colors=0xe0e7ff,format=yuva420p[w];" +
              "[1:v]format=yuv420p[g];[g][w]overlay=0:140:shortest=1:format=yuv420[v]",
            "-map", "[v]", "-map", "[voice]",
            "-c:v", "libvpx", "-b:v", "160k", "-deadline", "realtime", "-cpu-used", "8",
            ...audio, ...output,
          ]
        : ["-f", "lavfi", "-i", speech, "-af", "aresample=48000", ...audio, ...output];
    await run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-filter_threads", "1", "-filter_complex_threads", "1", ...args]);
    const { stdout } = await run("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", out]);
    return {
      bytes: new Uint8Array(await readFile(out)),
      contentType: kind === "VIDEO" ? "video/webm;codecs=vp8,opus" : "audio/webm;codecs=opus",
      seconds: Number.parseFloat(stdout) || 0,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
