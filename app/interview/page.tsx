import { redirect } from "next/navigation";
import { now } from "@/lib/clock";
import { currentCandidateAccess } from "@/lib/http/candidate";
import { loadCandidateView } from "@/lib/interviews/candidate/portal-view";
import { BetweenQuestions } from "./_break/between-questions";
import { Lobby } from "./_lobby/lobby";
import { QuestionRunner } from "./_question/question-runner";
import { ThankYou } from "./_states/thank-you";
import { TooEarly } from "./_states/too-early";

// The candidate portal. The key arrives in a cookie (proxy.ts moved it out of the URL) and is
// judged on the server, against the server's clock, before anything renders. proxy.ts has
// already answered the end states (invalid, replaced, cancelled, expired).
export default async function InterviewPortalPage() {
  const at = now();
  const access = await currentCandidateAccess();
  switch (access.state) {
    case "invalid":
    case "replaced":
    case "cancelled":
    case "expired":
      // proxy.ts answers these with their own status; the state changed in between: ask it again.
      redirect("/interview");
    case "too_early":
      return <TooEarly opensAt={access.opensAt.toISOString()} startsAt={access.startsAt.toISOString()} dueAt={access.dueAt?.toISOString()} serverNow={at.toISOString()} />;
  }
  const view = await loadCandidateView(access.interviewId, at);
  if (access.state === "completed" || view.finished) return <ThankYou candidateName={view.candidateName} companyName={view.companyName} contact={{ name: view.interviewerName, email: view.interviewerEmail }} />;
  if (access.state === "open") {
    return (
      <Lobby
        candidateName={view.candidateName}
        companyName={view.companyName}
        jobTitle={view.jobTitle}
        jobDescription={view.jobDescription}
        interviewerName={view.interviewerName}
        interviewerEmail={view.interviewerEmail}
        startsAt={view.scheduledAt.toISOString()}
        dueAt={view.dueAt?.toISOString()}
        totalMinutes={view.plannedMinutes}
        questionCount={view.questionCount}
        answerTypes={view.answerTypes}
        retentionDays={view.retentionDays}
        transcriptionNotice={view.transcriptionNotice}
        accommodationRequestedAt={view.accommodationRequestedAt?.toISOString() ?? null}
      />
    );
  }
  if (view.nextNumber !== null && view.dueAt) {
    return (
      <BetweenQuestions
        candidateName={view.candidateName}
        companyName={view.companyName}
        jobTitle={view.jobTitle}
        interviewerName={view.interviewerName}
        interviewerEmail={view.interviewerEmail}
        answered={view.answeredCount}
        total={view.questionTotal}
        nextNumber={view.nextNumber}
        dueAt={view.dueAt.toISOString()}
      />
    );
  }
  if (!view.current) return <ThankYou candidateName={view.candidateName} companyName={view.companyName} contact={{ name: view.interviewerName, email: view.interviewerEmail }} />;
  const c = view.current;
  return (
    <QuestionRunner
      key={c.id}
      serverNow={at.toISOString()}
      question={{
        id: c.id,
        number: c.position + 1,
        total: view.questionTotal,
        last: view.currentIsLast,
        prompt: c.prompt,
        answerType: c.answerType,
        text: c.text,
        savedAt: c.savedAt?.toISOString() ?? null,
        answerStartsAt: c.answerStartsAt.toISOString(),
        deadline: c.deadline.toISOString(),
      }}
      recording={{
        takesAllowed: c.retakes + 1,
        takesUsed: c.recordings[0]?.take ?? 0,
        latest: c.recordings[0] && c.recordings[0].status !== "DISCARDED" ? { id: c.recordings[0].id, take: c.recordings[0].take, status: c.recordings[0].status, durationMs: c.recordings[0].durationMs } : null,
      }}
    />
  );
}
