import { addDays } from "date-fns";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmailBadge } from "@/components/interview-status-badge";
import { LocalDate } from "@/components/local-date";
import { Alert } from "@/components/ui/alert";
import { asViewer, requireMember } from "@/lib/accounts/auth";
import { managesInterviews, ROLE_LABELS } from "@/lib/accounts/roles";
import { listTeam } from "@/lib/accounts/members";
import { listReviewRequests } from "@/lib/interviews/review/requests";
import { listShareLinks, SHARE_LINK_DAY_CHOICES, SHARE_LINK_DEFAULT_DAYS } from "@/lib/interviews/share/links";
import { findAccommodations } from "@/lib/interviews/recruiter/accommodations";
import { findContentState } from "@/lib/interviews/recruiter/content";
import { BADGE_EMAIL_KINDS, deliveryLabel, EMAIL_KIND_LABELS, emailBadge } from "@/lib/interviews/model/email-labels";
import { findInterview } from "@/lib/interviews/recruiter/queries";
import { accessWindow, dateInZone } from "@/lib/interviews/model/window";
import { formatInZone } from "@/lib/time-zones";
import { now } from "@/lib/clock";
import { ActorType } from "@/lib/generated/prisma/enums";
import { AccommodationsCard } from "./accommodations-card";
import { ContentCard } from "./content-card";
import { InterviewActions } from "./interview-actions";
import { NoticeSlot, PageNoticeProvider } from "./page-notice";
import { ReopenDialog } from "./reopen-dialog";
import { RequestReviewDialog } from "./request-review-dialog";
import { ShareLinkDialog } from "./share-link-dialog";
import { ShareLinksSection } from "./share-links-section";
import { ReviewSection } from "./review-section";
import { ReviewerInterviewView } from "./reviewer-view";
import { InterviewHeader } from "./interview-header";

/** Who made a timeline entry, after its words; a member's own changes need no note. */
const ACTOR_NOTES: Record<ActorType, string> = {
  [ActorType.USER]: "",
  [ActorType.SYSTEM]: " · Kairos",
  [ActorType.CANDIDATE]: " · candidate",
  [ActorType.SHARE_LINK]: " · through a share link",
  [ActorType.API_KEY]: " · through the API",
};
import { describeEvent } from "./timeline";

export const metadata: Metadata = { title: "Interview" };
/** Reopened questions are due this many days ahead unless the recruiter picks another date. */
const REOPEN_DAYS = 7;

