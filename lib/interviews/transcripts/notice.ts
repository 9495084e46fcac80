import { AnswerType } from "@/lib/generated/prisma/enums";
import { engineSetting, transcriptionProcessor } from "@/lib/transcription/config";

/**
 * What the consent step tells the candidate about transcripts, or null when nothing of theirs is
 * transcribed: no recorded question, the organisation switched it off, or the deployment's engine
 * is "none". It names the processor when the audio leaves this deployment (transcriptionProcessor).
 */
export function transcriptionNotice({ answerTypes, transcriptionEnabled }: { answerTypes: readonly AnswerType[]; transcriptionEnabled: boolean }): string | null {
  const recorded = answerTypes.some((type) => type === AnswerType.VIDEO || type === AnswerType.AUDIO);
  if (!recorded || !transcriptionEnabled || engineSetting() === "none") return null;
  const processor = transcriptionProcessor();
  const where = processor ? `by ${processor}` : "on Kairos's servers";
  return `Your recorded answers will be transcribed ${where} so the hiring team can read and search them; the transcript is never used to score you.`;
}
