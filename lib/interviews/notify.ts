import "server-only";
import { addHours } from "date-fns";
import { appUrl, emailFrom } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { icsAttachment, interviewIcs } from "@/lib/email/ics";
import { enqueueEmail, type OutgoingEmail } from "@/lib/email/outbox";
import { renderEmail, type EmailMessage, type TemplateName, type TemplateProps } from "@/lib/email/templates";
import type { AnswerType } from "@/lib/generated/prisma/enums";
import { EmailKind, InterviewMode, Role } from "@/lib/generated/prisma/enums";
import { summariseQuestions } from "./model/questions";
import { interviewUrl } from "./model/session-keys";

// Every email an interview causes is written here: the candidate's (invitation, new time,
// reminders, cancellation) and the recruiters' notices, which all follow one recipient rule.

/** Everything an interview's emails say, read once. */
export interface InterviewEmailContext {
  interviewId: string;
  organizationId: string;
  organizationName: string;
  scheduledAt: Date;
  durationMinutes: number;
  opensMinutesBefore: number;
  /** DEADLINE: the candidate takes it any time from scheduledAt (the opening) until dueAt. */
  mode: InterviewMode;
  dueAt: Date | null;
  candidateTimeZone: string;
  icsSequence: number;
  job: { title: string; questionCount: number; answerTypes: AnswerType[] };
  candidate: { name: string; email: string };
  /** Whom the candidate reaches (named in their emails, and their Reply-To): see candidateContact. */
  recruiter: { name: string; email: string } | null;
}

/**
 * Whom a candidate reaches about an interview: the recruiter who scheduled it or — when that account
 * is gone — the organisation's first owner, the same rule recruiter notices follow.
 */
export async function candidateContact(tx: Tx, organizationId: string, scheduler: { name: string; email: string } | null) {
  return (
    scheduler ??
    (await tx.user.findFirst({ where: { organizationId, role: Role.OWNER }, orderBy: { createdAt: "asc" }, select: { name: true, email: true } }))
  );
}

/** The recruiter as a candidate's email names them, and where its replies go. */
function contactProps(ctx: InterviewEmailContext) {
  return { recruiterName: ctx.recruiter?.name ?? ctx.organizationName, recruiterEmail: ctx.recruiter?.email ?? null };
}

/** Loads the context for an interview already in the database (inside the caller's transaction). */
export async function loadEmailContext(tx: Tx, interviewId: string): Promise<InterviewEmailContext> {
  const i = await tx.interview.findUniqueOrThrow({
    where: { id: interviewId },
    select: {
      id: true,
      organizationId: true,
      scheduledAt: true,
      durationMinutes: true,
      opensMinutesBefore: true,
      mode: true,
      dueAt: true,
      candidateTimeZone: true,
      icsSequence: true,
      organization: { select: { name: true } },
      job: { select: { title: true, questions: { select: { answerType: true } } } },
      candidate: { select: { name: true, email: true } },
      createdBy: { select: { name: true, email: true } },
    },
  });
  return {
    interviewId: i.id,
    organizationId: i.organizationId,
    organizationName: i.organization.name,
    scheduledAt: i.scheduledAt,
    durationMinutes: i.durationMinutes,
    opensMinutesBefore: i.opensMinutesBefore,
    mode: i.mode,
    dueAt: i.dueAt,
    candidateTimeZone: i.candidateTimeZone,
    icsSequence: i.icsSequence,
    job: { title: i.job.title, ...summariseQuestions(i.job.questions) },
    candidate: i.candidate,
    recruiter: await candidateContact(tx, i.organizationId, i.createdBy),
  };
}

/**
 * The calendar file of a candidate's email: a SCHEDULED interview is a meeting at its time. A
 * DEADLINE one gets none: it is a task with a due date, not an event. A meeting at the due time
 * would tell the candidate to turn up when it is already too late, and an all-day entry on the due
 * day would remind them on the last day at best; the iCalendar form for a task (VTODO) is not
 * shown by Gmail or Outlook when it arrives by email. The email itself says "Complete by …".
 */
