import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { LocalDate } from "@/components/local-date";
import { Badge } from "@/components/ui/badge";
import { now } from "@/lib/clock";
import { AnswerType } from "@/lib/generated/prisma/enums";
import { SHARE_COOKIE } from "@/lib/http/share";
import { findSharedInterview, type SharedInterview } from "@/lib/interviews/share/find-shared";
import { resolveShareToken } from "@/lib/interviews/share/open";
import { formatSeconds } from "@/app/(dashboard)/interviews/labels";
import { ExternalScorecardForm } from "./scorecard-form";

// A share link's page. The token arrives in a cookie (proxy.ts moved it out of the URL, judged it
// and logged the view); it is judged again here, against the server's clock, before anything
// renders. What renders is only what the link shows: the chosen answers and, in blind mode, the
// candidate's initials — their name is not even read then.
export default async function SharePage() {
  const access = await resolveShareToken((await cookies()).get(SHARE_COOKIE)?.value, now());
  // proxy.ts answers these with 404 or 410; the link changed in between.
  if (access.state !== "active") notFound();
  const view = await findSharedInterview(access);
  if (!view) notFound();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-ink-600">
          {view.organizationName} shared this interview with you · {view.jobTitle}
        </p>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight text-ink-900">
          {view.blind ? `Candidate ${view.candidate}` : view.candidate}
          {view.blind && <Badge>Blind review</Badge>}
        </h1>
        <p className="text-sm text-ink-600">
          {view.answers.length === view.questionTotal
            ? `All ${view.questionTotal} ${view.questionTotal === 1 ? "answer" : "answers"}`
            : `${view.answers.length} of ${view.questionTotal} answers`}
          {view.completedAt && (
            <>
              , completed <LocalDate value={view.completedAt.toISOString()} options={{ dateStyle: "medium" }} />
            </>
          )}
          . This link works until <LocalDate value={view.expiresAt.toISOString()} />.
          {view.blind && " The candidate's name and contact details are withheld so that you judge the answers alone."}
        </p>
      </header>

      <section aria-labelledby="answers-heading" className="rounded-lg bg-white p-6 ring-1 ring-ink-200">
        <h2 id="answers-heading" className="text-base font-semibold text-ink-900">
          Answers
        </h2>
        <ol className="mt-2 divide-y divide-ink-200">
          {view.answers.map((answer) => (
            <li key={answer.id} className="py-6 first:pt-2 last:pb-0">
              <SharedAnswer answer={answer} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="scorecard-heading" className="rounded-lg bg-white p-6 ring-1 ring-ink-200">
        <h2 id="scorecard-heading" className="text-base font-semibold text-ink-900">
          Your scorecard
        </h2>
        <p className="mt-1 text-sm text-ink-600">
          Rate each answer from 1 (weakest) to 5 (strongest), then give your recommendation. The hiring team sees it beside theirs,
          with your name; you submit it once.
        </p>
        <div className="mt-4 max-w-2xl">
          <ExternalScorecardForm shareLinkId={access.shareLinkId} answers={view.answers.map((a) => ({ id: a.id, question: `Question ${a.number}` }))} />
        </div>
      </section>
    </div>
  );
}

function SharedAnswer({ answer }: { answer: SharedInterview["answers"][number] }) {
  const question = `Question ${answer.number}`;
  const headingId = `answer-${answer.id}-heading`;
  const parts = answer.recordings.length;
  return (
    <article aria-labelledby={headingId} className="space-y-3">
      <h3 id={headingId} className="flex flex-wrap items-center gap-2 text-sm font-semibold text-ink-900">
        {question}
        {answer.answerType !== AnswerType.TEXT && <Badge>{answer.answerType === AnswerType.VIDEO ? "Video" : "Audio"} answer</Badge>}
      </h3>
      <p className="whitespace-pre-wrap text-ink-900">{answer.prompt}</p>
      {answer.answerType === AnswerType.TEXT ? (
        <p className="rounded-md bg-ink-50 px-4 py-3 text-sm break-words whitespace-pre-wrap text-ink-900">{answer.text || <span className="text-ink-500 italic">No answer</span>}</p>
      ) : parts === 0 ? (
        <p className="rounded-md bg-ink-50 px-4 py-3 text-sm text-ink-500 italic">No recording</p>
      ) : (
        answer.recordings.map((recording) => {
          // Streamed through the link's own route: the URL carries the recording's id, nothing that names anyone.
          const src = `/share/recordings/${recording.id}`;
          const label = `${question}, ${answer.answerType === AnswerType.VIDEO ? "video" : "audio"} answer${parts > 1 ? `, part ${recording.segment} of ${parts}` : ""}`;
          const track = recording.captions && <track kind="captions" src={`${src}/captions`} srcLang="en" label="English (automatic)" default />;
          return answer.answerType === AnswerType.VIDEO ? (
            <video key={recording.id} src={src} controls preload="metadata" playsInline aria-label={label} className="aspect-video w-full max-w-xl rounded-md bg-ink-900">
              {track}
            </video>
          ) : (
            <audio key={recording.id} src={src} controls preload="metadata" aria-label={label} className="w-full max-w-xl">
              {track}
            </audio>
          );
        })
      )}
      <p className="text-sm text-ink-600 tabular-nums">
        Time used: {answer.timeUsedSeconds !== null ? `${formatSeconds(answer.timeUsedSeconds)} of ${formatSeconds(answer.answerSeconds)}` : `not recorded (${formatSeconds(answer.answerSeconds)} allowed)`}
      </p>
    </article>
  );
}
