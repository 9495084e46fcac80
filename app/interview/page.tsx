import type { Metadata } from "next";
import { connection } from "next/server";
import { LocalDate } from "@/components/local-date";
import { Logo } from "@/components/logo";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { resolveAccess } from "@/lib/interviews/access";

export const metadata: Metadata = { title: "Your interview", robots: { index: false, follow: false }, referrer: "no-referrer" };

const MESSAGES = {
  invalid: ["This link is not valid", "Check that you opened the whole link from your invitation email. If it still does not work, ask the recruiter to send it again."],
  replaced: ["A newer invitation was sent", "This link was replaced. Please use the link in your latest email from the recruiter."],
  cancelled: ["This interview was cancelled", "The recruiter cancelled this interview. If you think this is a mistake, reply to their email."],
  completed: ["Thank you", "You have completed this interview. The team will be in touch."],
  expired: ["This interview's time has passed", "The time to join has ended. Contact the recruiter to ask for a new time."],
} as const;

// The candidate portal's first cut: it decides on the server what the key opens, before rendering.
export default async function InterviewPortalPage({ searchParams }: { searchParams: Promise<{ session_key?: string | string[] }> }) {
  await connection();
  const { session_key: key } = await searchParams;
  const access = await resolveAccess(Array.isArray(key) ? key[0] : key, now());
  let title: string;
  let body: React.ReactNode;
  if (access.state === "too_early") {
    title = "Your interview opens soon";
    body = (
      <>
        You can join from <LocalDate value={access.opensAt.toISOString()} /> (the interview starts at{" "}
        <LocalDate value={access.startsAt.toISOString()} options={{ dateStyle: undefined, timeStyle: "short" }} />
        ). Come back then with the same link.
      </>
    );
  } else if (access.state === "open" || access.state === "in_progress") {
    const prisma = await db();
    const interview = await prisma.interview.findUniqueOrThrow({
      where: { id: access.interviewId },
      select: { organization: { select: { name: true } }, job: { select: { title: true } }, candidate: { select: { name: true } } },
    });
    title = `${interview.job.title} at ${interview.organization.name}`;
    body = `Welcome, ${interview.candidate.name}. Your interview is open.`;
  } else {
    [title, body] = MESSAGES[access.state];
  }
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <Logo className="mb-8 text-xl" />
      <main className="w-full max-w-lg rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-ink-200">
        <h1 className="text-xl font-semibold text-ink-900">{title}</h1>
        <p className="mt-3 text-ink-600">{body}</p>
      </main>
    </div>
  );
}
