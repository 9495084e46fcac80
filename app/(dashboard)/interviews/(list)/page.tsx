import type { Metadata } from "next";
import Link from "next/link";
import { EmailBadge, InterviewStatusBadge } from "@/components/interview-status-badge";
import { EmptyState } from "@/components/empty-state";
import { FilterTabs } from "@/components/filter-tabs";
import { Badge } from "@/components/ui/badge";
import { LocalDate } from "@/components/local-date";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { controlClass } from "@/components/ui/field";
import { asViewer, requireMember } from "@/lib/accounts/auth";
import { listTeam } from "@/lib/accounts/members";
import { managesInterviews, ROLE_LABELS } from "@/lib/accounts/roles";
import { now } from "@/lib/clock";
import { dateInZone } from "@/lib/interviews/model/window";
import { listJobs } from "@/lib/jobs";
import { emailBadge } from "@/lib/interviews/model/email-labels";
import { listInterviews } from "@/lib/interviews/recruiter/queries";
import { LIST_GROUPS, STATUS_LABELS } from "@/lib/interviews/model/status";
import { NoticeSlot, PageNoticeProvider } from "../[id]/page-notice";
import { RequestReviewDialog } from "../[id]/request-review-dialog";
import { DECISION_LABELS, DECISION_TONES } from "../labels";
import { listFiltersSchema } from "../schema";

export const metadata: Metadata = { title: "Interviews" };

const TABS = { upcoming: "Upcoming", past: "Past", review: "To review", mine: "Waiting for my review" } as const;
const EMPTY_TITLES = { upcoming: "No upcoming interviews", past: "No past interviews", review: "Nothing to review", mine: "Nothing waiting for your review" } as const;

