// The speech-to-text engines behind one interface. This module knows audio files and text, never an
// interview: lib/interviews/transcripts decides what to transcribe and keeps the result.

/** A stretch of the audio and what was said in it; times in ms from the start of the audio. */
export interface TranscriptSegment {
  startMs: number;
  endMs: number;
  text: string;
}

export interface TranscriptResult {
  /** The whole transcript; "" when the audio holds no recognisable speech (not an error). */
  text: string;
  /** In order, within the audio. */
  segments: TranscriptSegment[];
  engine: EngineName;
  model: string;
}

/** The audio to transcribe: a 16 kHz mono 16-bit PCM WAV file (lib/transcription/decode.ts makes them). */
export interface AudioInput {
  wavPath: string;
  durationMs: number;
}

export interface TranscribeOptions {
  /** ISO 639-1, e.g. "en". */
  language: string;
  signal?: AbortSignal;
}

export type EngineName = "offline" | "openai";

export interface TranscriptionEngine {
  readonly name: EngineName;
  readonly model: string;
  /** Null when this process can run the engine; otherwise why not, in words for an operator. */
  unavailable(): Promise<string | null>;
  transcribe(audio: AudioInput, options: TranscribeOptions): Promise<TranscriptResult>;
}

/**
 * An attempt that did not produce a transcript. `retryable` says whether trying again later may
 * succeed (a timeout, a 429 or 5xx, a garbled answer) or not (the service refused the request or the
 * key); `retryAfterMs` is the service's own wait (Retry-After), when it gave one. The message is for
 * the review page and the logs: it never holds a key or a provider's response body.
 */
export class TranscriptionError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "TranscriptionError";
  }
}