function calendars(ctx: InterviewEmailContext, method: "REQUEST" | "CANCEL", url: string | null) {
  return ctx.mode === InterviewMode.DEADLINE ? [] : [calendar(ctx, method, url)];
}

function calendar(ctx: InterviewEmailContext, method: "REQUEST" | "CANCEL", url: string | null) {
  const organizerAddress = /<([^>]+)>/.exec(emailFrom())?.[1] ?? emailFrom();
  const content = interviewIcs({
    method,
    uid: `interview-${ctx.interviewId}@kairos`,
    sequence: ctx.icsSequence,
    start: ctx.scheduledAt,
    durationMinutes: ctx.durationMinutes,
    title: `Interview: ${ctx.job.title} at ${ctx.organizationName}`,
    description: url ? `Join your interview: ${url}` : `This interview was cancelled.`,
    url,
    organizer: { name: ctx.organizationName, email: organizerAddress },
    attendee: ctx.candidate,
  });
  return icsAttachment(content, method);
}

/** The invitation (or, after a reschedule, the new-time email), carrying `key` in its link and calendar file. */
export async function linkEmail(
  ctx: InterviewEmailContext,
  key: string,
  kind: typeof EmailKind.INVITATION | typeof EmailKind.RESCHEDULED,
  previousStartsAt?: Date,
): Promise<OutgoingEmail> {
  const url = interviewUrl(key);
  const props = {
    companyName: ctx.organizationName,
    jobTitle: ctx.job.title,
    candidateName: ctx.candidate.name,
    ...contactProps(ctx),
    startsAt: ctx.scheduledAt.toISOString(),
    timeZone: ctx.candidateTimeZone,
    durationMinutes: ctx.durationMinutes,
    opensMinutesBefore: ctx.opensMinutesBefore,
    questionCount: ctx.job.questionCount,
    answerTypes: ctx.job.answerTypes,
    interviewUrl: url,
    ...(ctx.mode === InterviewMode.DEADLINE && ctx.dueAt && { dueAt: ctx.dueAt.toISOString() }),
  };
  const rendered =
    kind === EmailKind.RESCHEDULED && previousStartsAt
      ? await renderEmail({ template: "interview-rescheduled", props: { ...props, previousStartsAt: previousStartsAt.toISOString() } })
      : await renderEmail({ template: "interview-invitation", props });
  return {
    organizationId: ctx.organizationId,
    interviewId: ctx.interviewId,
    kind,
    toEmail: ctx.candidate.email,
    toName: ctx.candidate.name,
    replyTo: ctx.recruiter?.email ?? null,
    ...rendered,
    attachments: calendars(ctx, "REQUEST", url),
    secret: key,
  };
}

/** A DEADLINE interview's new due date, carrying `key` (a fresh one) in its link. No calendar file, like its invitation. */
export async function deadlineExtendedEmail(ctx: InterviewEmailContext, key: string, previousDueAt: Date): Promise<OutgoingEmail> {
  if (!ctx.dueAt) throw new Error("a deadline email needs the interview's due time");
  const url = interviewUrl(key);
  const rendered = await renderEmail({
    template: "deadline-extended",
    props: {
      companyName: ctx.organizationName,
      jobTitle: ctx.job.title,
      candidateName: ctx.candidate.name,
      ...contactProps(ctx),
      dueAt: ctx.dueAt.toISOString(),
      previousDueAt: previousDueAt.toISOString(),
      timeZone: ctx.candidateTimeZone,
      durationMinutes: ctx.durationMinutes,
      interviewUrl: url,
    },
  });
  return {
    organizationId: ctx.organizationId,
    interviewId: ctx.interviewId,
    kind: EmailKind.DEADLINE_EXTENDED,
    toEmail: ctx.candidate.email,
    toName: ctx.candidate.name,
    replyTo: ctx.recruiter?.email ?? null,
    ...rendered,
    attachments: [],
    secret: key,
  };
}