export default async function InterviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const member = await requireMember();
  const raw = await searchParams;
  const parsed = listFiltersSchema.parse(raw);
  // A status from another tab's group (a cancelled interview is never upcoming) filters nothing.
  const statusChoices = parsed.when === "review" || parsed.when === "mine" ? [] : LIST_GROUPS[parsed.when];
  const filters = { ...parsed, status: parsed.status && statusChoices.includes(parsed.status) ? parsed.status : undefined };
  const [{ rows, hasNext }, jobs] = await Promise.all([
    listInterviews(asViewer(member), {
      ...filters,
      from: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
      to: filters.to ? new Date(`${filters.to}T23:59:59.999Z`) : undefined,
    }),
    listJobs(member.organizationId, "OPEN"),
  ]);
  const query = (patch: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, page: undefined, ...patch })) if (v !== undefined && v !== "" && !(k === "page" && String(v) === "1")) params.set(k, String(v));
    return `/interviews${params.size ? `?${params}` : ""}`;
  };
  // The "to review" tab has its own status (completed), so a status in the URL does not filter it.
  const manages = managesInterviews(member.role);
  const reviewing = filters.when === "review" || filters.when === "mine";
  const filtered = Boolean((!reviewing && filters.status) || filters.jobId || filters.from || filters.to || filters.q);
  // "To review": a recruiter asks teammates to review every interview listed, in one go.
  const team = manages && filters.when === "review" && rows.length > 0 ? await listTeam(member.organizationId) : null;

  return (
    <PageNoticeProvider initial={null}>
      <PageHeader
        title="Interviews"
        description={manages ? "Every interview's status and its invitation's delivery." : "The interviews you are asked to review."}
        actions={
          manages ? (
            <Button asChild>
              <Link href="/interviews/new">Schedule interview</Link>
            </Button>
          ) : undefined
        }
      />
      <FilterTabs
        label="When"
        tabs={(Object.keys(TABS) as Array<keyof typeof TABS>).map((when) => ({ label: TABS[when], href: query({ when, page: 1 }), current: filters.when === when }))}
      />
      <form action="/interviews" className="mb-4 grid gap-3 rounded-lg bg-white p-4 ring-1 ring-ink-200 sm:grid-cols-2 sm:items-end lg:grid-cols-6">
        <input type="hidden" name="when" value={filters.when} />
        <div role="search" className="sm:col-span-2">
          <label className="text-sm font-medium text-ink-800">
            Search by candidate
            <input type="search" name="q" defaultValue={filters.q} placeholder={manages ? "Name or email" : "Name"} className={cn(controlClass, "mt-1")} />
          </label>
        </div>
        {!reviewing && (
          <label className="text-sm font-medium text-ink-800">
            Status
            <select name="status" defaultValue={filters.status ?? ""} className={cn(controlClass, "mt-1")}>
              <option value="">Any status</option>
              {statusChoices.map((value) => (
                <option key={value} value={value}>
                  {STATUS_LABELS[value]}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="text-sm font-medium text-ink-800">
          Job
          <select name="jobId" defaultValue={filters.jobId ?? ""} className={cn(controlClass, "mt-1")}>
            <option value="">Any job</option>
            {jobs.map((job) => (
              <option key={job.id} value={job.id}>
                {job.title}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-ink-800">
          From
          <input type="date" name="from" defaultValue={filters.from} className={cn(controlClass, "mt-1")} />
        </label>
        <label className="text-sm font-medium text-ink-800">
          To
          <input type="date" name="to" defaultValue={filters.to} className={cn(controlClass, "mt-1")} />
        </label>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          {filtered && (
            <Button asChild variant="ghost">
              <Link href={`/interviews?when=${filters.when}`}>Clear</Link>
            </Button>
          )}
        </div>
      </form>

      <NoticeSlot />
      {team && (
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-ink-600">
            {rows.length === 1 ? "1 completed interview" : `${rows.length} completed interviews`} waiting for a decision{hasNext || filters.page > 1 ? " on this page" : ""}.
          </p>
          <RequestReviewDialog
            interviewIds={rows.map((r) => r.id)}
            about={rows.length === 1 ? `${rows[0]!.candidate.name}'s answers` : `these ${rows.length} interviews`}
            triggerLabel={rows.length === 1 ? "Request review" : `Request review of these ${rows.length}`}
            teammates={team.members.map((m) => ({ id: m.id, name: m.id === member.id ? `${m.name} (you)` : m.name, role: ROLE_LABELS[m.role], asked: false }))}
            minDate={dateInZone(now(), "UTC")}
          />
        </div>
      )}
      {rows.length === 0 ? (
        <EmptyState
          title={filtered ? "No interviews match" : EMPTY_TITLES[filters.when]}
          action={
            manages && filters.when === "upcoming" && !filtered ? (
              <Button asChild>
                <Link href="/interviews/new">Schedule an interview</Link>
              </Button>
            ) : undefined
          }
        >
          {filtered ? (
            <>
              {filters.q ? `No ${TABS[filters.when].toLowerCase()} interview has a candidate matching “${filters.q}” with these filters. ` : "Nothing here fits these filters. "}
              <Link href={filters.q ? query({ q: undefined }) : `/interviews?when=${filters.when}`} className="font-medium text-accent-700 underline">
                {filters.q ? "Clear the search" : "Clear the filters"}
              </Link>
            </>
          ) : !manages ? (
            "When a recruiter asks you to review an interview, it appears here."
          ) : filters.when === "upcoming" ? (
            "Schedule one and the candidate gets their invitation right away."
          ) : filters.when === "mine" ? (
            "Interviews a teammate asks you to review wait here until you submit your scorecard."
          ) : filters.when === "review" ? (
            "Completed interviews wait here until a recruiter records the hiring decision."
          ) : undefined}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-ink-200 overflow-hidden rounded-lg bg-white ring-1 ring-ink-200">
          {rows.map((row) => (
            <li key={row.id} className="relative flex flex-wrap items-center justify-between gap-3 px-5 py-4 hover:bg-ink-50">
              <div className="min-w-0">
                <Link href={`/interviews/${row.id}`} className="font-medium text-ink-900 after:absolute after:inset-0">
                  {row.candidate.name}
                </Link>
                <p className="mt-0.5 text-sm text-ink-600">
                  {row.job.title} ·{" "}
                  {reviewing && row.completedAt ? (
                    <>
                      completed <LocalDate value={row.completedAt.toISOString()} />
                    </>
                  ) : (
                    <LocalDate value={row.scheduledAt.toISOString()} />
                  )}{" "}
                  · {row.durationMinutes} min
                </p>
              </div>
              <div className="flex flex-wrap gap-2">
                <InterviewStatusBadge status={row.status} />
                {row.reviews.asked > 0 && (
                  <Badge tone={row.reviews.done === row.reviews.asked ? "success" : "neutral"}>
                    {row.reviews.done} of {row.reviews.asked} reviewed
                  </Badge>
                )}
                {row.decision && <Badge tone={DECISION_TONES[row.decision]}>Decision: {DECISION_LABELS[row.decision]}</Badge>}
                {manages && <EmailBadge badge={emailBadge(row)} />}
              </div>
            </li>
          ))}
        </ul>
      )}
      {(filters.page > 1 || hasNext) && (
        <nav aria-label="Pagination" className="mt-4 flex justify-end gap-2">
          {filters.page > 1 && (
            <Button asChild variant="secondary" size="sm">
              <Link href={query({ page: filters.page - 1 })}>Previous</Link>
            </Button>
          )}
          {hasNext && (
            <Button asChild variant="secondary" size="sm">
              <Link href={query({ page: filters.page + 1 })}>Next</Link>
            </Button>
          )}
        </nav>
      )}
    </PageNoticeProvider>
  );
}
