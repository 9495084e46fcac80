import { AnswerType } from "@/lib/generated/prisma/enums";
import { UPLOAD_GRACE_SECONDS } from "./progress";

/** One chunk is about a second of MediaRecorder output; 5 MB leaves room for any sane bitrate. */
export const CHUNK_MAX_BYTES = 5 * 1024 * 1024;
/** An hour of one-second chunks: far beyond any question's answer time. */
export const MAX_CHUNK_SEQ = 3600;
/** Above what browsers record by default (video ≈ 2.5 Mbit/s, Opus ≈ 128 kbit/s): 8 Mbit/s and 512 kbit/s. */
const BYTES_PER_SECOND: Record<Exclude<AnswerType, "TEXT">, number> = { VIDEO: 1_000_000, AUDIO: 64_000 };
const CONTENT_TYPES: Record<Exclude<AnswerType, "TEXT">, RegExp> = {
  VIDEO: /^video\/(webm|mp4)(;\s*codecs="?[\w.,\s-]+"?)?$/i,
  AUDIO: /^audio\/(webm|ogg|mp4)(;\s*codecs="?[\w.,\s-]+"?)?$/i,
};

/** "video/webm" of "video/webm;codecs=vp8,opus". */
export const baseContentType = (contentType: string) => contentType.split(";")[0]!.trim().toLowerCase();

/** Whether a recorded answer of this type may be stored with this content type. */
export function acceptsContentType(answerType: AnswerType, contentType: string): boolean {
  return answerType !== AnswerType.TEXT && CONTENT_TYPES[answerType].test(contentType.trim());
}

/** The most a take of this answer may weigh, all its segments together. */
export function maxTakeBytes(answer: { answerType: AnswerType; answerSeconds: number }): number {
  if (answer.answerType === AnswerType.TEXT) return 0;
  return (answer.answerSeconds + UPLOAD_GRACE_SECONDS) * BYTES_PER_SECOND[answer.answerType];
}
