/** "video": camera and microphone; "audio": microphone only. */
export type DeviceNeeds = "video" | "audio";

/** What an interview needs from the candidate's devices, from its questions' answer types; null for text only. */
export function deviceNeeds(answerTypes: readonly string[]): DeviceNeeds | null {
  if (answerTypes.includes("VIDEO")) return "video";
  if (answerTypes.includes("AUDIO")) return "audio";
  return null;
}
