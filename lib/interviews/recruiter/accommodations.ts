import "server-only";
import { db } from "@/lib/db";
import { FieldError, StateError } from "@/lib/errors";
import { InterviewStatus } from "@/lib/generated/prisma/enums";
import { EXTRA_RETAKES_MAX, EXTRA_TIME_PERCENT_MAX } from "@/lib/limits";
import { actorOf, recordEvent } from "../audit";
import { statusIn, withInterviewLock } from "../model/guard";
import { statusInSentence } from "../model/status";
import type { Manager } from "./manager";

export interface AccommodationsInput {
  /** Added to every question's preparation and answer time, in percent (0–200). */
  extraTimePercent: number;
  /** Added to every recorded question's retakes (0–5). */
  extraRetakes: number;
}

function checkBounds(input: AccommodationsInput) {
  const { extraTimePercent: time, extraRetakes: retakes } = input;
  if (!Number.isInteger(time) || time < 0 || time > EXTRA_TIME_PERCENT_MAX) {
    throw new FieldError("extraTimePercent", `Enter a whole percentage from 0 to ${EXTRA_TIME_PERCENT_MAX}.`);
  }
  if (!Number.isInteger(retakes) || retakes < 0 || retakes > EXTRA_RETAKES_MAX) {
    throw new FieldError("extraRetakes", `Enter a number of retakes from 0 to ${EXTRA_RETAKES_MAX}.`);
  }
}

const beforeStart = statusIn(
  [InterviewStatus.SCHEDULED],
  (status) =>
    new StateError(
      status === InterviewStatus.IN_PROGRESS
        ? "The candidate has started this interview, so its accommodations can no longer be changed."
        : `This interview is ${statusInSentence(status)}, so its accommodations can no longer be changed.`,
    ),
);

/**
 * Sets an interview's accommodations (extra time, extra retakes). Only before the start: the
 * interview snapshots them into its questions when the candidate starts, so a change afterwards
 * could not apply. Holds the row lock, so a start and a change never interleave.
 */
export async function setAccommodations(by: Manager, interviewId: string, input: AccommodationsInput): Promise<void> {
  checkBounds(input);
  await withInterviewLock(interviewId, { organizationId: by.organizationId }, beforeStart, async (tx, _interview, at) => {
    await tx.interview.update({ where: { id: interviewId }, data: { extraTimePercent: input.extraTimePercent, extraRetakes: input.extraRetakes } });
    await recordEvent(tx, {
      organizationId: by.organizationId,
      interviewId,
      actor: actorOf(by),
      type: "accommodations.set",
      data: { extraTimePercent: input.extraTimePercent, extraRetakes: input.extraRetakes },
      at,
    });
  });
}

/** What the interview's Accommodations card shows, or null when the interview is not this organisation's. */
export async function findAccommodations(organizationId: string, interviewId: string) {
  const prisma = await db();
  const interview = await prisma.interview.findFirst({
    where: { id: interviewId, organizationId },
    select: { status: true, extraTimePercent: true, extraRetakes: true, accommodationRequest: true, accommodationRequestedAt: true },
  });
  if (!interview) return null;
  return { ...interview, editable: interview.status === InterviewStatus.SCHEDULED };
}
