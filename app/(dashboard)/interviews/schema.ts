import { z } from "zod";
import { atMost, browserTimeZoneField, emailField, recordId, textField, timeZoneField, withoutNul } from "@/lib/fields";
import { dueAtOn } from "@/lib/interviews/model/window";
import { Decision, InterviewMode, ScoreRecommendation } from "@/lib/generated/prisma/enums";
import { CANCEL_REASON_MAX, EMAIL_MAX, EXTRA_RETAKES_MAX, EXTRA_TIME_PERCENT_MAX, INTERVIEW_MINUTES, NAME_MAX, RATING, TIME_ZONE_MAX } from "@/lib/limits";
import { zonedLocalToUtc } from "@/lib/time-zones";

export const DURATION_OPTIONS = [15, 20, 30, 45, 60, 90, 120] as const;

const zone = timeZoneField;
export const duration = z.coerce
  .number({ error: "Choose a duration." })
  .int("Choose a duration.")
  .min(INTERVIEW_MINUTES.min, `Interviews last at least ${INTERVIEW_MINUTES.min} minutes.`)
  .max(INTERVIEW_MINUTES.max, `Interviews last at most ${INTERVIEW_MINUTES.max / 60} hours.`);
const localTime = z.string().trim().max(20);

/** Turns the form's wall-clock time (in the recruiter's zone) into UTC; empty stays null. */
export function toUtc(ctx: z.RefinementCtx, local: string, timeZone: string): Date | null {
  if (!local) return null;
  const at = zonedLocalToUtc(local, timeZone);
  if (!at) ctx.addIssue({ code: "custom", path: ["scheduledAtLocal"], message: "Enter a date and time, like 2026-12-01 15:00." });
  return at;
}

/**
 * How an interview is taken, as the schedule form and the bulk invitation both ask it: the mode,
 * for DEADLINE the date (17:00 in each candidate's zone, decided in lib/), otherwise the start.
 */
export const timingFields = {
  // Absent on forms from before the deadline mode: at a time, as they were.
  interviewMode: z.enum(InterviewMode, { error: "Choose at a time or by a deadline." }).default(InterviewMode.SCHEDULED),
  dueDate: z.string().trim().max(20).default(""),
  // Ignored for DEADLINE (the link opens at once), so it may be absent then; required otherwise (readTiming).
  startMode: z.enum(["now", "at"], { error: "Choose when the interview starts." }).optional(),
  // Absent when Now is chosen (the field is not shown).
  scheduledAtLocal: localTime.default(""),
  recruiterTimeZone: zone.catch("UTC"),
};

type TimingForm = { interviewMode: InterviewMode; dueDate: string; startMode?: "now" | "at"; scheduledAtLocal: string; recruiterTimeZone: string };

/** The timing fields' meaning, with an issue on each field that is missing or malformed. */
export function readTiming(form: TimingForm, ctx: z.RefinementCtx): { scheduledAt: Date | "now" | null; mode: InterviewMode; dueDate: string | null } {
  const deadline = form.interviewMode === InterviewMode.DEADLINE;
  if (deadline && !/^\d{4}-\d{2}-\d{2}$/.test(form.dueDate)) {
    ctx.addIssue({ code: "custom", path: ["dueDate"], message: form.dueDate ? "Enter a date, like 2026-12-05." : "Choose the date to complete it by." });
  }
  if (!deadline && !form.startMode) ctx.addIssue({ code: "custom", path: ["startMode"], message: "Choose when the interview starts." });
  let scheduledAt: Date | "now" | null = "now";
  if (form.startMode === "at" && !deadline) {
    if (!form.scheduledAtLocal) ctx.addIssue({ code: "custom", path: ["scheduledAtLocal"], message: "Choose the date and time, or Now." });
    scheduledAt = toUtc(ctx, form.scheduledAtLocal, form.recruiterTimeZone);
  }
  return { scheduledAt, mode: form.interviewMode, dueDate: deadline ? form.dueDate : null };
}

