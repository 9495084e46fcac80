import { openAsBlob } from "node:fs";
import { z } from "zod";
import type { HttpEngineConfig } from "./config";
import { TranscriptionError, type AudioInput, type TranscriptionEngine, type TranscriptResult, type TranscriptSegment } from "./engine";

// The OpenAI-compatible engine: one multipart POST to <url>/audio/transcriptions with verbose_json,
// the shape OpenAI (whisper-1), Groq and self-hosted faster-whisper (speaches) or whisper.cpp
// servers share. Errors say what an operator can do about them and carry at most the status code:
// a provider's body may echo the request, and the key never leaves the Authorization header.

/** A Retry-After beyond this is not believed: the queue should look again within the hour. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

const UNREADABLE = "The transcription service's answer could not be read.";

/** verbose_json as the services send it; fields this engine does not use are allowed and ignored. */
const answerSchema = z.object({
  text: z.string(),
  segments: z.array(z.object({ start: z.number(), end: z.number(), text: z.string() })).nullish(),
  /** Seconds of audio the service heard; only used when the caller did not know the length. */
  duration: z.number().nonnegative().optional().catch(undefined),
});

/** An OpenAI-compatible transcription service (POST <url>/audio/transcriptions, verbose_json). */
export function createHttpEngine(config: HttpEngineConfig): TranscriptionEngine {
  const endpoint = `${config.url.replace(/\/+$/, "")}/audio/transcriptions`;
  return {
    name: "openai",
    model: config.model,
    async unavailable() {
      try {
        const { protocol } = new URL(config.url);
        return protocol === "http:" || protocol === "https:" ? null : `TRANSCRIPTION_API_URL must be an http(s) URL, not ${protocol}.`;
      } catch {
        return "TRANSCRIPTION_API_URL is not a URL (e.g. https://api.openai.com/v1).";
      }
    },
    async transcribe(audio, { language, signal }) {
      const form = new FormData();
      form.append("file", await wavBlob(audio), "audio.wav");
      form.append("model", config.model);
      form.append("response_format", "verbose_json");
      form.append("timestamp_granularities[]", "segment");
      if (language) form.append("language", language);
      const headers: Record<string, string> = { accept: "application/json" };
      if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;

      const timeout = AbortSignal.timeout(config.timeoutMs);
      let body: string;
      try {
        // The signal also covers reading the body: a service that sends headers and then stalls times out too.
        const response = await fetch(endpoint, { method: "POST", body: form, headers, signal: signal ? AbortSignal.any([timeout, signal]) : timeout });
        if (!response.ok) {
          void response.body?.cancel().catch(() => undefined);
          throw statusError(response.status, retryAfter(response.headers), config.apiKey !== null);
        }
        body = await response.text();
      } catch (error) {
        if (error instanceof TranscriptionError) throw error;
        if (signal?.aborted) throw new TranscriptionError("The transcription was stopped before the service answered.", true);
        if (timeout.aborted) throw new TranscriptionError(`The transcription service did not answer within ${seconds(config.timeoutMs)} (TRANSCRIPTION_TIMEOUT_MS).`, true);
        throw new TranscriptionError(`The transcription service could not be reached (${errorCode(error)}).`, true);
      }
      return toResult(parseAnswer(body), audio.durationMs, config.model);
    },
  };
}

async function wavBlob(audio: AudioInput): Promise<Blob> {
  try {
    // Read from disk as the request is sent, rather than holding up to 15 minutes of PCM in memory.
    return await openAsBlob(audio.wavPath, { type: "audio/wav" });
  } catch (error) {
    throw new TranscriptionError(`The audio to transcribe could not be read (${errorCode(error)}).`, true);
  }
}

/** A non-2xx answer: the service's own trouble (408, 409, 429, 5xx) may pass; a refused request will not. */
function statusError(status: number, retryAfterMs: number | undefined, hasKey: boolean): TranscriptionError {
  if (status === 429) return new TranscriptionError("The transcription service is limiting requests (429).", true, retryAfterMs);
  if (status === 408 || status === 409 || status >= 500 || status < 400) {
    return new TranscriptionError(`The transcription service could not transcribe this time (${status}).`, true, retryAfterMs);
  }
  switch (status) {
    case 401:
    case 403:
      return new TranscriptionError(
        hasKey ? `The transcription service refused the API key (${status}).` : `The transcription service wants an API key (${status}): set TRANSCRIPTION_API_KEY.`,
        false,
      );
    case 404:
      return new TranscriptionError("The transcription service has no such endpoint or model (404): check TRANSCRIPTION_API_URL and TRANSCRIPTION_MODEL.", false);
    case 413:
      return new TranscriptionError("The recording is larger than the transcription service accepts (413): lower TRANSCRIPTION_MAX_SECONDS.", false);
    case 415:
      return new TranscriptionError("The transcription service does not accept WAV audio (415).", false);
    case 400:
    case 422:
      return new TranscriptionError(
        `The transcription service rejected the request (${status}): check that TRANSCRIPTION_MODEL supports verbose_json and TRANSCRIPTION_LANGUAGE is a language it knows.`,
        false,
      );
    default:
      return new TranscriptionError(`The transcription service rejected the request (${status}).`, false);
  }
}

/**
 * The service's wait, in ms: retry-after-ms (OpenAI) or Retry-After as seconds or an HTTP date,
 * at most MAX_RETRY_AFTER_MS; undefined when absent or unreadable.
 */
export function retryAfter(headers: Headers, nowMs = Date.now()): number | undefined {
  const bound = (ms: number) => Math.min(Math.max(0, Math.round(ms)), MAX_RETRY_AFTER_MS);
  const ms = headers.get("retry-after-ms")?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return bound(Number(ms));
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return bound(Number(value) * 1000);
  // An HTTP date names its day and month; Date.parse would also take "-5" (the year -5).
  const at = /^[A-Za-z]{3}, /.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? undefined : bound(at - nowMs);
}

function parseAnswer(body: string): z.infer<typeof answerSchema> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new TranscriptionError(UNREADABLE, true);
  }
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success) throw new TranscriptionError(UNREADABLE, true);
  return parsed.data;
}

/** Seconds → ms within the audio, in order, without empty lines; text-only answers get one line over the whole audio. */
export function toResult(answer: z.infer<typeof answerSchema>, durationMs: number, model: string): TranscriptResult {
  const knownMs = Number.isFinite(durationMs) && durationMs > 0 ? durationMs : answer.duration !== undefined ? Math.round(answer.duration * 1000) : null;
  const clamp = (ms: number) => Math.min(Math.max(0, ms), knownMs ?? Number.POSITIVE_INFINITY);
  let segments: TranscriptSegment[] = (answer.segments ?? [])
    .map((s) => {
      const startMs = clamp(Math.round(s.start * 1000));
      return { startMs, endMs: Math.max(startMs, clamp(Math.round(s.end * 1000))), text: s.text.trim() };
    })
    .filter((s) => s.text !== "")
    .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const text = answer.text.trim() || segments.map((s) => s.text).join(" ");
  if (segments.length === 0 && text !== "") segments = [{ startMs: 0, endMs: knownMs ?? 0, text }];
  return { text, segments, engine: "openai", model };
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** ECONNREFUSED, ENOTFOUND, …: fetch's TypeError("fetch failed") keeps the system error as its cause. */
function errorCode(error: unknown): string {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Z0-9_]+$/.test(code)) return code;
  }
  return error instanceof Error ? error.name : "unknown error";
}
