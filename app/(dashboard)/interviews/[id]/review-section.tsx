import { ANSWER_TYPE_LABELS } from "@/app/(dashboard)/jobs/labels";
import { LocalDate } from "@/components/local-date";
import { Badge } from "@/components/ui/badge";
import { AnswerType, InterviewStatus } from "@/lib/generated/prisma/enums";
import { findReview, type ReviewAnswer } from "@/lib/interviews/recruiter/review";
import { findSignals } from "@/lib/interviews/recruiter/review";
import { RecordedAnswerPlayers, SignalList } from "./recorded-answers";
import { RECOMMENDATION_LABELS, formatSeconds } from "../labels";
import { RatingForm, RecommendationForm } from "./review-panel";

/**
 * The candidate's answers, question by question, and — once the interview is completed — the
 * forms to rate each answer and record the overall recommendation. Nothing before the first answer.
 */
export async function ReviewSection({ organizationId, interviewId }: { organizationId: string; interviewId: string }) {
  const [review, signals] = await Promise.all([findReview(organizationId, interviewId), findSignals(organizationId, interviewId)]);
  if (!review || review.answers.length === 0) return null;
  const completed = review.status === InterviewStatus.COMPLETED;

  return (
    <>
      <section aria-labelledby="answers-heading" className="mt-6 rounded-lg bg-white p-6 ring-1 ring-ink-200">
        <h2 id="answers-heading" className="text-base font-semibold text-ink-900">
          Answers
        </h2>
        {!completed && (
          <p className="mt-1 text-sm text-ink-600">
            {review.status === InterviewStatus.IN_PROGRESS
              ? "The candidate is still answering. You can rate the answers once they finish."
              : "The candidate did not complete this interview, so its answers cannot be rated."}
          </p>
        )}
        {signals.length > 0 && <SignalList signals={signals} />}
        <ol className="mt-4 divide-y divide-ink-200">
          {review.answers.map((answer, index) => (
            <li key={answer.id} className="py-6 first:pt-2 last:pb-0">
              <AnswerItem interviewId={interviewId} answer={answer} question={`Question ${index + 1}`} completed={completed} />
            </li>
          ))}
        </ol>
      </section>

      {completed && (
        <section aria-labelledby="recommendation-heading" className="mt-6 rounded-lg bg-white p-6 ring-1 ring-ink-200">
          <h2 id="recommendation-heading" className="text-base font-semibold text-ink-900">
            Overall recommendation
          </h2>
          <p className="mt-1 text-sm text-ink-600">
            {review.reviewedAt && review.recommendation ? (
              <>
                {RECOMMENDATION_LABELS[review.recommendation]}, saved
                {review.reviewerName && ` by ${review.reviewerName}`} on <LocalDate value={review.reviewedAt.toISOString()} />.
              </>
            ) : (
              "Not reviewed yet. Saving a recommendation takes this interview off the “To review” list."
            )}
          </p>
          <div className="mt-4 max-w-2xl">
            <RecommendationForm interviewId={interviewId} recommendation={review.recommendation} comment={review.recommendationComment} />
          </div>
        </section>
      )}
    </>
  );
}

function AnswerItem({ interviewId, answer, question, completed }: { interviewId: string; answer: ReviewAnswer; question: string; completed: boolean }) {
  const headingId = `answer-${answer.id}-heading`;
  return (
    <article aria-labelledby={headingId} className="grid gap-6 lg:grid-cols-5">
      <div className="min-w-0 lg:col-span-3">
        <h3 id={headingId} className="flex flex-wrap items-center gap-2 text-sm font-semibold text-ink-900">
          {question}
          {answer.answerType !== AnswerType.TEXT && <Badge>{ANSWER_TYPE_LABELS[answer.answerType]} answer</Badge>}
        </h3>
        <p className="mt-1 whitespace-pre-wrap text-ink-900">{answer.prompt}</p>
        <dl className="mt-4 space-y-3 text-sm">
          <div>
            <dt className="text-ink-500">Answer</dt>
            {answer.answerType === AnswerType.TEXT ? (
              <dd className="mt-1 rounded-md bg-ink-50 px-4 py-3 break-words whitespace-pre-wrap text-ink-900">
                {answer.text || <span className="text-ink-500 italic">No answer</span>}
              </dd>
            ) : (
              <dd className="mt-1 space-y-2">
                <RecordedAnswerPlayers answer={answer} question={question} />
              </dd>
            )}
          </div>
          <div>
            <dt className="text-ink-500">Time used</dt>
            <dd className="mt-1 text-ink-900 tabular-nums">{timeUsed(answer)}</dd>
          </div>
        </dl>
      </div>
      {completed && (
        <div className="lg:col-span-2">
          <RatingForm interviewId={interviewId} answerId={answer.id} question={question} rating={answer.rating} notes={answer.reviewNotes} />
        </div>
      )}
    </article>
  );
}

function timeUsed(answer: ReviewAnswer): string {
  const allowed = formatSeconds(answer.answerSeconds);
  if (answer.timeUsedSeconds !== null) return `${formatSeconds(answer.timeUsedSeconds)} of ${allowed}`;
  return `${answer.submitted ? "Not recorded" : "Not submitted"} (${allowed} allowed)`;
}
