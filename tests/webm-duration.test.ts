import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WEBM_HEADER_BYTES, webmDurationPatch } from "@/lib/webm-duration";

// Real files from Debian's ffmpeg: a live WebM (no Duration, no Cues, a SeekHead like ffmpeg's),
// and the same stream muxed as a file (with its Duration).
const dir = mkdtempSync(path.join(tmpdir(), "kairos-webm-"));
function webm(name: string, live: boolean): Buffer {
  const file = path.join(dir, name);
  execFileSync("ffmpeg", [
    ...["-y", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-f", "lavfi", "-i", "sine=sample_rate=48000", "-t", "3"],
    ...["-c:v", "libvpx", "-deadline", "realtime", "-c:a", "libopus", ...(live ? ["-live", "1"] : []), "-f", "webm", file],
  ]);
  return readFileSync(file);
}
function probedSeconds(bytes: Uint8Array): string {
  const file = path.join(dir, `probe-${Math.random()}.webm`);
  writeFileSync(file, bytes);
  return execFileSync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file]).toString().trim();
}
const patched = (file: Buffer, durationMs: number) => {
  const patch = webmDurationPatch(new Uint8Array(file.subarray(0, WEBM_HEADER_BYTES)), durationMs)!;
  return Buffer.concat([patch.head, file.subarray(patch.replaces)]);
};

describe("webmDurationPatch", () => {
  it("gives a live WebM the measured duration, and the file still decodes whole", () => {
    const live = webm("live.webm", true);
    expect(probedSeconds(live)).toBe("N/A");
    const fixed = patched(live, 3000);
    expect(Number(probedSeconds(fixed))).toBeCloseTo(3, 3);
    expect(fixed.length).toBe(live.length + 11);
    // Every frame is still there: ffmpeg reads the fixed file to the end without an error.
    const path_ = path.join(dir, "fixed.webm");
    writeFileSync(path_, fixed);
    expect(execFileSync("ffmpeg", ["-v", "error", "-i", path_, "-f", "null", "-"]).toString()).toBe("");
  });

  it("leaves alone a file that has a duration, is not WebM, or is cut before its Info", () => {
    const file = webm("file.webm", false);
    expect(webmDurationPatch(new Uint8Array(file.subarray(0, WEBM_HEADER_BYTES)), 3000)).toBeNull();
    expect(webmDurationPatch(new TextEncoder().encode("\0\0\0 ftypisom not a webm at all"), 3000)).toBeNull();
    expect(webmDurationPatch(new Uint8Array(webm("cut.webm", true).subarray(0, 60)), 3000)).toBeNull();
    expect(webmDurationPatch(new Uint8Array(webm("zero.webm", true).subarray(0, WEBM_HEADER_BYTES)), 0)).toBeNull();
  });
});
