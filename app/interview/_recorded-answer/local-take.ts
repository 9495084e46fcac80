import { WEBM_HEADER_BYTES, webmDurationPatch } from "@/lib/webm-duration";

/**
 * A take recorded in this browser, ready to play back from memory: a WebM gets the length measured
 * while recording written into its head (MediaRecorder leaves it out, and the player would show
 * 0:00 and refuse to seek). The bytes of the take itself are unchanged.
 */
export async function playableTake(blob: Blob, durationMs: number): Promise<Blob> {
  if (!/webm/i.test(blob.type)) return blob;
  try {
    const patch = webmDurationPatch(new Uint8Array(await blob.slice(0, WEBM_HEADER_BYTES).arrayBuffer()), durationMs);
    return patch ? new Blob([patch.head as BlobPart, blob.slice(patch.replaces)], { type: blob.type }) : blob;
  } catch {
    return blob;
  }
}

