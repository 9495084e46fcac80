import "server-only";
import { addHours } from "date-fns";
import { appUrl, emailFrom } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { icsAttachment, interviewIcs } from "@/lib/email/ics";
import { enqueueEmail, type Attachment, type OutgoingEmail } from "@/lib/email/outbox";
import { emailSubject, renderEmail, type EmailMessage, type RenderedEmail, type TemplateName, type TemplateProps } from "@/lib/email/templates";
import type { AnswerType } from "@/lib/generated/prisma/enums";
import { EmailKind, InterviewMode, Role } from "@/lib/generated/prisma/enums";
import { plannedMinutes } from "./model/estimate";
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

/** Whom an interview's candidate email goes to, and where its replies go: the fields every one of them shares. */
function toCandidate(ctx: InterviewEmailContext) {
  return {
    organizationId: ctx.organizationId,
    interviewId: ctx.interviewId,
    toEmail: ctx.candidate.email,
    toName: ctx.candidate.name,
    replyTo: ctx.recruiter?.email ?? null,
  };
}

/** The recruiter as a candidate's email names them, and where its replies go. */
function contactProps(ctx: InterviewEmailContext) {
  return { recruiterName: ctx.recruiter?.name ?? ctx.organizationName, recruiterEmail: ctx.recruiter?.email ?? null };
}

/** What every candidate email says first: the company, the role, the candidate, and whom to ask. */
function aboutInterview(ctx: InterviewEmailContext) {
  return { companyName: ctx.organizationName, jobTitle: ctx.job.title, candidateName: ctx.candidate.name, ...contactProps(ctx) };
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
  const props = invitationProps(ctx, url);
  const rendered =
    kind === EmailKind.RESCHEDULED && previousStartsAt
      ? await renderEmail({ template: "interview-rescheduled", props: { ...props, previousStartsAt: previousStartsAt.toISOString() } })
      : await renderEmail({ template: "interview-invitation", props });
  return {
    ...toCandidate(ctx),
    kind,
    ...rendered,
    attachments: calendars(ctx, "REQUEST", url),
    secret: key,
  };
}

/**
 * An invitation queued to be composed when it is sent (composeForSending), with its subject and its
 * key: a bulk invitation, so that confirming thousands renders none of them.
 */
export function invitationToCompose(ctx: InterviewEmailContext, key: string): OutgoingEmail {
  return {
    ...toCandidate(ctx),
    kind: EmailKind.INVITATION,
    subject: emailSubject({ template: "interview-invitation", props: invitationProps(ctx, interviewUrl(key)) }),
    html: "",
    text: "",
    secret: key,
    composeOnSend: true,
  };
}

function invitationProps(ctx: InterviewEmailContext, url: string) {
  return {
    ...aboutInterview(ctx),
    startsAt: ctx.scheduledAt.toISOString(),
    timeZone: ctx.candidateTimeZone,
    durationMinutes: ctx.durationMinutes,
    opensMinutesBefore: ctx.opensMinutesBefore,
    questionCount: ctx.job.questionCount,
    answerTypes: ctx.job.answerTypes,
    interviewUrl: url,
    ...(ctx.mode === InterviewMode.DEADLINE && ctx.dueAt && { dueAt: ctx.dueAt.toISOString() }),
  };
}

/** A DEADLINE interview's new due date, carrying `key` (a fresh one) in its link. No calendar file, like its invitation. */
export async function deadlineExtendedEmail(ctx: InterviewEmailContext, key: string, previousDueAt: Date): Promise<OutgoingEmail> {
  if (!ctx.dueAt) throw new Error("a deadline email needs the interview's due time");
  const url = interviewUrl(key);
  const rendered = await renderEmail({
    template: "deadline-extended",
    props: {
      ...aboutInterview(ctx),
      dueAt: ctx.dueAt.toISOString(),
      previousDueAt: previousDueAt.toISOString(),
      timeZone: ctx.candidateTimeZone,
      durationMinutes: ctx.durationMinutes,
      interviewUrl: url,
    },
  });
  return {
    ...toCandidate(ctx),
    kind: EmailKind.DEADLINE_EXTENDED,
    ...rendered,
    attachments: [],
    secret: key,
  };
}

/**
 * Chosen answers of a completed DEADLINE interview reopened: which questions to answer again (by
 * number and prompt), about how long they take and by when, carrying `key` (a fresh one) in its link.
 */
