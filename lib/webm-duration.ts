// A WebM written by MediaRecorder (or any live muxer) has no Duration: it was unknown while it was
// written. Players then show 0:00 or "Infinity", learn the length only by reading to the end, and
// will not seek before that. This writes the Duration into the file's Info element, given its
// header bytes and the length measured when the take finished. Pure (bytes in, bytes out), so the
// candidate's page patches its local take and the server patches what it streams, alike.
//
// Libraries do this for a whole Blob in the browser (fix-webm-duration) or parse every cluster
// (ts-ebml); the server streams stored chunks with Range, so it needs a patch of the first bytes
// only and the exact number of bytes it adds.

const EBML_ID = 0x1a45dfa3;
const SEGMENT_ID = 0x18538067;
const SEEK_HEAD_ID = 0x114d9b74;
const SEEK_ID = 0x4dbb;
const SEEK_POSITION_ID = 0x53ac;
const INFO_ID = 0x1549a966;
const TIMECODE_SCALE_ID = 0x2ad7b1;
const DURATION_ID = 0x4489;
const CLUSTER_ID = 0x1f43b675;

/** How many of a recording's first bytes to read: the EBML header, the SeekHead and Info come long before that. */
export const WEBM_HEADER_BYTES = 4096;

type Vint = { value: number; length: number; unknown: boolean };

function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): Vint | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i]!;
    if (bytes[at + i] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

type Element = { id: number; start: number; dataStart: number; end: number; unknownSize: boolean };

function readElement(bytes: Uint8Array, at: number): Element | null {
  const id = readVint(bytes, at, true);
  if (!id) return null;
  const size = readVint(bytes, at + id.length, false);
  if (!size) return null;
  const dataStart = at + id.length + size.length;
  return { id: id.value, start: at, dataStart, end: size.unknown ? Infinity : dataStart + size.value, unknownSize: size.unknown };
}

function children(bytes: Uint8Array, parent: Element): Element[] {
  const found: Element[] = [];
  for (let at = parent.dataStart; at < Math.min(parent.end, bytes.length); ) {
    const child = readElement(bytes, at);
    if (!child || child.unknownSize || child.end > bytes.length) break;
    found.push(child);
    at = child.end;
  }
  return found;
}

function readUint(bytes: Uint8Array, element: Element): number {
  let value = 0;
  for (let i = element.dataStart; i < element.end; i++) value = value * 256 + bytes[i]!;
  return value;
}

/** An element's size as an EBML vint of exactly `length` bytes, or null when it does not fit. */
function sizeVint(size: number, length: number): Uint8Array | null {
  if (size >= 2 ** (7 * length) - 1) return null;
  const out = new Uint8Array(length);
  let rest = size;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  out[0]! |= 0x80 >> (length - 1);
  return out;
}

export type DurationPatch = {
  /** Replaces the first `replaces` bytes of the recording. */
  head: Uint8Array;
  replaces: number;
};

/**
 * The patch that gives a WebM without a Duration the one measured (`durationMs`), from its first
 * bytes (at least through its Info element; WEBM_HEADER_BYTES is plenty). Null when there is
 * nothing to do or nothing safe to do: not WebM, a Duration already there, a layout this does not
 * know. Positions a SeekHead gives after the Info are moved along with it.
 */
export function webmDurationPatch(first: Uint8Array, durationMs: number): DurationPatch | null {
  if (!(durationMs > 0)) return null;
  const ebml = readElement(first, 0);
  if (!ebml || ebml.id !== EBML_ID || ebml.unknownSize) return null;
  const segment = readElement(first, ebml.end);
  if (!segment || segment.id !== SEGMENT_ID) return null;
  const top = children(first, segment);
  const info = top.find((e) => e.id === INFO_ID);
  if (!info || top.some((e) => e.id === CLUSTER_ID && e.start < info.start)) return null;
  const fields = children(first, info);
  if (fields.some((e) => e.id === DURATION_ID)) return null;
  const scaleElement = fields.find((e) => e.id === TIMECODE_SCALE_ID);
  const timecodeScale = scaleElement ? readUint(first, scaleElement) : 1_000_000;
  if (!(timecodeScale > 0)) return null;

  // Duration: a float in timecode units. 0x88 = an 8-byte size.
  const duration = new Uint8Array(11);
  duration.set([0x44, 0x89, 0x88]);
  new DataView(duration.buffer).setFloat64(3, (durationMs * 1_000_000) / timecodeScale);
  const infoIdLength = readVint(first, info.start, true)!.length;
  const infoSizeLength = info.dataStart - info.start - infoIdLength;
  const newInfoSize = sizeVint(info.end - info.dataStart + duration.length, infoSizeLength) ?? sizeVint(info.end - info.dataStart + duration.length, 8);
  if (!newInfoSize) return null;
  const added = duration.length + newInfoSize.length - infoSizeLength;

  // A Segment of known size grows by what is added (MediaRecorder's is of unknown size).
  const parts: Uint8Array[] = [first.subarray(0, ebml.end)];
  const segmentIdLength = readVint(first, segment.start, true)!.length;
  const segmentSizeLength = segment.dataStart - segment.start - segmentIdLength;
  if (segment.unknownSize) parts.push(first.subarray(segment.start, segment.dataStart));
  else {
    const grown = sizeVint(segment.end - segment.dataStart + added, segmentSizeLength);
    if (!grown) return null;
    parts.push(first.subarray(segment.start, segment.start + segmentIdLength), grown);
  }

  // What comes between the Segment's start and the Info: a SeekHead's positions (relative to the
  // Segment's data) of anything after the Info move by `added`, each in the bytes it has.
  const before = first.slice(segment.dataStart, info.start);
  for (const seekHead of top.filter((e) => e.id === SEEK_HEAD_ID)) {
    if (seekHead.start > info.start) return null;
    for (const seek of children(first, seekHead).filter((e) => e.id === SEEK_ID)) {
      const position = children(first, seek).find((e) => e.id === SEEK_POSITION_ID);
      if (!position) continue;
      const value = readUint(first, position);
      if (value <= info.start - segment.dataStart) continue;
      let next = value + added;
      for (let i = position.end - 1; i >= position.dataStart; i--) {
        before[i - segment.dataStart] = next % 256;
        next = Math.floor(next / 256);
      }
      if (next > 0) return null;
    }
  }
  parts.push(before, first.subarray(info.start, info.start + infoIdLength), newInfoSize, first.subarray(info.dataStart, info.end), duration);

  const head = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    head.set(part, at);
    at += part.length;
  }
  return { head, replaces: info.end };
}
