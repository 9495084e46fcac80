import { engineSetting, httpEngineConfig, offlineEngineConfig } from "./config";
import type { TranscriptionEngine } from "./engine";
import { createHttpEngine } from "./openai";
import { createOfflineEngine } from "./offline";

export { TranscriptionError, type AudioInput, type TranscriptionEngine, type TranscriptResult, type TranscriptSegment } from "./engine";

let fromEnv: TranscriptionEngine | null | undefined;
let override: TranscriptionEngine | null | undefined;

/** The deployment's engine (TRANSCRIPTION_ENGINE), or null when transcription is off ("none"). */
export function transcriptionEngine(): TranscriptionEngine | null {
  if (override !== undefined) return override;
  if (fromEnv === undefined) {
    const setting = engineSetting();
    fromEnv = setting === "none" ? null : setting === "openai" ? createHttpEngine(httpEngineConfig()) : createOfflineEngine(offlineEngineConfig());
  }
  return fromEnv;
}

/** Tests only: use `engine` (null: none) instead of the configured one; undefined goes back to the environment (read afresh). */
export function setTranscriptionEngine(engine: TranscriptionEngine | null | undefined): void {
  override = engine;
  fromEnv = undefined;
}
