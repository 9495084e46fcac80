import { LocalDate } from "@/components/local-date";
import { AnswerType, IntegritySignalKind } from "@/lib/generated/prisma/enums";
import type { findSignals, ReviewAnswer } from "@/lib/interviews/review/find-review";
import { formatSeconds } from "../labels";

const TIME = { dateStyle: undefined, timeStyle: "medium" } as const;

/**
 * The kept take of a recorded answer, streamed from /api/recordings (organisation-checked). A
 * take interrupted by a reload has several segments, played one after another.
 */
export function RecordedAnswerPlayers({ answer, question }: { answer: ReviewAnswer; question: string }) {
  if (answer.recordings.length === 0) return <p className="rounded-md bg-ink-50 px-4 py-3 text-ink-500 italic">No recording</p>;
  const parts = answer.recordings.length;
  return (
    <>
      {answer.recordings.map((recording) => {
        const label = `${question}, ${answer.answerType === AnswerType.VIDEO ? "video" : "audio"} answer${parts > 1 ? `, part ${recording.segment} of ${parts}` : ""}`;
        const src = `/api/recordings/${recording.id}`;
        return (
          <figure key={recording.id} className="space-y-1">
            {answer.answerType === AnswerType.VIDEO ? (
              <video src={src} controls preload="metadata" playsInline aria-label={label} className="aspect-video w-full max-w-xl rounded-md bg-ink-900" />
            ) : (
              <audio src={src} controls preload="metadata" aria-label={label} className="w-full max-w-xl" />
            )}
            {(parts > 1 || recording.durationMs !== null) && (
              <figcaption className="text-xs text-ink-600">
                {/* Known before the player loads anything: MediaRecorder's WebM does not say. */}
                {recording.durationMs !== null && `Length ${formatSeconds(Math.floor(recording.durationMs / 1000))}`}
                {recording.durationMs !== null && parts > 1 && " · "}
                {parts > 1 && `Part ${recording.segment} of ${parts}`}
                {parts > 1 && recording.segment < parts && " — the candidate's page was reloaded here and they carried on"}
              </figcaption>
            )}
          </figure>
        );
      })}
      <p className="text-xs text-ink-600">
        Take {answer.takesUsed} of {answer.takesAllowed} allowed{answer.takesUsed > 1 && " (earlier takes were replaced by the candidate and deleted)"}.
      </p>
    </>
  );
}

type Signal = Awaited<ReturnType<typeof findSignals>>[number];

function describe(signal: Signal): string {
  const detail = (signal.detail ?? {}) as { seconds?: number; characters?: number };
  switch (signal.kind) {
    case IntegritySignalKind.LEFT_PAGE:
      return `Left the interview page for ${formatSeconds(Math.max(1, Math.round(detail.seconds ?? 0)))}`;
    case IntegritySignalKind.PASTE:
      return `Pasted ${detail.characters ?? 0} characters into the answer`;
    case IntegritySignalKind.MULTIPLE_DEVICES:
      return "The interview was open on a second device";
  }
}

/** Integrity signals, as notes with times: something to ask about, never a verdict. */
export function SignalList({ signals }: { signals: Signal[] }) {
  return (
    <details className="mt-4 rounded-md bg-ink-50 px-4 py-3 text-sm">
      <summary className="cursor-pointer font-medium text-ink-900">
        {signals.length} integrity {signals.length === 1 ? "note" : "notes"}
      </summary>
      <p className="mt-2 text-ink-600">
        Things the candidate&apos;s browser noticed while they answered, disclosed to them before they started. They have innocent explanations as often as
        not (a notification, a dropped connection, notes pasted from their own draft): use them to ask, not to decide.
      </p>
      <ul className="mt-3 space-y-1">
        {signals.map((signal) => (
          <li key={signal.id} className="flex flex-wrap gap-x-3 text-ink-800">
            <span className="text-ink-500 tabular-nums">
              <LocalDate value={signal.at.toISOString()} options={TIME} />
            </span>
            {signal.position !== null && <span className="text-ink-500">Question {signal.position}</span>}
            <span>{describe(signal)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
