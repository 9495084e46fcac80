import type { EngineName } from "./engine";

// The deployment's transcription settings, from the environment (README, "Transcripts").

export type EngineSetting = EngineName | "none";

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** TRANSCRIPTION_ENGINE: "offline" (the default: pocketsphinx on this host), "openai" (an OpenAI-compatible service) or "none". */
export function engineSetting(): EngineSetting {
  const value = (process.env.TRANSCRIPTION_ENGINE ?? "").trim().toLowerCase();
  if (value === "none" || value === "off") return "none";
  if (value === "openai" || value === "http") return "openai";
  return "offline";
}

export interface HttpEngineConfig {
  /** The API's base URL, e.g. https://api.openai.com/v1; requests go to <url>/audio/transcriptions. */
  url: string;
  apiKey: string | null;
  model: string;
  timeoutMs: number;
}

/** The OpenAI-compatible engine's settings (TRANSCRIPTION_API_URL, _API_KEY, _MODEL, _TIMEOUT_MS). */
export function httpEngineConfig(): HttpEngineConfig {
  return {
    url: (process.env.TRANSCRIPTION_API_URL || "https://api.openai.com/v1").replace(/\/+$/, ""),
    apiKey: process.env.TRANSCRIPTION_API_KEY || null,
    model: process.env.TRANSCRIPTION_MODEL || "whisper-1",
    timeoutMs: positive(process.env.TRANSCRIPTION_TIMEOUT_MS, 120_000),
  };
}

/** The offline engine's model files (POCKETSPHINX_HMM, _LM, _DICT); unset: the pocketsphinx-en-us package's. */
export function offlineEngineConfig() {
  return {
    binary: process.env.POCKETSPHINX_BIN || "pocketsphinx_continuous",
    hmm: process.env.POCKETSPHINX_HMM || null,
    lm: process.env.POCKETSPHINX_LM || null,
    dict: process.env.POCKETSPHINX_DICT || null,
  };
}

/** The language answers are spoken in, as ISO 639-1 (TRANSCRIPTION_LANGUAGE, default "en"; the offline model is US English). */
export function transcriptionLanguage(): string {
  return (process.env.TRANSCRIPTION_LANGUAGE || "en").trim().toLowerCase();
}

/** How much of one take is transcribed (TRANSCRIPTION_MAX_SECONDS, default 900): a long recording cannot hold a worker for hours. */
export function maxAudioSeconds(): number {
  return positive(process.env.TRANSCRIPTION_MAX_SECONDS, 900);
}

/** How many takes one process transcribes at once (TRANSCRIPTION_CONCURRENCY, default 1: the offline engine keeps a core busy). */
export function transcriptionConcurrency(): number {
  return Math.floor(positive(process.env.TRANSCRIPTION_CONCURRENCY, 1));
}

/**
 * Who hears the candidates' recorded answers, as the consent step names it: null when they stay on
 * this deployment's servers (the offline engine, or an OpenAI-compatible server the operator runs
 * and says so with TRANSCRIPTION_PROCESSOR=self-hosted); otherwise the processor's name
 * (TRANSCRIPTION_PROCESSOR, else the API's host name).
 */
export function transcriptionProcessor(): string | null {
  if (engineSetting() !== "openai") return null;
  const named = process.env.TRANSCRIPTION_PROCESSOR?.trim();
  if (named) return named.toLowerCase() === "self-hosted" ? null : named;
  try {
    return new URL(httpEngineConfig().url).hostname;
  } catch {
    return "an external transcription service";
  }
}