export async function answersReopenedEmail(ctx: InterviewEmailContext, key: string, questions: Array<{ number: number; prompt: string }>, minutes: number): Promise<OutgoingEmail> {
  if (!ctx.dueAt) throw new Error("a deadline email needs the interview's due time");
  const url = interviewUrl(key);
  const rendered = await renderEmail({
    template: "answers-reopened",
    props: {
      ...aboutInterview(ctx),
      questions,
      questionCount: ctx.job.questionCount,
      minutes,
      dueAt: ctx.dueAt.toISOString(),
      timeZone: ctx.candidateTimeZone,
      interviewUrl: url,
    },
  });
  return {
    ...toCandidate(ctx),
    kind: EmailKind.ANSWERS_REOPENED,
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
      ...aboutInterview(ctx),
      reason,
      startsAt: ctx.scheduledAt.toISOString(),
      timeZone: ctx.candidateTimeZone,
    },
  });
  return {
    ...toCandidate(ctx),
    kind: EmailKind.CANCELLED,
    ...rendered,
    attachments: calendars(ctx, "CANCEL", null),
  };
}

/** A SCHEDULED interview's reminders of its start: withdrawn once the candidate starts. */
export const REMINDER_KINDS = [EmailKind.REMINDER_24H, EmailKind.REMINDER_1H];
/** A DEADLINE interview's reminders of its due time: they go on while it is paused, until it is finished. */
export const DEADLINE_REMINDER_HOURS = [72, 24, 2] as const;
/** Every reminder of either mode: withdrawn when the interview is cancelled, expires or gets a new time. */
export const ALL_REMINDER_KINDS = [...REMINDER_KINDS, EmailKind.DEADLINE_REMINDER];

/**
 * The reminders still ahead: 24 h and 1 h before a SCHEDULED interview's start, or 72, 24 and 2 h
 * before a DEADLINE one's due time, after it opens. One whose time has already come is skipped: the
 * candidate just got an invitation. A DEADLINE plan without its due time yet (counting only) has all three.
 */
function reminderPlans(scheduledAt: Date, now: Date, mode: InterviewMode = InterviewMode.SCHEDULED, dueAt: Date | null = null) {
  if (mode === InterviewMode.DEADLINE) {
    return DEADLINE_REMINDER_HOURS.map((hoursBefore) => ({ kind: EmailKind.DEADLINE_REMINDER, hoursBefore, at: dueAt && addHours(dueAt, -hoursBefore) })).filter(
      ({ at }) => !at || (at > now && at > scheduledAt),
    );
  }
  return [
    { kind: EmailKind.REMINDER_24H, hoursBefore: 24 as const, at: addHours(scheduledAt, -24) },
    { kind: EmailKind.REMINDER_1H, hoursBefore: 1 as const, at: addHours(scheduledAt, -1) },
  ].filter(({ at }) => at > now);
}

/**
 * How many emails a link email brings with it: itself and the reminders still ahead (for a DEADLINE
 * interview whose due time is not known yet, as many as there could be).
 */
export function linkEmailCount(scheduledAt: Date, now: Date, mode: InterviewMode = InterviewMode.SCHEDULED, dueAt: Date | null = null): number {
  return 1 + reminderPlans(scheduledAt, now, mode, dueAt).length;
}
/** The emails that carry the candidate's link (a fresh key each). */
export const LINK_KINDS: EmailKind[] = [EmailKind.INVITATION, EmailKind.RESCHEDULED, EmailKind.DEADLINE_EXTENDED, EmailKind.ANSWERS_REOPENED];

/**
 * The reminders still ahead, each planned with a send-after time. Reminders carry no link, so
 * planning them never creates or stores a key. A DEADLINE interview's are queued with their subject
 * alone and composed when they are sent (they say how much is left then); a SCHEDULED one's are
 * rendered now, unless `composeOnSend` (a bulk invitation's) asks for the same.
 */
export async function reminderEmails(ctx: InterviewEmailContext, now: Date, { composeOnSend = false } = {}): Promise<OutgoingEmail[]> {
  const recipient = toCandidate(ctx);
  const toCompose = { html: "", text: "", composeOnSend: true };
  if (ctx.mode === InterviewMode.DEADLINE && ctx.dueAt) {
    const subject = emailSubject({ template: "deadline-reminder", props: deadlineReminderProps(ctx, ctx.dueAt, { answered: 0, minutesLeft: ctx.durationMinutes }) });
    return reminderPlans(ctx.scheduledAt, now, ctx.mode, ctx.dueAt).map(({ at }) => ({ ...recipient, kind: EmailKind.DEADLINE_REMINDER, sendAfter: at, subject, ...toCompose }));
  }
  return Promise.all(
    reminderPlans(ctx.scheduledAt, now, ctx.mode).map(async ({ kind, hoursBefore, at }) => {
      const message = startReminderMessage(ctx, hoursBefore as 24 | 1);
      return { ...recipient, kind, sendAfter: at, ...(composeOnSend ? { subject: emailSubject(message), ...toCompose } : await renderEmail(message)) };
    }),
  );
}

