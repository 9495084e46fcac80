import { Suspense } from "react";
import { ANSWER_TYPE_LABELS } from "@/app/(dashboard)/jobs/labels";
import { LocalDate } from "@/components/local-date";
import { Badge } from "@/components/ui/badge";
import { managesInterviews } from "@/lib/accounts/roles";
import { AnswerType, InterviewStatus } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/interviews/recruiter/manager";
import { findReview, findSignals, type Review, type ReviewAnswer, type ScorecardView } from "@/lib/interviews/review/find-review";
import { summarise, type ReviewSummary } from "@/lib/interviews/review/summary";
import { AnswerDeepLink } from "./answer-deep-link";
import { RecordedAnswerPlayers, SignalList } from "./recorded-answers";
import { DECISION_LABELS, DECISION_TONES, SCORE_RECOMMENDATION_LABELS, formatSeconds } from "../labels";
import { DecisionForm, RatingForm, ReopenScorecardForm, ScorecardForm } from "./review-panel";

const sectionClass = "mt-6 rounded-lg bg-white p-6 ring-1 ring-ink-200";

/**
 * The candidate's answers, question by question, and — once the interview is completed — the
 * viewer's own scorecard (a rating and notes per answer, a recommendation, submitted once), the
 * team's summary (after the viewer submits, or always for recruiters and above) and the hiring
 * decision. Others' scores are not in `review` at all until the viewer may see them.
 */
export async function ReviewSection({ viewer, interviewId }: { viewer: Viewer; interviewId: string }) {
  const [review, signals] = await Promise.all([findReview(viewer, interviewId), findSignals(viewer, interviewId)]);
  if (!review || review.answers.length === 0) return null;
  const completed = review.status === InterviewStatus.COMPLETED;
  const mine = review.mine;
  const submitted = mine?.submittedAt != null;
  const summary = review.others ? summarise([...(mine ? [mine] : []), ...review.others], review.answers) : null;

  return (
    <>
      <section aria-labelledby="answers-heading" className={sectionClass}>
        <h2 id="answers-heading" className="text-base font-semibold text-ink-900">
          Answers
        </h2>
        {completed ? (
          <p className="mt-1 text-sm text-ink-600">
            {submitted
              ? "Your scorecard is submitted; your ratings are shown beside each answer."
              : "Your ratings and notes are yours alone until you submit your scorecard; they save as you go."}
          </p>
        ) : (
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
              <AnswerItem interviewId={interviewId} answer={answer} question={`Question ${index + 1}`} completed={completed} mine={mine} canRetry={managesInterviews(viewer.role)} />
            </li>
          ))}
        </ol>
        {/* ?answer=…&t=… (a search result's link): its own boundary, as it reads the URL on the client. */}
        <Suspense fallback={null}>
          <AnswerDeepLink />
        </Suspense>
      </section>

      {completed && (
        <>
          <section aria-labelledby="scorecard-heading" className={sectionClass}>
            <h2 id="scorecard-heading" className="text-base font-semibold text-ink-900">
              Your scorecard
            </h2>
            {submitted && mine ? (
              <SubmittedScorecard interviewId={interviewId} card={mine} decided={review.decision !== null} />
            ) : (
              <>
                <p className="mt-1 text-sm text-ink-600">
                  Rate the answers above, then choose your recommendation and submit. Nobody sees your scorecard before you submit it, and you
                  see the others’ once you have.
                </p>
                <div className="mt-4 max-w-2xl">
                  <ScorecardForm interviewId={interviewId} recommendation={mine?.recommendation ?? null} comment={mine?.comment ?? ""} />
                </div>
              </>
            )}
          </section>

          <section aria-labelledby="summary-heading" className={sectionClass}>
            <h2 id="summary-heading" className="text-base font-semibold text-ink-900">
              Scorecard summary
            </h2>
            {summary ? (
              <Summary summary={summary} answers={review.answers} scorecards={[...(mine ? [mine] : []), ...(review.others ?? [])]} />
            ) : (
              <p className="mt-1 text-sm text-ink-600">The other reviewers’ scorecards appear here once you submit yours, so that you score independently.</p>
            )}
          </section>

          <DecisionSection interviewId={interviewId} review={review} />
        </>
      )}
    </>
  );
}

function SubmittedScorecard({ interviewId, card, decided }: { interviewId: string; card: ScorecardView; decided: boolean }) {
  return (
    <div className="mt-1 space-y-3 text-sm">
      <p className="text-ink-600">
        Submitted on <LocalDate value={card.submittedAt!.toISOString()} />.{" "}
        {decided ? "The decision has been made, so it stays as it is." : "It is locked; reopen it to change anything."}
      </p>
      <dl className="space-y-2">
        <div>
          <dt className="text-ink-500">Your recommendation</dt>
          <dd className="mt-0.5 font-medium text-ink-900">{card.recommendation ? SCORE_RECOMMENDATION_LABELS[card.recommendation] : "None"}</dd>
        </div>
        {card.comment && (
          <div>
            <dt className="text-ink-500">Your comment</dt>
            <dd className="mt-0.5 whitespace-pre-wrap text-ink-900">{card.comment}</dd>
          </div>
        )}
      </dl>
      {!decided && <ReopenScorecardForm interviewId={interviewId} />}
    </div>
  );
}

