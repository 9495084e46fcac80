import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { requireRole } from "@/lib/accounts/auth";
import { Role } from "@/lib/generated/prisma/enums";
import { listCandidates } from "@/lib/candidates";
import { withoutNul } from "@/lib/fields";

export const metadata: Metadata = { title: "Candidates" };

export default async function CandidatesPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string; deleted?: string }> }) {
  const member = await requireRole(Role.RECRUITER);
  const params = await searchParams;
  const query = withoutNul(params.q ?? "").slice(0, 200);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.page ?? "1", 10) || 1));
  const { rows, total, pageCount } = await listCandidates(member.organizationId, { query, page });
  const pageHref = (p: number) => `/candidates?${new URLSearchParams({ ...(query && { q: query }), page: String(p) })}`;

  return (
    <>
      <PageHeader
        title="Candidates"
        description="People you can invite to interviews."
        actions={
          <Button asChild>
            <Link href="/candidates/new">Add candidate</Link>
          </Button>
        }
      />
      {params.deleted === "1" && (
        <Alert tone="success" className="mb-4">
          Candidate deleted.
        </Alert>
      )}
      <form role="search" action="/candidates" className="mb-4 flex max-w-md gap-2">
        <label htmlFor="candidate-search" className="sr-only">
          Search candidates by name or email
        </label>
        <input id="candidate-search" name="q" type="search" defaultValue={query} placeholder="Search by name or email" className={controlClass} />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {rows.length === 0 ? (
        query ? (
          <EmptyState title={`No candidates match “${query}”`}>
            Try part of a name or email address.{" "}
            <Link href="/candidates" className="font-medium text-accent-700 underline">
              Clear the search
            </Link>
          </EmptyState>
        ) : (
          <EmptyState
            title="No candidates yet"
            action={
              <Button asChild>
                <Link href="/candidates/new">Add your first candidate</Link>
              </Button>
            }
          >
            Add the people you want to interview, with the time zone their invitations should use.
          </EmptyState>
        )
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-ink-200">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Candidates{query && ` matching ${query}`}</caption>
              <thead className="border-b border-ink-200 bg-ink-50 text-xs font-semibold tracking-wide text-ink-600 uppercase">
                <tr>
                  <th scope="col" className="px-5 py-3">Name</th>
                  <th scope="col" className="px-5 py-3">Email</th>
                  <th scope="col" className="hidden px-5 py-3 md:table-cell">Phone</th>
                  <th scope="col" className="hidden px-5 py-3 sm:table-cell">Time zone</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-ink-200">
                {rows.map((c) => (
                  <tr key={c.id} className="hover:bg-ink-50">
                    <td className="px-5 py-3 font-medium">
                      <Link href={`/candidates/${c.id}`} className="text-ink-900 hover:text-accent-700 hover:underline">
                        {c.name}
                      </Link>
                    </td>
                    <td className="px-5 py-3 text-ink-700">{c.email}</td>
                    <td className="hidden px-5 py-3 text-ink-700 md:table-cell">{c.phone ?? "—"}</td>
                    <td className="hidden px-5 py-3 text-ink-700 sm:table-cell">{c.timeZone.replaceAll("_", " ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-ink-600">
            <span>
              {total} {total === 1 ? "candidate" : "candidates"}
              {pageCount > 1 && ` · page ${page} of ${pageCount}`}
            </span>
            {pageCount > 1 && (
              <span className="flex gap-2">
                {page > 1 && (
                  <Button asChild variant="secondary" size="sm">
                    <Link href={pageHref(page - 1)}>Previous</Link>
                  </Button>
                )}
                {page < pageCount && (
                  <Button asChild variant="secondary" size="sm">
                    <Link href={pageHref(page + 1)}>Next</Link>
                  </Button>
                )}
              </span>
            )}
          </nav>
        </>
      )}
    </>
  );
}
