/** Minutes for settling in before the first question: the lobby, the device check and the practice. */
const SETTLE_IN_MINUTES = 5;

/**
 * How long to plan for an interview, in minutes: every question's preparation and answer time
 * (with any extra time given as an accommodation), rounded up to 5 minutes, plus 5 to settle in.
 * The one estimate: the schedule form's default (and the least an interview is scheduled for), so
 * the invitation, the reminders, the calendar entry, the recruiter's pages and the lobby agree.
 */
export function estimateMinutes(questions: ReadonlyArray<{ prepSeconds: number; answerSeconds: number }>, extraTimePercent = 0): number {
  const seconds = questions.reduce((sum, q) => sum + q.prepSeconds + q.answerSeconds, 0) * (1 + extraTimePercent / 100);
  return Math.ceil(seconds / 300) * 5 + SETTLE_IN_MINUTES;
}

/** The length the candidate is told: what was scheduled, or more when extra time was given since. */
export function plannedMinutes(durationMinutes: number, questions: ReadonlyArray<{ prepSeconds: number; answerSeconds: number }>, extraTimePercent = 0): number {
  return Math.max(durationMinutes, estimateMinutes(questions, extraTimePercent));
}