/** Submitted scorecards side by side: the recommendations tallied, then each question's spread of ratings. */
function Summary({ summary, answers, scorecards }: { summary: ReviewSummary; answers: ReviewAnswer[]; scorecards: ScorecardView[] }) {
  if (summary.submitted === 0) return <p className="mt-1 text-sm text-ink-600">No scorecard has been submitted yet.</p>;
  const submitted = scorecards.filter((card) => card.submittedAt);
  const notes = (answerId: string) =>
    submitted.flatMap((card) => {
      const rating = card.ratings.find((r) => r.answerId === answerId);
      return rating?.notes ? [{ reviewerName: card.external ? `${card.reviewerName} (external)` : card.reviewerName, notes: rating.notes }] : [];
    });
  return (
    <div className="mt-1 space-y-5 text-sm">
      <p className="text-ink-600">
        {summary.submitted} {summary.submitted === 1 ? "scorecard" : "scorecards"} submitted.
      </p>
      <div>
        <h3 className="font-medium text-ink-800">Recommendations</h3>
        <ul className="mt-2 flex flex-wrap gap-2">
          {Object.entries(SCORE_RECOMMENDATION_LABELS).map(([value, label]) => (
            <li key={value} className="rounded-md bg-ink-50 px-3 py-1.5 text-ink-900 ring-1 ring-ink-200 ring-inset">
              {label}: <span className="font-semibold tabular-nums">{summary.recommendations[value as keyof typeof summary.recommendations]}</span>
            </li>
          ))}
        </ul>
        <ul className="mt-2 space-y-1 text-ink-700">
          {submitted.map((card) => (
            <li key={card.id}>
              {card.reviewerName}
              {card.external && <External />}: {card.recommendation ? SCORE_RECOMMENDATION_LABELS[card.recommendation] : "no recommendation"}
              {card.comment && <span className="whitespace-pre-wrap text-ink-600"> — “{card.comment}”</span>}
            </li>
          ))}
        </ul>
      </div>
      <ol className="divide-y divide-ink-200 rounded-md ring-1 ring-ink-200">
        {summary.questions.map((q, index) => (
          <li key={q.answerId} className="space-y-1 px-4 py-3">
            <p className="flex flex-wrap items-center gap-2 font-medium text-ink-900">
              Question {index + 1}
              {q.disagreement && <Badge tone="warning">Reviewers disagree</Badge>}
            </p>
            <p className="text-ink-600">{answers[index]?.prompt}</p>
            {q.mean === null ? (
              <p className="text-ink-500 italic">Not rated</p>
            ) : (
              <p className="text-ink-900 tabular-nums">
                Mean {q.mean.toFixed(1)} of 5 · spread {q.spread}
              </p>
            )}
            {q.ratings.length > 0 && (
              <ul className="text-ink-700">
                {q.ratings.map((r, i) => (
                  <li key={i}>
                    {r.reviewerName}
                    {r.external && <External />}: {r.rating}
                  </li>
                ))}
              </ul>
            )}
            {notes(q.answerId).map((n, i) => (
              <p key={i} className="whitespace-pre-wrap text-ink-600">
                {n.reviewerName}’s notes: {n.notes}
              </p>
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Marks a scorecard left through a share link, by someone without an account. */
function External() {
  return (
    <>
      {" "}
      <Badge tone="accent">External</Badge>
    </>
  );
}

function DecisionSection({ interviewId, review }: { interviewId: string; review: Review }) {
  return (
    <section aria-labelledby="decision-heading" className={sectionClass}>
      <h2 id="decision-heading" className="text-base font-semibold text-ink-900">
        Decision
      </h2>
      <p className="mt-1 text-sm text-ink-600">
        {review.decision && review.decidedAt ? (
          <>
            <Badge tone={DECISION_TONES[review.decision]}>{DECISION_LABELS[review.decision]}</Badge>, decided
            {review.deciderName && ` by ${review.deciderName}`} on <LocalDate value={review.decidedAt.toISOString()} />.
            {review.decisionComment && <span className="mt-1 block whitespace-pre-wrap text-ink-900">{review.decisionComment}</span>}
          </>
        ) : review.canDecide ? (
          "Not decided yet. Recording the decision takes this interview off the “To review” list."
        ) : (
          "Not decided yet. A recruiter makes the decision once the scorecards are in."
        )}
      </p>
      {review.canDecide && (
        <div className="mt-4 max-w-2xl">
          <DecisionForm interviewId={interviewId} decision={review.decision} comment={review.decisionComment} />
        </div>
      )}
    </section>
  );
}

function AnswerItem({
  interviewId,
  answer,
  question,
  completed,
  mine,
  canRetry,
}: {
  interviewId: string;
  answer: ReviewAnswer;
  question: string;
  completed: boolean;
  mine: ScorecardView | null;
  canRetry: boolean;
}) {
  const headingId = `answer-${answer.id}-heading`;
  const own = mine?.ratings.find((r) => r.answerId === answer.id);
  return (
    <article id={`answer-${answer.id}`} aria-labelledby={headingId} className="grid scroll-mt-6 gap-6 lg:grid-cols-5">
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
                <RecordedAnswerPlayers answer={answer} question={question} canRetry={canRetry} />
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
          {mine?.submittedAt ? (
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="text-ink-500">Your rating</dt>
                <dd className="mt-0.5 text-ink-900 tabular-nums">{own?.rating != null ? `${own.rating} of 5` : "Not rated"}</dd>
              </div>
              {own?.notes && (
                <div>
                  <dt className="text-ink-500">Your notes</dt>
                  <dd className="mt-0.5 whitespace-pre-wrap text-ink-900">{own.notes}</dd>
                </div>
              )}
            </dl>
          ) : (
            <RatingForm interviewId={interviewId} answerId={answer.id} question={question} rating={own?.rating ?? null} notes={own?.notes ?? ""} />
          )}
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
