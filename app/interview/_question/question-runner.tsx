"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { formatDuration, spokenDuration, useServerClock } from "@/components/use-server-clock";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LiveAnnouncement } from "../_components/live-announcement";
import { releaseHeldStream } from "../_device-check/held-stream";
import { OnDemand, onDemand } from "../_components/on-demand";
import type { RecordingState } from "../_recorded-answer/use-recorder";
import { skipPreparationAction, submitAnswerAction } from "../actions";
import { TextAnswer } from "./text-answer";
import { useAnswerDraft } from "./use-answer-draft";
import { useIntegritySignals } from "./use-integrity-signals";

type Question = {
  id: string;
  number: number;
  total: number;
  /** No other question is left to answer: submitting it finishes the interview. */
  last: boolean;
  prompt: string;
  answerType: "TEXT" | "VIDEO" | "AUDIO";
  text: string;
  savedAt: string | null;
  answerStartsAt: string;
  deadline: string;
};

// Only interviews with recorded questions load the recorder (and the uploader) at all.
const { Part: RecordedAnswer } = onDemand(() => import("../_recorded-answer/recorded-answer").then((m) => m.RecordedAnswer));

const ANNOUNCE_AT_SECONDS = [60, 30, 10];

/**
 * One question: preparation countdown, then the answer countdown, both from the server's
 * timestamps. Typing autosaves; when time runs out the answer is submitted with what was typed,
 * and the server keeps the last saved text if the submission arrives too late.
 */
export function QuestionRunner({ serverNow, question, recording }: { serverNow: string; question: Question; recording: RecordingState }) {
  const router = useRouter();
  const now = useServerClock(serverNow);
  const recorded = question.answerType !== "TEXT";
  // The deadline moves when the candidate skips the preparation or starts a retake (the server says by how much).
  const [times, setTimes] = useState({ answerStartsAt: Date.parse(question.answerStartsAt), deadline: Date.parse(question.deadline) });
  const { answerStartsAt, deadline } = times;
  const answerSeconds = (Date.parse(question.deadline) - Date.parse(question.answerStartsAt)) / 1000;
  const preparing = now < answerStartsAt;
  const { otherDevice } = useIntegritySignals(question.id);
  const remaining = preparing ? (answerStartsAt - now) / 1000 : (deadline - now) / 1000;

  const { text, setText, saved, setSaved, latest } = useAnswerDraft(question.id, question);
  const [submitting, startSubmit] = useTransition();
  const submitted = useRef(false);
  const textarea = useRef<HTMLTextAreaElement>(null);

  const submit = useCallback(() => {
    if (submitted.current) return;
    submitted.current = true;
    startSubmit(async () => {
      const result = await submitAnswerAction(question.id, latest.current);
      if (!result.ok && result.reason === "invalid") {
        submitted.current = false;
        setSaved({ state: "error", message: result.message });
        return;
      }
      router.refresh();
    });
  }, [question.id, router, latest, setSaved]);
  const recordingStarted = useCallback(
    (serverDeadline: string) => setTimes((t) => ({ answerStartsAt: Math.min(t.answerStartsAt, Date.now()), deadline: Date.parse(serverDeadline) })),
    [],
  );

  // Time is up: submit what is there, once (a recorded answer first stops and saves its recording).
  useEffect(() => {
    if (!recorded && !preparing && remaining <= 0) submit();
  });

  // Phase changes and a few thresholds are announced; the visible timer is not read every second.
  // The phase is said when it starts (with the time it has then), a threshold when it is crossed
  // (over the phase if both come at once); what was said last stays until the next. The phase and
  // threshold last said are kept in state and compared while rendering.
  const threshold = preparing ? null : (ANNOUNCE_AT_SECONDS.find((s) => remaining <= s && remaining > s - 1) ?? null);
  const phaseText = () =>
    preparing ? `Question ${question.number} of ${question.total}. Preparation time: ${spokenDuration(remaining)}.` : `Answer now. You have ${spokenDuration(answerSeconds)}.`;
  const [said, setSaid] = useState(() => ({ preparing, threshold, text: threshold ? `${spokenDuration(threshold)} left.` : phaseText() }));
  if (said.preparing !== preparing || said.threshold !== threshold) {
    const text = threshold && threshold !== said.threshold ? `${spokenDuration(threshold)} left.` : preparing !== said.preparing ? phaseText() : said.text;
    setSaid({ preparing, threshold, text });
  }
  // The lobby's camera, kept on for a recorded first question, is not wanted by a written one.
  useEffect(() => {
    if (!recorded) releaseHeldStream();
  }, [recorded]);

  // Answering a written question starts in its field, with the caret after what is already
  // there (a reload brings the saved text back): focus() alone leaves it at the start, and what is
  // typed next would go before the saved text.
  useEffect(() => {
    const field = textarea.current;
    if (preparing || recorded || !field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, [preparing, recorded]);

  const { last } = question;
  return (
    <section aria-labelledby="question-title" className="space-y-5 rounded-xl bg-white p-5 shadow-sm ring-1 ring-ink-200 sm:p-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm font-medium text-ink-600">
          Question {question.number} of {question.total}
        </p>
        <div className="text-right">
          <p className="text-xs font-medium tracking-wide text-ink-500 uppercase">{preparing ? "Preparation" : "Time left"}</p>
          <p role="timer" aria-label={`${preparing ? "Preparation" : "Answer"} time left: ${spokenDuration(remaining)}`} className={`text-2xl font-semibold tabular-nums ${!preparing && remaining <= 10 ? "text-danger-700" : "text-ink-900"}`}>
            {formatDuration(remaining)}
          </p>
        </div>
      </div>
      <h1 id="question-title" className="text-xl font-semibold text-ink-900">
        {question.prompt}
      </h1>
      <LiveAnnouncement text={said.text} />
      {otherDevice && <Alert tone="info">This interview is also open on another device. Please carry on with one device only.</Alert>}
      {recorded ? (
        <OnDemand what="The recorder" fallback={<p className="text-ink-700">Getting your camera and microphone ready…</p>}>
          <RecordedAnswer
            answerId={question.id}
            kind={question.answerType as "VIDEO" | "AUDIO"}
            preparing={preparing}
            remaining={remaining}
            recording={recording}
            submitting={submitting}
            last={last}
            onStarted={recordingStarted}
            onSubmit={submit}
          />
        </OnDemand>
      ) : preparing ? (
        <div className="space-y-3">
          <p className="text-ink-700">Take a moment to think. Answering starts when the preparation time ends.</p>
          <Button
            variant="secondary"
            onClick={async () => {
              setTimes({ answerStartsAt: now, deadline: now + answerSeconds * 1000 });
              await skipPreparationAction(question.id);
            }}
          >
            Start answering now
          </Button>
        </div>
      ) : (
        <TextAnswer answerId={question.id} text={text} onChange={setText} saved={saved} disabled={submitting} ref={textarea} />
      )}
      {!preparing && !recorded && (
        <div className="flex justify-end">
          <Button onClick={submit} disabled={submitting}>
            {submitting ? "Submitting…" : last ? "Finish interview" : "Submit and continue"}
          </Button>
        </div>
      )}
    </section>
  );
}
