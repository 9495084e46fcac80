import { LocalDate } from "@/components/local-date";
import { deviceNeeds } from "../_device-check/device-needs";
import { AccommodationRequest } from "../_requests/accommodation-request";
import { RecruiterContact } from "../_components/recruiter-contact";
import { LobbyStart } from "./lobby-start";
import { PracticeQuestion } from "./practice-question";
import { PracticeRecording } from "./practice-recording";

const TYPE_WORDS = { TEXT: "written", VIDEO: "video", AUDIO: "audio" } as const;

/**
 * The lobby, rendered on the server: what the interview is, how it works and what the candidate
 * consents to are text; only the accommodation request, the practice question, the device check and
 * the consent form itself (LobbyStart) are client components.
 */
export function Lobby(props: {
  candidateName: string;
  companyName: string;
  jobTitle: string;
  jobDescription: string;
  interviewerName: string;
  interviewerEmail: string | null;
  startsAt: string;
  /** An interview to complete by a deadline: when it is due (it has no start). */
  dueAt?: string;
  totalMinutes: number;
  questionCount: number;
  answerTypes: Array<keyof typeof TYPE_WORDS>;
  retentionDays: number;
  /** What the candidate is told about transcripts of recorded answers (lib/interviews/transcripts/notice.ts); null: none are made. */
  transcriptionNotice: string | null;
  accommodationRequestedAt: string | null;
  /** A recruiter's preview of the job (dashboard): nothing can be requested or started. */
  preview?: boolean;
}) {
  const needs = deviceNeeds(props.answerTypes);
  const records = needs !== null;

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
            <dt className="text-ink-500">{props.dueAt ? "Complete by" : "Scheduled start"}</dt>
            <dd className="mt-1 text-ink-900">
              <LocalDate value={props.dueAt ?? props.startsAt} />
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
        <RecruiterContact name={props.interviewerName} email={props.interviewerEmail} companyName={props.companyName} className="mt-6 text-sm text-ink-700" />
      </section>

      <section aria-labelledby="how-title" className="rounded-xl bg-white p-6 ring-1 ring-ink-200 sm:p-8">
        <h2 id="how-title" className="text-lg font-semibold text-ink-900">
          How it works
        </h2>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-ink-700">
          <li>Questions come one at a time. Each has a short preparation time, then a timed answer.</li>
          {props.dueAt && (
            <li>
              You can take a break between questions and come back to this link until the due date. The next question&apos;s timer starts when you
              open it.
            </li>
          )}
          <li>The timer runs on our server: reloading the page or closing the laptop does not pause {props.dueAt ? "a question once it is open" : "it"}.</li>
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

      {!props.preview && <AccommodationRequest companyName={props.companyName} requestedAt={props.accommodationRequestedAt} />}

      {/* With recorded answers the practice is a recording, on the devices the check turns on: it comes after the check. */}
      {!needs && <PracticeQuestion />}

      <LobbyStart needs={needs} practice={needs && <PracticeRecording needs={needs} />} preview={props.preview}>
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
            <strong>Who sees it:</strong> the hiring team at {props.companyName}. The practice {records ? "recording" : "question"} is never saved or shared.
          </p>
          {props.transcriptionNotice && (
            <p>
              <strong>Transcripts:</strong> {props.transcriptionNotice}
            </p>
          )}
          <p>
            <strong>How long it is kept:</strong> {props.companyName} deletes your answers and recordings {props.retentionDays} days after the
            interview. You can ask them to delete them sooner from the page you see when you finish.
          </p>
        </div>
      </LobbyStart>
    </div>
  );
}
