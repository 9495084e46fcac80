import "server-only";
import { db } from "@/lib/db";
import { timeUsedSeconds } from "../model/progress";
import { keptSegments, REVIEWED_ANSWER } from "../review/find-review";
import { captionedRecordings, transcriptParts, transcriptSegments } from "../transcripts/reading";
import type { ShareAccess } from "./open";

/** "Amara Okafor" → "A. O.": who the candidate is, in blind mode, without their name. */
export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => Array.from(word)[0]!.toLocaleUpperCase());
  return letters.length > 0 ? `${letters.slice(0, 3).join(". ")}.` : "–";
}

/**
 * What a share link's page shows: the chosen answers only, in order, with their kept recordings'
 * ids (streamed through the link's own media route) and whether each has captions. In blind mode the candidate's name is never
 * read into the result (only its initials), so no page, payload or URL can carry it; their email,
 * phone and ids are never read at all.
 */
export async function findSharedInterview(access: ShareAccess) {
  const prisma = await db();
  const interview = await prisma.interview.findFirst({
    where: { id: access.interviewId, organizationId: access.organizationId },
    select: {
      completedAt: true,
      organization: { select: { name: true } },
      candidate: { select: { name: true } },
      job: { select: { title: true } },
      answers: {
        where: { id: { in: access.answerIds } },
        orderBy: { position: "asc" },
        select: {
          ...REVIEWED_ANSWER,
          recordings: keptSegments({ id: true, segment: true, durationMs: true }),
          transcript: { select: { status: true, segments: true, parts: true } },
        },
      },
      _count: { select: { answers: true } },
    },
  });
  if (!interview) return null;
  return {
    organizationName: interview.organization.name,
    jobTitle: interview.job.title,
    blind: access.blind,
    candidate: access.blind ? initials(interview.candidate.name) : interview.candidate.name,
    completedAt: interview.completedAt,
    expiresAt: access.expiresAt,
    questionTotal: interview._count.answers,
    answers: interview.answers.map((answer) => {
      // Captions from the transcript, through the link's own route (only the transcript's timing and words; no engine, no status).
      const captioned = answer.transcript && captionedRecordings({ status: answer.transcript.status, segments: transcriptSegments(answer.transcript.segments), parts: transcriptParts(answer.transcript.parts) });
      return {
      id: answer.id,
      number: answer.position + 1,
      prompt: answer.prompt,
      answerType: answer.answerType,
      text: answer.text,
      answerSeconds: answer.answerSeconds,
      timeUsedSeconds: timeUsedSeconds(answer),
      recordings: answer.recordings.map((recording) => ({ ...recording, captions: captioned?.has(recording.id) ?? false })),
      };
    }),
  };
}

export type SharedInterview = NonNullable<Awaited<ReturnType<typeof findSharedInterview>>>;
