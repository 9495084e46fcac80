import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { requireRole } from "@/lib/accounts/auth";
import { AnswerType, Role } from "@/lib/generated/prisma/enums";
import { findRetentionSetting } from "@/lib/interviews/lifecycle/retention";
import { estimateMinutes } from "@/lib/interviews/model/estimate";
import { summariseQuestions } from "@/lib/interviews/model/questions";
import { transcriptionNotice } from "@/lib/interviews/transcripts/notice";
import { findTranscriptionSetting } from "@/lib/interviews/transcripts/settings";
import { findJob } from "@/lib/jobs";
import { Lobby } from "@/app/interview/_lobby/lobby";

export const metadata: Metadata = { title: "Preview as candidate" };

const ANSWER_WORDS = { TEXT: "Written answer", VIDEO: "Video answer", AUDIO: "Audio answer" } as const;

/** "30 s", "2 min", "1 min 30 s". */
function spoken(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return [m > 0 && `${m} min`, (s > 0 || m === 0) && `${s} s`].filter(Boolean).join(" ");
}

/**
 * A job's interview as a candidate sees it when the link opens — the portal's own lobby, with its
 * device check and practice — and the questions they will get, read-only. Nothing is created: no
 * interview, candidate, key or email; the lobby's Start and requests are off.
 */
export default async function JobPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireRole(Role.RECRUITER);
  const { id } = await params;
  const [job, { retentionDays }, { transcriptionEnabled }] = await Promise.all([
    findJob(member.organizationId, id),
    findRetentionSetting(member.organizationId),
    findTranscriptionSetting(member.organizationId),
  ]);
  if (!job) notFound();
  const { questionCount, answerTypes } = summariseQuestions(job.questions);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href={`/jobs/${job.id}`} className="text-sm text-ink-600 hover:text-ink-900">
        ← Back to the job
      </Link>
      <Alert tone="info">
        This is a preview: what a candidate sees when the link in their invitation opens. Nothing is saved and nobody is emailed; the device check
        and the practice work, the interview cannot be started.
      </Alert>
      {questionCount === 0 ? (
        <Alert tone="error">This job has no questions yet. Add at least one before scheduling interviews.</Alert>
      ) : (
        <>
          <Lobby
            preview
            candidateName="[candidate's name]"
            companyName={member.organizationName}
            jobTitle={job.title}
            jobDescription={job.description}
            interviewerName={member.name}
            interviewerEmail={member.email}
            startsAt={new Date().toISOString()}
            totalMinutes={estimateMinutes(job.questions)}
            questionCount={questionCount}
            answerTypes={answerTypes}
            retentionDays={retentionDays}
            transcriptionNotice={transcriptionNotice({ answerTypes, transcriptionEnabled })}
            accommodationRequestedAt={null}
          />
          <section aria-labelledby="questions-title" className="rounded-xl bg-white p-6 ring-1 ring-ink-200 sm:p-8">
            <h2 id="questions-title" className="text-lg font-semibold text-ink-900">
              The questions
            </h2>
            <p className="mt-1 text-sm text-ink-600">Candidates see them one at a time, in this order, each after its preparation time.</p>
            <ol aria-labelledby="questions-title" className="mt-4 space-y-3">
              {job.questions.map((q, i) => (
                <li key={q.id} className="rounded-lg bg-ink-50 px-4 py-3">
                  <p className="font-medium text-ink-900">
                    <span className="text-ink-500">{i + 1}.</span> {q.prompt}
                  </p>
                  <p className="mt-1 text-sm text-ink-600">
                    {[
                      ANSWER_WORDS[q.answerType],
                      `${spoken(q.prepSeconds)} to prepare`,
                      `${spoken(q.answerSeconds)} to answer`,
                      q.answerType !== AnswerType.TEXT && (q.retakes === 0 ? "no retakes" : `${q.retakes} ${q.retakes === 1 ? "retake" : "retakes"}`),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </div>
  );
}
