"use client";

import { useActionState, useId, useState } from "react";
import { LocalDate } from "@/components/local-date";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/lib/form-state";
import { startInterviewAction } from "./actions";
import { DeviceCheck } from "./device-check";
import { deviceNeeds } from "./device-needs";
import { AccommodationRequest } from "./accommodation-request";
import { PracticeQuestion } from "./practice-question";

const TYPE_WORDS = { TEXT: "written", VIDEO: "video", AUDIO: "audio" } as const;

export function Lobby(props: {
  candidateName: string;
  companyName: string;
  jobTitle: string;
  jobDescription: string;
  interviewerName: string;
  startsAt: string;
  totalMinutes: number;
  questionCount: number;
  answerTypes: Array<keyof typeof TYPE_WORDS>;
  retentionDays: number;
  accommodationRequestedAt: string | null;
}) {
  const [state, action, pending] = useActionState(startInterviewAction, initialFormState);
  const [agreed, setAgreed] = useState(false);
  const consentError = useId();
  const startHint = useId();
  const needs = deviceNeeds(props.answerTypes);
  const records = needs !== null;
  // Only this page view's check counts: devices change between visits (another computer, a headset).
  const [devicesReady, setDevicesReady] = useState(false);
  const blockedByDevices = needs !== null && !devicesReady;

  return (
    <div className="space-y-6">
      <section aria-labelledby="lobby-title" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-ink-200 sm:p-8">
        <p className="text-sm font-medium text-accent-700">{props.companyName}</p>
        <h1 id="lobby-title" className="mt-1 text-2xl font-semibold text-ink-900">
          {props.jobTitle}
        </h1>
        <p className="mt-2 text-ink-700">Welcome, {props.candidateName}. Your interview is open.</p>
        <dl className="mt-6 grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-ink-500">Interviewer</dt>
            <dd className="mt-1 text-ink-900">{props.interviewerName}</dd>
          </div>
          <div>
            <dt className="text-ink-500">Scheduled start</dt>
            <dd className="mt-1 text-ink-900">
              <LocalDate value={props.startsAt} />
            </dd>
          </div>
          <div>
            <dt className="text-ink-500">Questions</dt>
            <dd className="mt-1 text-ink-900">
              {props.questionCount} ({props.answerTypes.map((t) => TYPE_WORDS[t]).join(", ")} answers)
            </dd>
          </div>
          <div>
            <dt className="text-ink-500">Estimated length</dt>
            <dd className="mt-1 text-ink-900">About {props.totalMinutes} minutes</dd>
          </div>
        </dl>
        {props.jobDescription && <p className="mt-6 text-sm whitespace-pre-wrap text-ink-700">{props.jobDescription}</p>}
      </section>

      <section aria-labelledby="how-title" className="rounded-xl bg-white p-6 ring-1 ring-ink-200 sm:p-8">
        <h2 id="how-title" className="text-lg font-semibold text-ink-900">
          How it works
        </h2>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-ink-700">
          <li>Questions come one at a time. Each has a short preparation time, then a timed answer.</li>
          <li>The timer runs on our server: reloading the page or closing the laptop does not pause it.</li>
          <li>Written answers save as you type. When time runs out, your last saved answer counts.</li>
          {records && (
            <li>
              Recording starts when the preparation time ends and uploads as you speak. You can watch your take and, where the question allows it,
              record it again before you submit.
            </li>
          )}
          <li>You can finish a question early and move on.</li>
        </ul>
      </section>

      <AccommodationRequest companyName={props.companyName} requestedAt={props.accommodationRequestedAt} />

      <PracticeQuestion />

      {needs && <DeviceCheck needs={needs} onResult={setDevicesReady} />}

      <form action={action} aria-labelledby="consent-title" className="space-y-4 rounded-xl bg-white p-6 ring-1 ring-ink-200 sm:p-8">
        <h2 id="consent-title" className="text-lg font-semibold text-ink-900">
          Your consent
        </h2>
        <div className="space-y-2 text-sm text-ink-700">
          <p>
            <strong>What is recorded:</strong> your answers ({records ? "text, and the audio or video you record" : "the text you write"}) and when you
            start and submit each one.
          </p>
          <p>
            While you answer, we note when you leave this page or window, when you paste text into an answer, and whether the interview is open
            on more than one device. These are shown to the hiring team as notes with times, never as a verdict, and never stop your interview.
          </p>
          <p>
            <strong>Who sees it:</strong> the hiring team at {props.companyName}. The practice question is never saved or shared.
          </p>
          <p>
            <strong>How long it is kept:</strong> {props.companyName} deletes your answers and recordings {props.retentionDays} days after the
            interview. You can ask them to delete them sooner from the page you see when you finish.
          </p>
        </div>
        {state.message && <Alert tone="error">{state.message}</Alert>}
        <label className="flex items-start gap-3 text-sm text-ink-900">
          <input
            type="checkbox"
            name="consent"
            value="yes"
            checked={agreed}
            onChange={(e) => setAgreed(e.target.checked)}
            aria-describedby={consentError}
            aria-invalid={state.fieldErrors?.consent ? true : undefined}
            className="mt-0.5 h-4 w-4 accent-accent-600"
          />
          I understand what is recorded and agree to take this interview.
        </label>
        <p id={consentError} aria-live="polite" className="text-sm text-danger-700 empty:hidden">
          {state.fieldErrors?.consent?.join(" ")}
        </p>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <Button
            type="submit"
            disabled={pending || blockedByDevices}
            aria-describedby={blockedByDevices ? startHint : undefined}
            className="w-full justify-center sm:w-auto"
          >
            {pending ? "Starting…" : "Start interview"}
          </Button>
          {blockedByDevices && (
            <p id={startHint} className="text-sm text-ink-600">
              Check your {needs === "video" ? "camera and microphone" : "microphone"} above before you start.
            </p>
          )}
        </div>
      </form>
    </div>
  );
}