export const scheduleSchema = z
  .object({
    candidateMode: z.enum(["existing", "new"]),
    candidateId: z.string().max(60).default(""),
    newCandidateName: z.string().trim().max(NAME_MAX, atMost(NAME_MAX)).default(""),
    newCandidateEmail: z.string().trim().max(EMAIL_MAX).default(""),
    newCandidateTimeZone: z.string().trim().max(TIME_ZONE_MAX).default(""),
    // Checked with the rest below, so an empty job does not hide the other fields' messages.
    jobId: z.string().max(60).default(""),
    ...timingFields,
    durationMinutes: duration,
    notes: textField(),
    requestToken: z.uuid("Reload the page and try again."),
  })
  .transform((form, ctx) => {
    if (!form.jobId) ctx.addIssue({ code: "custom", path: ["jobId"], message: "Choose a job." });
    const timing = readTiming(form, ctx);
    let candidate: { id: string } | { name: string; email: string; timeZone: string } = { id: form.candidateId };
    if (form.candidateMode === "existing") {
      if (!form.candidateId) ctx.addIssue({ code: "custom", path: ["candidateId"], message: "Choose a candidate." });
    } else {
      if (!form.newCandidateName) ctx.addIssue({ code: "custom", path: ["newCandidateName"], message: "Enter the candidate's name." });
      const email = emailField.safeParse(form.newCandidateEmail);
      if (!email.success) ctx.addIssue({ code: "custom", path: ["newCandidateEmail"], message: email.error.issues[0]!.message });
      // Asked, never assumed: the candidate's zone is theirs, not the recruiter's.
      const timeZone = zone.safeParse(form.newCandidateTimeZone);
      if (!timeZone.success) {
        const message = form.newCandidateTimeZone ? "Choose their time zone from the list." : "Choose their time zone: type their city, a zone or a UTC offset.";
        ctx.addIssue({ code: "custom", path: ["newCandidateTimeZone"], message });
      }
      candidate = { name: form.newCandidateName, email: email.data ?? "", timeZone: timeZone.data ?? "UTC" };
    }
    return {
      candidate,
      jobId: form.jobId,
      ...timing,
      durationMinutes: form.durationMinutes,
      notes: form.notes,
      requestToken: form.requestToken,
    };
  });

export const rescheduleSchema = z
  .object({ scheduledAtLocal: localTime.min(1, "Choose the new date and time."), recruiterTimeZone: zone.catch("UTC"), durationMinutes: duration })
  .transform((form, ctx) => ({ scheduledAt: toUtc(ctx, form.scheduledAtLocal, form.recruiterTimeZone)!, durationMinutes: form.durationMinutes }));

export const listFiltersSchema = z.object({
  when: z.enum(["upcoming", "past", "review", "mine"]).catch("upcoming"),
  status: z.enum(["SCHEDULED", "IN_PROGRESS", "COMPLETED", "CANCELLED", "EXPIRED"]).optional().catch(undefined),
  jobId: recordId.optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  /** Part of a candidate's name or email. */
  q: z
    .string()
    .transform((q) => withoutNul(q).trim().slice(0, 200) || undefined)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const RATING_MESSAGE = `Choose a rating from ${RATING.min} to ${RATING.max}.`;
const reviewText = textField().default("");

/** One answer's rating on the reviewer's own scorecard (1–5; "Not rated" submits an empty value, which clears it) and notes. */
export const ratingSchema = z.object({
  rating: z.preprocess(
    (value) => (value === undefined || value === null || value === "" ? null : value),
    z.coerce.number({ error: RATING_MESSAGE }).int(RATING_MESSAGE).min(RATING.min, RATING_MESSAGE).max(RATING.max, RATING_MESSAGE).nullable(),
  ),
  notes: reviewText,
});

const SCORE_RECOMMENDATION_MESSAGE = "Choose strong no, no, yes or strong yes.";

/**
 * The reviewer's overall recommendation and comment. Empty while they have not chosen one: a
 * draft saves the comment alone; submitting refuses it (lib/interviews/review/scorecards.ts).
 */
export const scorecardRecommendationSchema = z.object({
  recommendation: z.preprocess(
    (value) => (value === undefined || value === null || value === "" ? null : value),
    z.enum(ScoreRecommendation, { error: SCORE_RECOMMENDATION_MESSAGE }).nullable(),
  ),
  comment: reviewText,
});

/** A form with no fields of its own (a button): anything it carries is ignored. */
export const noFieldsSchema = z.object({});

/** The hiring decision on a completed interview. */
export const decisionSchema = z.object({
  decision: z.enum(Decision, { error: "Choose advance, hold or reject." }),
  comment: reviewText,
});

/** A whole number from 0 to `max` typed into a number field; empty is an error, not 0. */
function boundedCount(max: number, message: string) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce.number({ error: message }).int(message).min(0, message).max(max, message),
  );
}

