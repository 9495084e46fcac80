import type { HttpEngineConfig } from "./config";
import { TranscriptionError, type TranscriptionEngine } from "./engine";

/** An OpenAI-compatible transcription service (POST <url>/audio/transcriptions, verbose_json). */
export function createHttpEngine(config: HttpEngineConfig): TranscriptionEngine {
  return {
    name: "openai",
    model: config.model,
    unavailable: async () => null,
    transcribe: async () => {
      throw new TranscriptionError("The OpenAI-compatible engine is not written yet.", false);
    },
  };
}