export default async function InterviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ scheduled?: string; reopened?: string }> }) {
  const member = await requireMember();
  const { id } = await params;
  if (!managesInterviews(member.role)) return <ReviewerInterviewView viewer={asViewer(member)} id={id} />;
  const interview = await findInterview(member.organizationId, id);
  if (!interview) notFound();
  const [accommodations, content, reviewRequests, shareLinks, team] = await Promise.all([
    findAccommodations(member.organizationId, id),
    findContentState(member.organizationId, id),
    listReviewRequests(asViewer(member), id),
    listShareLinks(asViewer(member), id),
    // The request-review dialog's choices: only a completed interview has it.
    interview.status === "COMPLETED" ? listTeam(member.organizationId) : { members: [] },
  ]);
  if (!accommodations || !content) notFound();
  const window = accessWindow(interview);
  const deadline = interview.mode === "DEADLINE";
  const badge = emailBadge({ ...interview, email: interview.emails.findLast((e) => BADGE_EMAIL_KINDS.includes(e.kind)) ?? null });

  const query = await searchParams;
  const scheduled = query.scheduled === "1";
  const reopened = Number(query.reopened);
  const notice = scheduled
    ? `Interview scheduled. The invitation is on its way to ${interview.candidate.email}.`
    : Number.isInteger(reopened) && reopened > 0
      ? `${reopened === 1 ? "Question" : `${reopened} questions`} reopened. ${interview.candidate.name} is getting an email with a new link.`
      : null;
  // A completed interview taken by a deadline may have chosen answers reopened, while its answers exist.
  const reopenable = interview.status === "COMPLETED" && deadline && !content.contentDeletedAt && !content.deletionRequestedAt && interview.answers.length > 0;

  return (
    // Keyed by its notice: a reopen comes back to this same page, whose provider must start again with it.
    <PageNoticeProvider key={notice ?? ""} initial={notice}>
      <InterviewHeader
        interview={interview}
        actions={
          interview.status === "COMPLETED" ? (
            <div className="flex flex-wrap gap-2">
              <RequestReviewDialog
                interviewIds={[interview.id]}
                about={`${interview.candidate.name}'s answers`}
                teammates={team.members.map((m) => ({ id: m.id, name: m.id === member.id ? `${m.name} (you)` : m.name, role: ROLE_LABELS[m.role], asked: reviewRequests.some((r) => r.reviewer.id === m.id) }))}
                minDate={dateInZone(now(), "UTC")}
              />
              {!content.contentDeletedAt && interview.answers.length > 0 && (
                <ShareLinkDialog
                  interviewId={interview.id}
                  answers={interview.answers.map((a) => ({ id: a.id, number: a.position + 1, prompt: a.prompt }))}
                  dayChoices={SHARE_LINK_DAY_CHOICES}
                  defaultDays={SHARE_LINK_DEFAULT_DAYS}
                />
              )}
              {reopenable && <ReopenDialog
              id={interview.id}
              candidateName={interview.candidate.name}
              answers={interview.answers.map((a) => ({ id: a.id, number: a.position + 1, prompt: a.prompt, answered: a.presentedAt !== null && a.submittedAt !== null }))}
              defaultDate={dateInZone(addDays(now(), REOPEN_DAYS), interview.candidateTimeZone)}
              minDate={dateInZone(now(), interview.candidateTimeZone)}
              timeZone={interview.candidateTimeZone}
            />}
            </div>
          ) : interview.status === "SCHEDULED" || interview.status === "EXPIRED" || interview.status === "IN_PROGRESS" ? (
            <InterviewActions id={interview.id} candidateName={interview.candidate.name} durationMinutes={interview.durationMinutes} status={interview.status}
              deadline={deadline ? { currentDate: dateInZone(window.closesAt, interview.candidateTimeZone), timeZone: interview.candidateTimeZone } : undefined}
            />
          ) : undefined
        }
      />
      <NoticeSlot dropQuery={scheduled ? "scheduled" : "reopened"} />
      {interview.status === "EXPIRED" && (
        <Alert tone={interview.rescheduleRequestedAt ? "info" : "error"} className="mb-6">
          {interview.candidate.name} did not start {deadline ? "by the due date" : "before the link closed"}.{" "}
          {deadline ? (
            <>
              {interview.rescheduleRequestedAt && "They asked for more time. "}You can give them more time with Extend deadline.
            </>
          ) : interview.rescheduleRequestedAt ? (
            <>
              They asked for a new time on <LocalDate value={interview.rescheduleRequestedAt.toISOString()} />. Choose one with{" "}
              <strong>Reschedule</strong>; they get a new invitation.
            </>
          ) : (
            "You can give them a new time with Reschedule."
          )}
        </Alert>
      )}
      {content.deletionRequestedAt && !content.contentDeletedAt && (
        <Alert tone="info" className="mb-6">
          {interview.candidate.name} asked for their answers and recordings to be deleted.{" "}
          <a href="#content-heading" className="font-medium underline underline-offset-4">
            Delete them under Answers and recordings
          </a>
          .
        </Alert>
      )}
      {interview.bouncedAt && (
        <Alert tone="error" className="mb-6">
          The invitation to {interview.candidate.email} bounced. Check the address on the candidate&apos;s page, then resend the invitation.
        </Alert>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="when-heading" className="rounded-lg bg-white p-6 ring-1 ring-ink-200 lg:col-span-2">
          <h2 id="when-heading" className="text-base font-semibold text-ink-900">
            When
          </h2>
          <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
            {deadline ? (
              <>
                <div>
                  <dt className="text-ink-500">Complete by (your time)</dt>
                  <dd className="mt-1 font-medium text-ink-900">
                    <LocalDate value={window.closesAt.toISOString()} options={{ dateStyle: "full", timeStyle: "short" }} />
                  </dd>
                </div>
                <div>
                  <dt className="text-ink-500">Candidate&apos;s time</dt>
                  <dd className="mt-1 font-medium text-ink-900">{formatInZone(window.closesAt, interview.candidateTimeZone, { dateStyle: "full" })}</dd>
                </div>
                <div>
                  <dt className="text-ink-500">Link opened</dt>
                  <dd className="mt-1 text-ink-900">
                    <LocalDate value={window.opensAt.toISOString()} />
                  </dd>
                </div>
                <div>
                  <dt className="text-ink-500">Pauses</dt>
                  <dd className="mt-1 text-ink-900">Allowed between questions, until the due time</dd>
                </div>
              </>
            ) : (
              <>
                <div>
                  <dt className="text-ink-500">Your time</dt>
                  <dd className="mt-1 font-medium text-ink-900">
                    <LocalDate value={interview.scheduledAt.toISOString()} options={{ dateStyle: "full", timeStyle: "short" }} />
                  </dd>
                </div>
                <div>
                  <dt className="text-ink-500">Candidate&apos;s time</dt>
                  <dd className="mt-1 font-medium text-ink-900">{formatInZone(interview.scheduledAt, interview.candidateTimeZone, { dateStyle: "full" })}</dd>
                </div>
                <div>
                  <dt className="text-ink-500">Link opens</dt>
                  <dd className="mt-1 text-ink-900">
                    <LocalDate value={window.opensAt.toISOString()} /> ({interview.opensMinutesBefore} min before)
                  </dd>
                </div>
                <div>
                  <dt className="text-ink-500">Last chance to start</dt>
                  <dd className="mt-1 text-ink-900">
                    <LocalDate value={window.closesAt.toISOString()} /> ({interview.closesMinutesAfter} min after)
                  </dd>
                </div>
              </>
            )}
            <div>
              <dt className="text-ink-500">Candidate</dt>
              <dd className="mt-1">
                <Link href={`/candidates/${interview.candidate.id}`} className="text-accent-700 underline underline-offset-4">
                  {interview.candidate.name}
                </Link>{" "}
                <span className="text-ink-600">· {interview.candidate.email}</span>
              </dd>
            </div>
            {badge && (
              <div>
                <dt className="text-ink-500">Email to the candidate</dt>
                <dd className="mt-1">
                  <EmailBadge badge={badge} />
                </dd>
              </div>
            )}
            {interview.notes && (
              <div className="sm:col-span-2">
                <dt className="text-ink-500">Notes</dt>
                <dd className="mt-1 whitespace-pre-wrap text-ink-900">{interview.notes}</dd>
              </div>
            )}
          </dl>
        </section>

        <section aria-labelledby="timeline-heading" className="rounded-lg bg-white p-6 ring-1 ring-ink-200">
          <h2 id="timeline-heading" className="text-base font-semibold text-ink-900">
            Timeline
          </h2>
          <ol className="mt-4 space-y-3 border-l border-ink-200 pl-4 text-sm">
            {interview.events.map((event) => (
              <li key={event.id}>
                <p className="text-ink-900">{describeEvent(event.type, event.data as Record<string, unknown>)}</p>
                <p className="text-xs text-ink-500">
                  <LocalDate value={event.createdAt.toISOString()} />
                  {ACTOR_NOTES[event.actorType]}
                </p>
              </li>
            ))}
          </ol>
        </section>
      </div>

      <AccommodationsCard interviewId={interview.id} {...accommodations} />

      {reviewRequests.length > 0 && (
        <section aria-labelledby="reviewers-heading" className="mt-6 rounded-lg bg-white p-6 ring-1 ring-ink-200">
          <h2 id="reviewers-heading" className="text-base font-semibold text-ink-900">
            Review requested from
          </h2>
          <ul className="mt-3 space-y-1 text-sm text-ink-800">
            {reviewRequests.map((request) => (
              <li key={request.id}>
                <span className="font-medium">{request.reviewer.name}</span> <span className="text-ink-500">· {ROLE_LABELS[request.reviewer.role]}</span>
                {request.dueAt && (
                  <span className="text-ink-600">
                    {" "}
                    · by <LocalDate value={request.dueAt.toISOString()} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {shareLinks.length > 0 && (
        <ShareLinksSection
          interviewId={interview.id}
          links={shareLinks.map((link) => ({
            id: link.id,
            createdAt: link.createdAt.toISOString(),
            createdByName: link.createdByName,
            expiresAt: link.expiresAt.toISOString(),
            revokedAt: link.revokedAt?.toISOString() ?? null,
            firstViewedAt: link.firstViewedAt?.toISOString() ?? null,
            questions: link.questions,
            blind: link.blind,
            views: link.views,
            scorecards: link.scorecards,
            status: link.status,
          }))}
        />
      )}

      {!content.contentDeletedAt && <ReviewSection viewer={asViewer(member)} interviewId={interview.id} />}

      {/* It scrolls sideways on a phone: focusable, so the keyboard can scroll it too. */}
      <section
        aria-labelledby="emails-heading"
        tabIndex={0}
        className="mt-6 overflow-x-auto rounded-lg bg-white ring-1 ring-ink-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600"
      >
        <h2 id="emails-heading" className="px-6 pt-5 text-base font-semibold text-ink-900">
          Emails
        </h2>
        <table className="mt-3 w-full text-left text-sm">
          <thead className="border-y border-ink-200 bg-ink-50 text-xs font-semibold tracking-wide text-ink-600 uppercase">
            <tr>
              <th scope="col" className="px-6 py-2">Email</th>
              <th scope="col" className="px-6 py-2">To</th>
              <th scope="col" className="px-6 py-2">State</th>
              <th scope="col" className="px-6 py-2">When</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-ink-200">
            {interview.emails.map((email) => (
              <tr key={email.id}>
                <td className="px-6 py-3 text-ink-900">{EMAIL_KIND_LABELS[email.kind]}</td>
                <td className="px-6 py-3 text-ink-700">{email.toEmail}</td>
                <td className="px-6 py-3 text-ink-700">
                  {deliveryLabel(email)}
                  {email.attempts > 1 && ` (${email.attempts} attempts)`}
                  {email.lastError && email.status !== "SENT" && <span className="block text-xs text-ink-500">{email.lastError}</span>}
                </td>
                <td className="px-6 py-3 text-ink-700">
                  {email.sentAt ? (
                    <LocalDate value={email.sentAt.toISOString()} />
                  ) : email.sendAfter ? (
                    <>
                      planned for <LocalDate value={email.sendAfter.toISOString()} />
                    </>
                  ) : (
                    <LocalDate value={email.createdAt.toISOString()} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {/* Last: deleting the answers is the page's one destructive action besides cancelling. */}
      <ContentCard interviewId={interview.id} candidateName={interview.candidate.name} {...content} />
    </PageNoticeProvider>
  );
}