/** Accommodations on a scheduled interview (the same bounds lib/interviews/recruiter/accommodations.ts enforces). */
export const accommodationsSchema = z.object({
  extraTimePercent: boundedCount(EXTRA_TIME_PERCENT_MAX, `Enter a whole percentage from 0 to ${EXTRA_TIME_PERCENT_MAX}.`),
  extraRetakes: boundedCount(EXTRA_RETAKES_MAX, `Enter a number of retakes from 0 to ${EXTRA_RETAKES_MAX}.`),
});

/** Extending a deadline: the new date to complete it by (17:00 in the candidate's zone, decided in lib/). */
const dueDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date, like 2026-12-05.");

export const extendSchema = z.object({ dueDate });

/** Reopening answers: the repeated answerId checkboxes, and the new due date. */
export const reopenSchema = z.object({
  answerIds: z.array(recordId, { error: "Choose questions of this interview." }).min(1, "Choose at least one question to reopen.").max(100, "Choose questions of this interview."),
  dueDate,
});
export const reopenFromFormData = (form: FormData) => ({ answerIds: form.getAll("answerId"), dueDate: form.get("dueDate") ?? "" });

/**
 * Asking teammates to review: the repeated interviewId and reviewerId checkboxes, and an optional
 * date (17:00 in the asker's zone, from their browser), read into dueAt here.
 */
export const reviewRequestSchema = z
  .object({
    interviewIds: z.array(recordId, { error: "Choose interviews of your organisation." }).min(1, "Choose at least one interview.").max(200, "Choose at most 200 interviews at once."),
    reviewerIds: z.array(recordId, { error: "Choose teammates from your organisation." }).min(1, "Choose at least one teammate.").max(50, "Choose at most 50 teammates."),
    dueDate: z.union([z.literal(""), dueDate]),
    recruiterTimeZone: browserTimeZoneField,
  })
  .transform(({ interviewIds, reviewerIds, dueDate, recruiterTimeZone }) => ({
    interviewIds,
    reviewerIds,
    dueAt: dueDate ? dueAtOn(dueDate, recruiterTimeZone ?? "UTC") : null,
  }));
export const reviewRequestFromFormData = (form: FormData) => ({
  interviewIds: form.getAll("interviewId"),
  reviewerIds: form.getAll("reviewerId"),
  dueDate: form.get("dueDate") ?? "",
  recruiterTimeZone: form.get("recruiterTimeZone"),
});

/** A share link: which answers it shows, for how many days, and whether the candidate is shown as initials only. */
export const shareLinkSchema = z.object({
  answerIds: z.array(recordId, { error: "Choose questions of this interview." }).min(1, "Choose at least one question to share.").max(200),
  days: z.coerce.number({ error: "Choose how long the link works." }).int("Choose how long the link works."),
  blind: z.boolean(),
});
export const shareLinkFromFormData = (form: FormData) => ({
  answerIds: form.getAll("answerId"),
  days: form.get("days") ?? "",
  blind: form.get("blind") === "on",
});

/** Cancelling: an optional reason, which the candidate's cancellation email carries. */
export const cancelSchema = z.object({ reason: textField(CANCEL_REASON_MAX).default("") });