function startReminderMessage(ctx: InterviewEmailContext, hoursBefore: 24 | 1): EmailMessage<"interview-reminder"> {
  return {
    template: "interview-reminder",
    props: {
      ...aboutInterview(ctx),
      startsAt: ctx.scheduledAt.toISOString(),
      timeZone: ctx.candidateTimeZone,
      durationMinutes: ctx.durationMinutes,
      hoursBefore,
    },
  };
}

/**
 * An interview's email queued to be composed when sent (composeOnSend), as it goes out: from the
 * interview as it is now and the key the row holds. Null when it has nothing to say any more.
 */
export async function composeForSending(tx: Tx, email: { kind: EmailKind; interviewId: string; secret: string | null }): Promise<RenderedEmail & { attachments?: Attachment[] } | null> {
  switch (email.kind) {
    case EmailKind.INVITATION: {
      if (!email.secret) return null;
      const { subject, html, text, attachments } = await linkEmail(await loadEmailContext(tx, email.interviewId), email.secret, EmailKind.INVITATION);
      return { subject, html, text, attachments: attachments ?? [] };
    }
    case EmailKind.REMINDER_24H:
    case EmailKind.REMINDER_1H: {
      const ctx = await loadEmailContext(tx, email.interviewId);
      if (ctx.mode !== InterviewMode.SCHEDULED) return null;
      return renderEmail(startReminderMessage(ctx, email.kind === EmailKind.REMINDER_1H ? 1 : 24));
    }
    case EmailKind.DEADLINE_REMINDER:
      return composeDeadlineReminder(tx, email.interviewId);
    default:
      return null;
  }
}

function deadlineReminderProps(ctx: InterviewEmailContext, dueAt: Date, progress: { answered: number; minutesLeft: number }) {
  return {
    ...aboutInterview(ctx),
    dueAt: dueAt.toISOString(),
    timeZone: ctx.candidateTimeZone,
    questionCount: ctx.job.questionCount,
    answeredCount: progress.answered,
    minutesLeft: progress.minutesLeft,
  };
}

/**
 * A DEADLINE interview's reminder as it goes out: the due time as it is now (an extension moved it)
 * and what is left to answer. Null when there is nothing to remind of: the interview is no longer
 * one to complete by a deadline, or every question is answered.
 */
export async function composeDeadlineReminder(tx: Tx, interviewId: string): Promise<RenderedEmail | null> {
  const ctx = await loadEmailContext(tx, interviewId);
  if (ctx.mode !== InterviewMode.DEADLINE || !ctx.dueAt) return null;
  const { extraTimePercent, answers, job } = await tx.interview.findUniqueOrThrow({
    where: { id: interviewId },
    select: {
      extraTimePercent: true,
      answers: { select: { submittedAt: true } },
      job: { select: { questions: { orderBy: { position: "asc" }, select: { prepSeconds: true, answerSeconds: true } } } },
    },
  });
  const answered = answers.filter((a) => a.submittedAt).length;
  const left = job.questions.slice(answered);
  if (left.length === 0) return null;
  // Not started: the whole interview, as the invitation said. Started: what the questions still to
  // answer take, without the settling in a started interview is past.
  const secondsLeft = left.reduce((sum, q) => sum + q.prepSeconds + q.answerSeconds, 0) * (1 + extraTimePercent / 100);
  const minutesLeft = answered > 0 ? Math.max(1, Math.ceil(secondsLeft / 60)) : plannedMinutes(ctx.durationMinutes, left, extraTimePercent);
  return renderEmail({ template: "deadline-reminder", props: deadlineReminderProps(ctx, ctx.dueAt, { answered, minutesLeft }) });
}

/**
 * To the candidate once they finish: their answers arrived, what happens next, whom to ask. Carries
 * no link, so it holds no key. Queued in the transaction that completes the interview.
 */
export async function answersReceivedEmail(ctx: InterviewEmailContext, completedAt: Date, retentionDays: number): Promise<OutgoingEmail> {
  return {
    ...toCandidate(ctx),
    kind: EmailKind.ANSWERS_RECEIVED,
    ...(await renderEmail({
      template: "answers-received",
      props: {
        ...aboutInterview(ctx),
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
