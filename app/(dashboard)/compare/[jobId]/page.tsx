import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/empty-state";
import { FilterTabs } from "@/components/filter-tabs";
import { PageHeader } from "@/components/page-header";
import { asViewer, requireMember } from "@/lib/accounts/auth";
import { managesInterviews } from "@/lib/accounts/roles";
import { compareJob, parseCompareFilters, type CompareFilters } from "@/lib/interviews/review/compare";
import { ANSWER_TYPE_LABELS } from "../../jobs/labels";
import { CompareBoard } from "./compare-board";

export const metadata: Metadata = { title: "Compare candidates" };

type SearchParams = Record<string, string | string[] | undefined>;

/** The filters as search params, defaults left out, so every link says only what differs. */
function hrefFor(jobId: string, filters: CompareFilters, change: Partial<CompareFilters> = {}, focus?: number) {
  const f = { ...filters, ...change };
  const params = new URLSearchParams();
  if (f.sort !== "completed") params.set("sort", f.sort);
  if (f.decision !== "all") params.set("decision", f.decision);
  if (f.notReviewedByMe) params.set("mine", "unreviewed");
  if (f.question > 0) params.set("q", String(f.question + 1));
  if (focus !== undefined) params.set("c", String(focus + 1));
  const query = params.toString();
  return `/compare/${jobId}${query ? `?${query}` : ""}`;
}

/**
 * A job's completed interviews side by side, one question at a time. Outside /jobs on purpose: that
 * section is for recruiters (jobs/layout.tsx), while a reviewer asked to review some of this job's
 * interviews compares those (and only those: lib/interviews/review/compare.ts scopes every read to
 * what the viewer may see, blind scores included). Sort, filters and the question are search params,
 * read on the server.
 */
export default async function ComparePage({ params, searchParams }: { params: Promise<{ jobId: string }>; searchParams: Promise<SearchParams> }) {
  const member = await requireMember();
  const { jobId } = await params;
  const query = await searchParams;
  const filters = parseCompareFilters(query);
  const comparison = await compareJob(asViewer(member), jobId, filters);
  if (!comparison) notFound();
  const { job, questions, position, rows, completedCount } = comparison;
  const shown = { ...filters, question: position };
  const question = questions[position];
  const focus = Number(query.c);
  const manager = managesInterviews(member.role);

  return (
    <>
      <Link href={manager ? `/jobs/${job.id}` : "/interviews"} className="text-sm text-ink-600 hover:text-ink-900">
        ← {manager ? job.title : "Interviews"}
      </Link>
      <PageHeader
        title="Compare candidates"
        description={`${job.title} · ${completedCount} completed ${completedCount === 1 ? "interview" : "interviews"}${manager ? "" : " you were asked to review"}`}
      />
      {completedCount === 0 ? (
        <EmptyState title="No completed interviews yet">Candidates appear here side by side once they complete their interview for this job.</EmptyState>
      ) : (
        <>
          <div className="flex flex-wrap items-start gap-x-8">
            <FilterTabs
              label="Sort"
              tabs={[
                { label: "Newest first", href: hrefFor(job.id, shown, { sort: "completed" }), current: filters.sort === "completed" },
                { label: "Highest mean", href: hrefFor(job.id, shown, { sort: "mean-desc" }), current: filters.sort === "mean-desc" },
                { label: "Lowest mean", href: hrefFor(job.id, shown, { sort: "mean-asc" }), current: filters.sort === "mean-asc" },
              ]}
            />
            <FilterTabs
              label="Decision"
              tabs={(
                [
                  ["all", "Any decision"],
                  ["advance", "Advance"],
                  ["hold", "Hold"],
                  ["reject", "Reject"],
                  ["undecided", "Undecided"],
                ] as const
              ).map(([value, label]) => ({ label, href: hrefFor(job.id, shown, { decision: value }), current: filters.decision === value }))}
            />
            <FilterTabs
              label="My reviews"
              tabs={[
                { label: "All", href: hrefFor(job.id, shown, { notReviewedByMe: false }), current: !filters.notReviewedByMe },
                { label: "Not yet reviewed by me", href: hrefFor(job.id, shown, { notReviewedByMe: true }), current: filters.notReviewedByMe },
              ]}
            />
          </div>

          <section aria-labelledby="question-heading" className="mb-4 rounded-lg bg-white p-5 ring-1 ring-ink-200">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id="question-heading" className="text-base font-semibold text-ink-900">
                Question {position + 1} of {questions.length}
                {question && question.answerType !== "TEXT" && <span className="ml-2 text-sm font-normal text-ink-600">({ANSWER_TYPE_LABELS[question.answerType]} answer)</span>}
              </h2>
              <nav aria-label="Questions" className="flex gap-2 text-sm">
                {position > 0 && (
                  <Link href={hrefFor(job.id, shown, { question: position - 1 })} className="rounded-md px-3 py-1 font-medium text-accent-700 ring-1 ring-ink-300 hover:bg-ink-50">
                    ← Previous question
                  </Link>
                )}
                {position < questions.length - 1 && (
                  <Link href={hrefFor(job.id, shown, { question: position + 1 })} className="rounded-md px-3 py-1 font-medium text-accent-700 ring-1 ring-ink-300 hover:bg-ink-50">
                    Next question →
                  </Link>
                )}
              </nav>
            </div>
            {question && <p className="mt-2 whitespace-pre-line text-ink-900">{question.prompt}</p>}
            <details className="mt-3 text-sm text-ink-700">
              <summary className="cursor-pointer font-medium text-ink-800">Keyboard shortcuts</summary>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt>
                  <kbd>j</kbd> or <kbd>→</kbd> / <kbd>k</kbd> or <kbd>←</kbd>
                </dt>
                <dd>Next / previous candidate</dd>
                <dt>
                  <kbd>n</kbd> / <kbd>p</kbd>
                </dt>
                <dd>Next / previous question</dd>
                <dt>
                  <kbd>1</kbd>–<kbd>5</kbd>
                </dt>
                <dd>Rate the focused candidate’s answer (until you submit your scorecard)</dd>
              </dl>
              <p className="mt-1 text-ink-600">Keys are ignored while you type in a field or use a player.</p>
            </details>
          </section>

          {rows.length === 0 ? (
            <EmptyState title="No interviews match" action={<Link href={hrefFor(job.id, { ...shown, decision: "all", notReviewedByMe: false })} className="text-sm font-medium text-accent-700 underline">Show all completed interviews</Link>}>
              None of this job’s completed interviews match these filters.
            </EmptyState>
          ) : (
            <CompareBoard
              key={`${filters.sort}-${filters.decision}-${filters.notReviewedByMe}`}
              rows={rows.map((row) => ({ ...row, completedAt: row.completedAt?.toISOString() ?? null }))}
              position={position}
              questionCount={questions.length}
              initialFocus={Number.isInteger(focus) && focus >= 1 && focus <= rows.length ? focus - 1 : null}
              questionHrefs={{
                previous: position > 0 ? hrefFor(job.id, shown, { question: position - 1 }) : null,
                next: position < questions.length - 1 ? hrefFor(job.id, shown, { question: position + 1 }) : null,
              }}
            />
          )}
        </>
      )}
    </>
  );
}