/** The cancellation, with the recruiter's reason if they gave one, and a calendar CANCEL so the event leaves the candidate's calendar. */
export async function cancellationEmail(ctx: InterviewEmailContext, reason: string | null = null): Promise<OutgoingEmail> {
  const rendered = await renderEmail({
    template: "interview-cancelled",
    props: {
      companyName: ctx.organizationName,
      jobTitle: ctx.job.title,
      candidateName: ctx.candidate.name,
      ...contactProps(ctx),
      reason,
      startsAt: ctx.scheduledAt.toISOString(),
      timeZone: ctx.candidateTimeZone,
    },
  });
  return {
    organizationId: ctx.organizationId,
    interviewId: ctx.interviewId,
    kind: EmailKind.CANCELLED,
    toEmail: ctx.candidate.email,
    toName: ctx.candidate.name,
    replyTo: ctx.recruiter?.email ?? null,
    ...rendered,
    attachments: calendars(ctx, "CANCEL", null),
  };
}

export const REMINDER_KINDS = [EmailKind.REMINDER_24H, EmailKind.REMINDER_1H];

/**
 * The reminders still ahead for an interview starting at `scheduledAt`. A DEADLINE interview has
 * no start to remind of (its reminders before the due time are not built yet: issue 14).
 */
function reminderPlans(scheduledAt: Date, now: Date, mode: InterviewMode = InterviewMode.SCHEDULED) {
  if (mode === InterviewMode.DEADLINE) return [];
  return [
    { kind: EmailKind.REMINDER_24H, hoursBefore: 24 as const },
    { kind: EmailKind.REMINDER_1H, hoursBefore: 1 as const },
  ].filter(({ hoursBefore }) => addHours(scheduledAt, -hoursBefore) > now);
}

/** How many emails a link email for a start at `scheduledAt` brings with it: itself and the reminders still ahead. */
export function linkEmailCount(scheduledAt: Date, now: Date, mode: InterviewMode = InterviewMode.SCHEDULED): number {
  return 1 + reminderPlans(scheduledAt, now, mode).length;
}
/** The emails that carry the candidate's link (a fresh key each). */
export const LINK_KINDS = [EmailKind.INVITATION, EmailKind.RESCHEDULED, EmailKind.DEADLINE_EXTENDED];

/**
 * Reminders 24 h and 1 h before the start, each planned with a send-after time. One whose time
 * has already come is skipped: the candidate just got an invitation. Reminders carry no link,
 * so planning them never creates or stores a key.
 */
export async function reminderEmails(ctx: InterviewEmailContext, now: Date): Promise<OutgoingEmail[]> {
  const plans = reminderPlans(ctx.scheduledAt, now, ctx.mode);
  return Promise.all(
    plans.map(async ({ kind, hoursBefore }) => ({
      organizationId: ctx.organizationId,
      interviewId: ctx.interviewId,
      kind,
      toEmail: ctx.candidate.email,
      toName: ctx.candidate.name,
      replyTo: ctx.recruiter?.email ?? null,
      sendAfter: addHours(ctx.scheduledAt, -hoursBefore),
      ...(await renderEmail({
        template: "interview-reminder",
        props: {
          companyName: ctx.organizationName,
          jobTitle: ctx.job.title,
          candidateName: ctx.candidate.name,
          ...contactProps(ctx),
          startsAt: ctx.scheduledAt.toISOString(),
          timeZone: ctx.candidateTimeZone,
          durationMinutes: ctx.durationMinutes,
          hoursBefore,
        },
      })),
    })),
  );
}

/**
 * To the candidate once they finish: their answers arrived, what happens next, whom to ask. Carries
 * no link, so it holds no key. Queued in the transaction that completes the interview.
 */
