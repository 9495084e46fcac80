import { LocalDate } from "@/components/local-date";
import { AnswerType, IntegritySignalKind, TranscriptStatus } from "@/lib/generated/prisma/enums";
import type { findSignals, ReviewAnswer } from "@/lib/interviews/review/find-review";
import { captionedRecordings } from "@/lib/interviews/transcripts/reading";
import { formatSeconds } from "../labels";
import { RetryTranscriptionButton } from "./retry-transcription-button";
import { TranscriptLines } from "./transcript-lines";
import { RefreshWhileTranscribing } from "./refresh-while-transcribing";
import { playerId } from "./transcript-time";

const TIME = { dateStyle: undefined, timeStyle: "medium" } as const;

/**
 * The kept take of a recorded answer, streamed from /api/recordings (organisation-checked). A
 * take interrupted by a reload has several segments, played one after another. Each player says
 * where its part starts in the take (data-offset-ms: the transcript's parts, else the lengths
 * before it), so a transcript line or a deep link can seek the right one.
 */
export function RecordedAnswerPlayers({ answer, question, canRetry }: { answer: ReviewAnswer; question: string; canRetry: boolean }) {
  if (answer.recordings.length === 0) return <p className="rounded-md bg-ink-50 px-4 py-3 text-ink-500 italic">No recording</p>;
  const parts = answer.recordings.length;
  const transcript = answer.transcript;
  const captioned = captionedRecordings(transcript);
  const offsets = partOffsets(answer);
  return (
    <>
      {answer.recordings.map((recording) => {
        const label = `${question}, ${answer.answerType === AnswerType.VIDEO ? "video" : "audio"} answer${parts > 1 ? `, part ${recording.segment} of ${parts}` : ""}`;
        const src = `/api/recordings/${recording.id}`;
        const media = {
          id: playerId(recording.id),
          src,
          controls: true,
          preload: "metadata",
          "aria-label": label,
          "data-offset-ms": offsets.get(recording.id),
        } as const;
        // Captions from the transcript, on by default: the player's own CC button turns them off.
        const track = captioned.has(recording.id) && <track kind="captions" src={`${src}/captions`} srcLang="en" label="English (automatic)" default />;
        return (
          <figure key={recording.id} className="space-y-1">
            {answer.answerType === AnswerType.VIDEO ? (
              <video {...media} playsInline className="aspect-video w-full max-w-xl rounded-md bg-ink-900">
                {track}
              </video>
            ) : (
              <audio {...media} className="w-full max-w-xl">
                {track}
              </audio>
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
      {transcript && <Transcript answerId={answer.id} question={question} transcript={transcript} canRetry={canRetry} />}
    </>
  );
}

/** Where each part starts in the take: as the transcript measured it, else after the recorded lengths before it. */
function partOffsets(answer: ReviewAnswer): Map<string, number> {
  const measured = new Map((answer.transcript?.parts ?? []).map((p) => [p.recordingId, p.offsetMs]));
  const offsets = new Map<string, number>();
  let start = 0;
  for (const recording of answer.recordings) {
    offsets.set(recording.id, measured.get(recording.id) ?? start);
    start = (measured.get(recording.id) ?? start) + (recording.durationMs ?? 0);
  }
  return offsets;
}

const ENGINE_LABELS: Record<string, string> = { offline: "offline engine", openai: "OpenAI-compatible service" };

/** The answer's automatic transcript, or where it stands: queued, running, failed (and why), skipped (and why). */
function Transcript({ answerId, question, transcript, canRetry }: { answerId: string; question: string; transcript: NonNullable<ReviewAnswer["transcript"]>; canRetry: boolean }) {
  const headingId = `transcript-${answerId}-heading`;
  return (
    <section aria-labelledby={headingId} className="max-w-xl space-y-2 pt-2">
      <h4 id={headingId} className="text-sm font-medium text-ink-700">
        Transcript
      </h4>
      {transcript.status === TranscriptStatus.QUEUED || transcript.status === TranscriptStatus.PROCESSING ? (
        <p role="status" className="text-ink-600">
          Transcribing…
          <RefreshWhileTranscribing />
        </p>
      ) : transcript.status === TranscriptStatus.FAILED ? (
        <div>
          <p className="text-ink-800">Could not be transcribed: {transcript.reason ?? "the transcription service gave no reason"}.</p>
          {canRetry && <RetryTranscriptionButton answerId={answerId} />}
        </div>
      ) : transcript.status === TranscriptStatus.SKIPPED ? (
        <p className="text-ink-600">Not transcribed: {transcript.reason ?? "transcription is off"}.</p>
      ) : (
        <>
          {transcript.text.trim() === "" || transcript.segments.length === 0 ? (
            <p className="text-ink-600">{transcript.text.trim() === "" ? "No speech was recognised in this recording." : transcript.text}</p>
          ) : (
            <TranscriptLines lines={transcript.segments} parts={transcript.parts} label={`${question}, transcript`} />
          )}
          <p className="text-xs text-ink-600">
            Automatic transcript ({ENGINE_LABELS[transcript.engine ?? ""] ?? transcript.engine ?? "unknown engine"}): may contain mistakes. It is never used to score
            candidates.
          </p>
        </>
      )}
    </section>
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
