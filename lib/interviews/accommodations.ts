import "server-only";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/email/outbox";
import { FieldError, StateError } from "@/lib/errors";
import { lockInterview } from "@/lib/interviews/lock";
import { ActorType, EmailKind, InterviewStatus } from "@/lib/generated/prisma/enums";
import { recordEvent } from "./audit";
import { interviewDashboardUrl } from "./emails";
import type { Manager } from "./manage";
import { CandidateRequestError, notifyRecipients, requestRecipients } from "./requests";
import { STATUS_LABELS } from "./status";
import { windowPosition } from "./window";

export const EXTRA_TIME_PERCENT_MAX = 200;
export const EXTRA_RETAKES_MAX = 5;
export const ACCOMMODATION_MESSAGE_MAX = 2000;
/** A candidate may ask again (they may have forgotten something), but not flood the recruiter's inbox. */
export const ACCOMMODATION_REQUESTS_MAX = 3;
export const ACCOMMODATION_REQUEST_INTERVAL_MINUTES = 10;

const REQUESTED = "accommodation.requested";

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

/**
 * Sets an interview's accommodations (extra time, extra retakes). Only before the start: the
 * interview snapshots them into its questions when the candidate starts, so a change afterwards
 * could not apply. Holds the row lock, so a start and a change never interleave.
 */
export async function setAccommodations(by: Manager, interviewId: string, input: AccommodationsInput, at = clockNow()): Promise<void> {
  checkBounds(input);
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    await lockInterview(tx, interviewId, by.organizationId);
    const { status } = await tx.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { status: true } });
    if (status !== InterviewStatus.SCHEDULED) {
      throw new StateError(
        status === InterviewStatus.IN_PROGRESS
          ? "The candidate has started this interview, so its accommodations can no longer be changed."
          : `This interview is ${STATUS_LABELS[status].toLowerCase()}, so its accommodations can no longer be changed.`,
      );
    }
    await tx.interview.update({ where: { id: interviewId }, data: { extraTimePercent: input.extraTimePercent, extraRetakes: input.extraRetakes } });
    await recordEvent(tx, {
      organizationId: by.organizationId,
      interviewId,
      actor: { type: ActorType.USER, id: by.userId },
      type: "accommodations.set",
      data: { extraTimePercent: input.extraTimePercent, extraRetakes: input.extraRetakes },
      at,
    });
  });
}

/**
 * From the lobby: the candidate asks for an accommodation in their own words; the recruiter is
 * emailed. Allowed until the join window closes, at most ACCOMMODATION_REQUESTS_MAX times and
 * ACCOMMODATION_REQUEST_INTERVAL_MINUTES apart. `interviewId` must come from the candidate's
 * resolved key, never from the request. Returns how many more requests are allowed.
 */
export async function requestAccommodation(interviewId: string, rawMessage: string, at = clockNow()): Promise<{ requestsLeft: number }> {
  const message = rawMessage.trim();
  if (message.length === 0) throw new FieldError("message", "Tell the recruiter what would help you.");
  if (message.length > ACCOMMODATION_MESSAGE_MAX) throw new FieldError("message", `Use at most ${ACCOMMODATION_MESSAGE_MAX.toLocaleString("en-US")} characters.`);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await lockInterview(tx, interviewId);
    const interview = await tx.interview.findUniqueOrThrow({
      where: { id: interviewId },
      select: {
        organizationId: true,
        status: true,
        scheduledAt: true,
        opensMinutesBefore: true,
        closesMinutesAfter: true,
        candidateTimeZone: true,
        accommodationRequestedAt: true,
        candidate: { select: { name: true, email: true } },
        job: { select: { title: true } },
      },
    });
    if (interview.status !== InterviewStatus.SCHEDULED || windowPosition(interview, at) === "closed") throw new CandidateRequestError("not_open");
    const earlier = await tx.auditEvent.count({ where: { interviewId, type: REQUESTED } });
    if (earlier >= ACCOMMODATION_REQUESTS_MAX) throw new CandidateRequestError("too_many");
    if (interview.accommodationRequestedAt) {
      const waitMs = interview.accommodationRequestedAt.getTime() + ACCOMMODATION_REQUEST_INTERVAL_MINUTES * 60_000 - at.getTime();
      if (waitMs > 0) throw new CandidateRequestError("too_soon", Math.ceil(waitMs / 60_000));
    }
    await tx.interview.update({ where: { id: interviewId }, data: { accommodationRequest: message, accommodationRequestedAt: at } });
    // The words stay on the interview (and go out in the email); the audit trail, which outlives
    // the interview's content, keeps only that a request was made.
    await recordEvent(tx, { organizationId: interview.organizationId, interviewId, actor: { type: ActorType.CANDIDATE }, type: REQUESTED, data: { characters: message.length }, at });
    await notifyRecipients(
      tx,
      { organizationId: interview.organizationId, interviewId, kind: EmailKind.ACCOMMODATION_REQUESTED },
      await requestRecipients(tx, interviewId),
      (recipient) => ({
        template: "accommodation-requested",
        props: {
          recruiterName: recipient.name,
          recipientRole: recipient.role,
          candidateName: interview.candidate.name,
          candidateEmail: interview.candidate.email,
          jobTitle: interview.job.title,
          startsAt: interview.scheduledAt.toISOString(),
          timeZone: interview.candidateTimeZone,
          message,
          interviewUrl: interviewDashboardUrl(interviewId),
        },
      }),
    );
    return { requestsLeft: ACCOMMODATION_REQUESTS_MAX - earlier - 1 };
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