export async function answersReceivedEmail(ctx: InterviewEmailContext, completedAt: Date, retentionDays: number): Promise<OutgoingEmail> {
  return {
    organizationId: ctx.organizationId,
    interviewId: ctx.interviewId,
    kind: EmailKind.ANSWERS_RECEIVED,
    toEmail: ctx.candidate.email,
    toName: ctx.candidate.name,
    replyTo: ctx.recruiter?.email ?? null,
    ...(await renderEmail({
      template: "answers-received",
      props: {
        companyName: ctx.organizationName,
        jobTitle: ctx.job.title,
        candidateName: ctx.candidate.name,
        ...contactProps(ctx),
        completedAt: completedAt.toISOString(),
        timeZone: ctx.candidateTimeZone,
        retentionDays,
      },
    })),
  };
}

/** The recruiter's page for an interview. */
export function interviewDashboardUrl(interviewId: string): string {
  return `${appUrl()}/interviews/${interviewId}`;
}

export interface Recipient {
  name: string;
  email: string;
  role: "scheduler" | "owner";
  /** The zone their emails show times in (their profile's; UTC until they have one). */
  timeZone: string;
}

/**
 * Who hears about what happens to an interview: the recruiter who scheduled it, or — when that
 * account is gone — the organisation's owners, so a notice never goes unread.
 */
export async function recruiterRecipients(tx: Tx, interviewId: string): Promise<{ organizationId: string; recipients: Recipient[] }> {
  const person = { name: true, email: true, timeZone: true } as const;
  const { organizationId, createdBy } = await tx.interview.findUniqueOrThrow({
    where: { id: interviewId },
    select: { organizationId: true, createdBy: { select: person } },
  });
  const recipient = (user: { name: string; email: string; timeZone: string | null }, role: Recipient["role"]): Recipient => ({
    name: user.name,
    email: user.email,
    role,
    timeZone: user.timeZone ?? "UTC",
  });
  if (createdBy) return { organizationId, recipients: [recipient(createdBy, "scheduler")] };
  const owners = await tx.user.findMany({ where: { organizationId, role: Role.OWNER }, orderBy: { createdAt: "asc" }, select: person });
  return { organizationId, recipients: owners.map((owner) => recipient(owner, "owner")) };
}

/** The notices recruiters get about an interview, and the outbox kind each is queued as. */
const NOTICE_KINDS = {
  "candidate-completed": EmailKind.CANDIDATE_COMPLETED,
  "reschedule-requested": EmailKind.RESCHEDULE_REQUESTED,
  "invitation-bounced": EmailKind.INVITATION_BOUNCED,
  "accommodation-requested": EmailKind.ACCOMMODATION_REQUESTED,
  "deletion-requested": EmailKind.DELETION_REQUESTED,
} as const satisfies Partial<Record<TemplateName, EmailKind>>;

export type RecruiterNotice = keyof typeof NOTICE_KINDS;

/**
 * Queues a notice about an interview to everyone the recipient rule picks, each greeted by name and
 * shown times in their own zone, in the caller's transaction.
 */
export async function notifyRecruiters<K extends RecruiterNotice>(
  tx: Tx,
  interviewId: string,
  template: K,
  props: Omit<TemplateProps[K], "recruiterName" | "recipientRole" | "timeZone">,
): Promise<void> {
  const { organizationId, recipients } = await recruiterRecipients(tx, interviewId);
  for (const recipient of recipients) {
    const personal = { recruiterName: recipient.name, recipientRole: recipient.role, timeZone: recipient.timeZone };
    const rendered = await renderEmail({ template, props: { ...props, ...personal } } as EmailMessage<K>);
    await enqueueEmail(tx, { organizationId, interviewId, kind: NOTICE_KINDS[template], toEmail: recipient.email, toName: recipient.name, ...rendered });
  }
}
