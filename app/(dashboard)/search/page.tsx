import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { InterviewStatusBadge } from "@/components/interview-status-badge";
import { LocalDate } from "@/components/local-date";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { controlClass } from "@/components/ui/field";
import { asViewer, requireMember } from "@/lib/accounts/auth";
import { InterviewStatus, JobStatus } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/interviews/model/status";
import { RANKED_MAX, searchAnswers, SEARCH_PAGE_SIZE, type SearchHit } from "@/lib/interviews/review/search";
import { listJobs } from "@/lib/jobs";
import { mediaClock } from "../interviews/labels";
import { searchParamsSchema, type SearchParams } from "./schema";

export const metadata: Metadata = { title: "Search answers" };

const nextDay = (date: string) => new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000);

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requireMember();
  const params = searchParamsSchema.parse(await searchParams);
  const [result, openJobs, archivedJobs] = await Promise.all([
    searchAnswers(asViewer(member), {
      q: params.q,
      jobId: params.jobId,
      status: params.status,
      // The dates are whole days, in UTC as the interview list's filter is.
      from: params.from ? new Date(`${params.from}T00:00:00Z`) : undefined,
      to: params.to ? nextDay(params.to) : undefined,
      page: params.page,
    }),
    listJobs(member.organizationId, JobStatus.OPEN),
    listJobs(member.organizationId, JobStatus.ARCHIVED),
  ]);
  const jobs = [...openJobs, ...archivedJobs];
  const href = (patch: Partial<SearchParams>) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...params, ...patch })) if (v !== undefined && v !== "" && !(k === "page" && v === 1)) query.set(k, String(v));
    return `/search?${query}`;
  };
  const filtered = Boolean(params.jobId || params.status || params.from || params.to);
  const first = (params.page - 1) * SEARCH_PAGE_SIZE + 1;

  return (
    <>
      <PageHeader title="Search answers" description="Find what candidates wrote or said: written answers and the transcripts of recorded ones." />
      <form role="search" action="/search" className="mb-4 grid gap-3 rounded-lg bg-white p-4 ring-1 ring-ink-200 sm:grid-cols-2 sm:items-end lg:grid-cols-6">
        <label className="text-sm font-medium text-ink-800 sm:col-span-2">
          Words to find
          <input
            type="search"
            name="q"
            defaultValue={params.q}
            placeholder="deploy pipeline, &quot;code review&quot;"
            aria-describedby="search-help"
            className={cn(controlClass, "mt-1")}
          />
        </label>
        <label className="text-sm font-medium text-ink-800">
          Job
          <select name="jobId" defaultValue={params.jobId ?? ""} className={cn(controlClass, "mt-1")}>
            <option value="">Any job</option>
            {jobs.map((job) => (
              <option key={job.id} value={job.id}>
                {job.title}
                {job.status === JobStatus.ARCHIVED ? " (archived)" : ""}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-ink-800">
          Interview status
          <select name="status" defaultValue={params.status ?? ""} className={cn(controlClass, "mt-1")}>
            <option value="">Any status</option>
            {Object.values(InterviewStatus).map((value) => (
              <option key={value} value={value}>
                {STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-ink-800">
          Answered from
          <input type="date" name="from" defaultValue={params.from} className={cn(controlClass, "mt-1")} />
        </label>
        <label className="text-sm font-medium text-ink-800">
          Answered to
          <input type="date" name="to" defaultValue={params.to} className={cn(controlClass, "mt-1")} />
        </label>
        <p id="search-help" className="text-xs text-ink-600 sm:col-span-2 lg:col-span-4">
          Every word must appear (in any form: “deploying” finds “deployed”). Use quotes for a phrase, “or” for either word, and a minus to leave a word out.
        </p>
        <div className="flex gap-2 lg:col-span-2 lg:justify-end">
          <Button type="submit">Search</Button>
          {(params.q || filtered) && (
            <Button asChild variant="ghost">
              <Link href="/search">Clear</Link>
            </Button>
          )}
        </div>
      </form>

      {!params.q ? (
        <EmptyState title="Search what candidates said">
          Enter a few words to find them in written answers and in the transcripts of recorded ones, across the interviews you can see.
        </EmptyState>
      ) : result.hits.length === 0 ? (
        <EmptyState title="No answers match">
          {params.page > 1 && result.total === 0 ? (
            <Link href={href({ page: 1 })} className="font-medium text-accent-700 underline">
              Back to the first page
            </Link>
          ) : (
            <>
              Nothing {filtered ? "with these filters " : ""}mentions “{params.q}”. Try fewer or other words{filtered ? ", or clear the filters" : ""}.
            </>
          )}
        </EmptyState>
      ) : (
        <>
          <p role="status" className="mb-3 text-sm text-ink-600">
            {result.total === 1 ? "1 answer matches" : `${result.total.toLocaleString("en-US")} answers match`}
            {result.total > result.hits.length ? ` · showing ${first}–${first + result.hits.length - 1}` : ""}
            {result.total > RANKED_MAX ? ` · the best of the newest ${RANKED_MAX.toLocaleString("en-US")}; add words or filters to narrow the search` : ""}
          </p>
          <ol className="divide-y divide-ink-200 overflow-hidden rounded-lg bg-white ring-1 ring-ink-200">
            {result.hits.map((hit) => (
              <Hit key={`${hit.answerId}-${hit.kind}`} hit={hit} />
            ))}
          </ol>
        </>
      )}
      {(params.page > 1 || result.hasNext) && result.hits.length > 0 && (
        <nav aria-label="Pagination" className="mt-4 flex justify-end gap-2">
          {params.page > 1 && (
            <Button asChild variant="secondary" size="sm">
              <Link href={href({ page: params.page - 1 })}>Previous</Link>
            </Button>
          )}
          {result.hasNext && (
            <Button asChild variant="secondary" size="sm">
              <Link href={href({ page: params.page + 1 })}>Next</Link>
            </Button>
          )}
        </nav>
      )}
    </>
  );
}

/** m:ss of a moment in a recording. */
function Hit({ hit }: { hit: SearchHit }) {
  // The review page scrolls to the answer and, for a transcript, starts its player at the moment.
  const link = `/interviews/${hit.interviewId}?answer=${hit.answerId}${hit.kind === "transcript" && hit.seconds !== null ? `&t=${hit.seconds}` : ""}`;
  return (
    <li className="relative px-5 py-4 hover:bg-ink-50">
      <h2 className="font-medium text-ink-900">
        <Link href={link} className="after:absolute after:inset-0">
          {hit.candidateName} · {hit.jobTitle}
        </Link>
      </h2>
      <p className="mt-0.5 text-sm text-ink-600">
        Question {hit.questionNumber}: {hit.prompt}
      </p>
      <p className="mt-2 text-sm text-ink-800">
        {hit.snippet.map((part, i) =>
          part.mark ? (
            <mark key={i} className="rounded-sm bg-warning-200 px-0.5 text-ink-900">
              {part.text}
            </mark>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-ink-600">
        <Badge tone={hit.kind === "transcript" ? "accent" : "neutral"}>
          {hit.kind === "transcript" ? (hit.seconds !== null ? `Transcript at ${mediaClock(hit.seconds * 1000)}` : "Transcript") : "Written answer"}
        </Badge>
        <InterviewStatusBadge status={hit.interviewStatus} />
        {hit.submittedAt && (
          <span>
            Answered <LocalDate value={hit.submittedAt.toISOString()} />
          </span>
        )}
      </div>
    </li>
  );
}
