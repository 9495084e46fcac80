// Reading back what scheduling wrote: the keys in an outbox email, and a snapshot of everything an
// interview owns (to show that a refused change wrote nothing).
import { addDays } from "date-fns";
import { expect } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Attachment } from "@/lib/email/outbox";
import { EmailKind, InterviewMode } from "@/lib/generated/prisma/enums";
import { scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import { anotherCandidate, scheduleInput, type makeSchedulingOrg } from "./factories";
import type { CandidateSession } from "@/lib/interviews/candidate/access";

const KEY_IN_LINK = /\/interview\?session_key=([A-Za-z0-9_-]+)/g;

/** Every session key found in `/interview?session_key=KEY` links in a text. */
export function linkKeys(body: string): string[] {
  return [...body.matchAll(KEY_IN_LINK)].map((m) => m[1]!);
}

/** A calendar attachment's text with RFC 5545 folded lines joined again. */
export function icsText(attachment: Attachment): string {
  return Buffer.from(attachment.content, "base64").toString("utf8").replace(/\r?\n[ \t]/g, "");
}

/**
 * The one key an email's links carry, found separately in its HTML, its text and its calendar
 * file; fails unless all three carry links and every link holds the same key.
 */
export function linkKeyOf(email: { html: string; text: string; attachments: unknown }): string {
  const attachments = email.attachments as Attachment[];
  const ics = attachments.find((a) => a.contentType.startsWith("text/calendar"));
  expect(ics, "calendar attachment").toBeDefined();
  const found = { html: linkKeys(email.html), text: linkKeys(email.text), ics: linkKeys(icsText(ics!)) };
  for (const [where, keys] of Object.entries(found)) expect(keys.length, `links in ${where}`).toBeGreaterThan(0);
  const distinct = new Set([...found.html, ...found.text, ...found.ics]);
  expect([...distinct]).toHaveLength(1);
  const [key] = distinct;
  expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return key!;
}

/**
 * A stored email that no longer carries `key` anywhere — HTML, text or calendar file (unfolded) —
 * with its secret column empty and "[redacted]" where the key was.
 */
export function expectScrubbed(email: { html: string; text: string; attachments: unknown; secret: string | null }, key: string) {
  expect(email.secret).toBeNull();
  const parts = { html: email.html, text: email.text, ...Object.fromEntries((email.attachments as Attachment[]).map((a, i) => [`attachment ${i}`, icsText(a)])) };
  for (const [where, part] of Object.entries(parts)) {
    expect(part.includes(key), `the key in the ${where}`).toBe(false);
    expect(part, where).toContain("[redacted]");
  }
}

/** Everything stored for one interview, in a stable order. */
export async function interviewSnapshot(interviewId: string) {
  const prisma = await db();
  const [interview, sessions, emails, events] = await Promise.all([
    prisma.interview.findUnique({ where: { id: interviewId } }),
    prisma.interviewSession.findMany({ where: { interviewId }, orderBy: { id: "asc" } }),
    prisma.outboxEmail.findMany({ where: { interviewId }, orderBy: { id: "asc" } }),
    prisma.auditEvent.findMany({ where: { interviewId }, orderBy: { id: "asc" } }),
  ]);
  return { interview, sessions, emails, events };
}

/** Everything stored for one organisation's interviews (counts scoped to that organisation). */
export async function organizationRows(organizationId: string) {
  const prisma = await db();
  const [interviews, sessions, emails, events, candidates] = await Promise.all([
    prisma.interview.count({ where: { organizationId } }),
    prisma.interviewSession.count({ where: { interview: { organizationId } } }),
    prisma.outboxEmail.count({ where: { organizationId } }),
    prisma.auditEvent.count({ where: { organizationId } }),
    prisma.candidate.count({ where: { organizationId } }),
  ]);
  return { interviews, sessions, emails, events, candidates };
}

/**
 * Schedules an interview at `start` through scheduleInterview, for a new candidate of `org` in its
 * candidate's zone (one open interview per candidate and job), booked with
 * the clock at `bookedAt` (two days ahead by default, so both reminders are queued), and returns
 * its id and the key its invitation carries. The clock is real again afterwards.
 */
export async function scheduleAt(
  org: Awaited<ReturnType<typeof makeSchedulingOrg>>,
  start: Date,
  { jobId = org.job.id, bookedAt = addDays(start, -2) }: { jobId?: string; bookedAt?: Date } = {},
) {
  setClock(bookedAt);
  try {
    const candidate = await anotherCandidate(org);
    const { interviewId } = await scheduleInterview(org.scheduler, scheduleInput(jobId, { id: candidate.id }, { scheduledAt: start }));
    const prisma = await db();
    const invitation = await prisma.outboxEmail.findFirstOrThrow({ where: { interviewId, kind: EmailKind.INVITATION } });
    return { interviewId, key: linkKeyOf(invitation), candidate };
  } finally {
    setClock(null);
  }
}

/**
 * Schedules a DEADLINE interview through scheduleInterview for a new candidate of `org`: its link
 * opens at `opensAt` (the clock is set there while booking) and it is due at `dueAt`. Returns its
 * id and the key its invitation carries. The clock is real again afterwards.
 */
export async function scheduleDeadline(org: Awaited<ReturnType<typeof makeSchedulingOrg>>, opensAt: Date, dueAt: Date) {
  setClock(opensAt);
  try {
    const candidate = await anotherCandidate(org);
    const { interviewId } = await scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: candidate.id }, { scheduledAt: "now", mode: InterviewMode.DEADLINE, dueAt }));
    const prisma = await db();
    const invitation = await prisma.outboxEmail.findFirstOrThrow({ where: { interviewId, kind: EmailKind.INVITATION } });
    return { interviewId, key: linkKeys(invitation.text)[0]!, invitation, candidate };
  } finally {
    setClock(null);
  }
}

/** An interview's answer rows, in question order. */
export async function answerRows(interviewId: string) {
  const prisma = await db();
  return prisma.interviewAnswer.findMany({ where: { interviewId }, orderBy: { position: "asc" } });
}

/**
 * The candidate of an interview as its newest key authorises them: what a request carrying that
 * key resolves to (the session may since have been revoked, as a cancellation does).
 */
export async function asCandidate(interviewId: string): Promise<CandidateSession> {
  const prisma = await db();
  const session = await prisma.interviewSession.findFirstOrThrow({ where: { interviewId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
  return { interviewId, sessionId: session.id };
}
