import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { asViewer, requireMember } from "@/lib/accounts/auth";
import { findComparableJob } from "@/lib/interviews/review/compare";

/**
 * An unknown job, another organisation's, or one a reviewer was asked about none of: a real 404,
 * decided before the page's loading state starts streaming (a 200 page saying "not found" otherwise).
 */
export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ jobId: string }> }) {
  const member = await requireMember();
  if (!(await findComparableJob(asViewer(member), (await params).jobId))) notFound();
  return children;
}
