import "server-only";
import { db } from "@/lib/db";
import type { DeliveryPolicy, RenderedContent } from "@/lib/email/dispatcher";
import type { DeliveryEventHook } from "@/lib/email/webhooks";
import { DeliveryState, EmailKind, InterviewStatus } from "@/lib/generated/prisma/enums";
import { recordEvent, SYSTEM } from "./audit";
import { statusInSentence } from "./model/status";
import { composeForSending, interviewDashboardUrl, LINK_KINDS, notifyRecruiters } from "./notify";
import { composeReviewReminder } from "./review/requests";

// How the outbox and the provider's delivery events meet interviews: lib/email/ sends and
// tracks emails, and asks this module what each one means for its interview.

/**
 * Whether an email of `kind` may still go out for an interview in `status` (compared as the
 * generated enum, never as strings): an invitation for a cancelled interview never leaves.
 */
export function mayEmailGoOut(kind: EmailKind, status: InterviewStatus | null): boolean {
  switch (kind) {
    case EmailKind.DEADLINE_EXTENDED:
    // More time may be given, and a due date recalled, to a candidate who has started (and paused) as well.
    case EmailKind.DEADLINE_REMINDER:
      return status === InterviewStatus.SCHEDULED || status === InterviewStatus.IN_PROGRESS;
    // Reopening leaves the interview in progress, waiting for the reopened answers.
    case EmailKind.ANSWERS_REOPENED:
      return status === InterviewStatus.IN_PROGRESS;
    case EmailKind.INVITATION:
    case EmailKind.RESCHEDULED:
    case EmailKind.REMINDER_24H:
    case EmailKind.REMINDER_1H:
      return status === InterviewStatus.SCHEDULED;
    case EmailKind.CANCELLED:
      return status === InterviewStatus.CANCELLED;
    case EmailKind.CANDIDATE_COMPLETED:
    case EmailKind.ANSWERS_RECEIVED:
    // Reviews are of completed interviews (its answers deleted, the reminder says nothing: see its composer).
    case EmailKind.REVIEW_REQUESTED:
    case EmailKind.REVIEW_REMINDER:
    // A link opens only while its interview is completed; reopened since, there is nothing to see.
    case EmailKind.SHARE_LINK_VIEWED:
      return status === InterviewStatus.COMPLETED;
    case EmailKind.INVITATION_BOUNCED:
    case EmailKind.TEAM_INVITE:
    case EmailKind.RESCHEDULE_REQUESTED:
    case EmailKind.ACCOMMODATION_REQUESTED:
    case EmailKind.DELETION_REQUESTED:
    // Account emails (sign-up, verification, passwords, sign-in alerts) belong to no interview.
    case EmailKind.SIGN_UP_CONFIRMATION:
    case EmailKind.SIGN_UP_EXISTING_ACCOUNT:
    case EmailKind.EMAIL_VERIFICATION:
    case EmailKind.PASSWORD_RESET:
    case EmailKind.PASSWORD_CHANGED:
    case EmailKind.SIGN_IN_ALERT:
    case EmailKind.TEAM_INVITE_EXISTING_ACCOUNT:
    case EmailKind.WEBHOOK_DISABLED:
      return true;
  }
}

/** The dispatcher's policy for interview email: withhold what the interview's state no longer allows, audit each outcome. */
export const interviewDelivery: DeliveryPolicy = {
  async withheld(emails) {
    const ids = [...new Set(emails.flatMap((e) => (e.interviewId ? [e.interviewId] : [])))];
    if (ids.length === 0) return new Map();
    const prisma = await db();
    const interviews = await prisma.interview.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    const status = new Map(interviews.map((i) => [i.id, i.status]));
    const withheld = new Map<string, string>();
    for (const email of emails) {
      if (!email.interviewId) continue;
      const current = status.get(email.interviewId) ?? null;
      if (!mayEmailGoOut(email.kind, current)) withheld.set(email.id, `not sent: the interview is ${current ? statusInSentence(current) : "gone"}`);
    }
    return withheld;
  },
  async compose(emails) {
    const composed = new Map<string, RenderedContent | { withheld: string }>();
    const prisma = await db();
    for (const email of emails) {
      if (!email.interviewId) continue;
      const content =
        email.kind === EmailKind.REVIEW_REMINDER
          ? await composeReviewReminder(prisma, { interviewId: email.interviewId, toEmail: email.toEmail })
          : await composeForSending(prisma, { kind: email.kind, interviewId: email.interviewId, secret: email.secret });
      composed.set(email.id, content ?? { withheld: "not sent: nothing is left to say" });
    }
    return composed;
  },
  async settled(tx, email, outcome) {
    if (!email.interviewId || !email.organizationId) return;
    await recordEvent(tx, {
      organizationId: email.organizationId,
      interviewId: email.interviewId,
      actor: SYSTEM,
      ...(outcome.status === "sent"
        ? { type: "email.sent", data: { emailId: email.id, kind: email.kind, to: email.toEmail, attempts: email.attempts, ...(outcome.delivered && { delivered: true }) } }
        : { type: "email.failed", data: { emailId: email.id, kind: email.kind, reason: outcome.reason } }),
      at: outcome.at,
    });
  },
};

const EVENT_TYPES = {
  DELIVERED: "email.delivered",
  DELAYED: "email.delayed",
  BOUNCED: "email.bounced",
  COMPLAINED: "email.complained",
} as const satisfies Record<DeliveryState, string>;

/**
 * A provider's delivery event for an interview's email: it joins the interview's timeline, and a
 * bounced invitation marks the interview and tells the recruiters — once per interview, however
 * many bounces arrive.
 */
export const onInterviewDeliveryEvent: DeliveryEventHook = async (tx, { email, state, reason, at }) => {
  if (!email.interviewId || !email.organizationId) return;
  await recordEvent(tx, {
    organizationId: email.organizationId,
    interviewId: email.interviewId,
    actor: SYSTEM,
    type: EVENT_TYPES[state],
    data: { emailId: email.id, kind: email.kind, ...(reason && { reason }) },
    at,
  });
  if (state !== DeliveryState.BOUNCED || !LINK_KINDS.includes(email.kind)) return;
  const { count } = await tx.interview.updateMany({ where: { id: email.interviewId, bouncedAt: null }, data: { bouncedAt: at } });
  if (count === 0) return;
  const interview = await tx.interview.findUniqueOrThrow({
    where: { id: email.interviewId },
    select: { candidate: { select: { name: true, email: true } }, job: { select: { title: true } } },
  });
  await notifyRecruiters(tx, email.interviewId, "invitation-bounced", {
    candidateName: interview.candidate.name,
    candidateEmail: interview.candidate.email,
    jobTitle: interview.job.title,
    reason: reason ?? "The recipient's mail server refused the message.",
    interviewUrl: interviewDashboardUrl(email.interviewId),
  });
};
