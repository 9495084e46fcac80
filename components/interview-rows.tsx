import Link from "next/link";
import type { ReactNode } from "react";
import { InterviewStatusBadge } from "@/components/interview-status-badge";
import { LocalDate } from "@/components/local-date";
import type { InterviewStatus } from "@/lib/generated/prisma/enums";

export type InterviewRow = { id: string; status: InterviewStatus; scheduledAt: Date; durationMinutes: number; title: string };

/**
 * A record's interviews (a job's, a candidate's), newest first: what each is about (`title`, a
 * link to it), its status and when, in the viewer's zone. `empty` shows when there are none.
 */
export function InterviewRows({ rows, empty }: { rows: InterviewRow[]; empty: ReactNode }) {
  if (rows.length === 0) return <div className="rounded-lg border border-dashed border-ink-300 bg-white px-5 py-8 text-center text-sm text-ink-600">{empty}</div>;
  return (
    <ul className="divide-y divide-ink-200 overflow-hidden rounded-lg bg-white ring-1 ring-ink-200">
      {rows.map((row) => (
        <li key={row.id} className="relative flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-5 py-3 hover:bg-ink-50">
          <div className="min-w-0">
            <Link href={`/interviews/${row.id}`} className="font-medium text-ink-900 after:absolute after:inset-0">
              {row.title}
            </Link>
            <p className="mt-0.5 text-sm text-ink-600">
              <LocalDate value={row.scheduledAt.toISOString()} /> · {row.durationMinutes} min
            </p>
          </div>
          <InterviewStatusBadge status={row.status} />
        </li>
      ))}
    </ul>
  );
}
