import { addMinutes, addSeconds } from "date-fns";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime } from "@/emails/_components/time";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { EmailKind, InterviewStatus } from "@/lib/generated/prisma/enums";
import { startInterview, submitAnswer } from "@/lib/interviews/candidate/answering";
import { loadCandidateView } from "@/lib/interviews/candidate/portal-view";
import { sweepInterviews } from "@/lib/interviews/lifecycle/sweep";
import { cancelInterview } from "@/lib/interviews/recruiter/manage";
import { makeJob, makeSchedulingOrg } from "./support/factories";
import { answerRows, asCandidate, scheduleAt } from "./support/interviews";

// What a candidate is told by email, and in which zone recruiters read their notices.

// After every other file's sweeps on a shared PostgreSQL (see tests/candidate.test.ts).
const START = new Date("2032-07-07T10:00:00.000Z");
const s = (seconds: number) => addSeconds(START, seconds);
// The expiry test sweeps; its interviews live before every other file's (sweep.test.ts: 2001-2003).
const EXPIRES = new Date("1999-03-03T10:00:00.000Z");

let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
let jobId: string;

beforeAll(async () => {
  org = await makeSchedulingOrg("Candidate emails", "Asia/Tokyo");
  ({ id: jobId } = await makeJob(org.organizationId, ["What did you build last?"]));
  const prisma = await db();
  await prisma.user.update({ where: { id: org.ownerId }, data: { timeZone: "America/Los_Angeles" } });
});
afterEach(() => setClock(null));

async function emailsOf(interviewId: string, kind: EmailKind) {
  const prisma = await db();
  return prisma.outboxEmail.findMany({ where: { interviewId, kind } });
}

/** An interview of the one-question job, started at START and finished at +100 s. */
async function finished() {
  const { interviewId, candidate } = await scheduleAt(org, START, { jobId });
  await startInterview(await asCandidate(interviewId), true, START);
  const [answer] = await answerRows(interviewId);
  expect(await submitAnswer(await asCandidate(interviewId), answer!.id, "A scheduler.", s(100))).toEqual({ done: true });
  return { interviewId, candidate };
}

describe("the candidate's confirmation after finishing", () => {
  it("is queued once with the completion: what happens next, in their zone, and how to reach the recruiter", async () => {
    const { interviewId, candidate } = await finished();
    const [email, ...more] = await emailsOf(interviewId, EmailKind.ANSWERS_RECEIVED);
    expect(more).toHaveLength(0);
    expect(email).toMatchObject({ toEmail: candidate.email, replyTo: org.ownerEmail, secret: null, organizationId: org.organizationId });
    expect(email!.subject).toMatch(/^We received your answers: Backend Engineer at Candidate emails /);
    for (const part of [email!.text, email!.html]) {
      expect(part).toContain(formatDateTime(s(100).toISOString(), "Asia/Tokyo"));
      expect(part).toContain("What happens next");
      expect(part).toContain(org.ownerEmail);
      expect(part).not.toContain("session_key");
    }
    expect(email!.text).toContain(`Hi ${candidate.name},`);
    expect(email!.text).toContain(`Contact Owner at Candidate emails ${org.suffix} (${org.ownerEmail}), or reply to this email.`);
    expect(email!.html).toContain(`href="mailto:${org.ownerEmail}"`);
  });

  it("is not sent when the interview is cancelled, even mid-way, or expires unstarted", async () => {
    const { interviewId: cancelled } = await scheduleAt(org, START, { jobId });
    await startInterview(await asCandidate(cancelled), true, START);
    await cancelInterview(org.scheduler, cancelled);
    expect(await emailsOf(cancelled, EmailKind.ANSWERS_RECEIVED)).toEqual([]);

    const { interviewId: expired } = await scheduleAt(org, EXPIRES, { jobId });
    await sweepInterviews(addMinutes(EXPIRES, 20));
    const prisma = await db();
    expect((await prisma.interview.findUniqueOrThrow({ where: { id: expired } })).status).toBe(InterviewStatus.EXPIRED);
    expect(await emailsOf(expired, EmailKind.ANSWERS_RECEIVED)).toEqual([]);
  });
});

describe("recruiters' notices", () => {
  it("show times in the recipient recruiter's own zone, not the candidate's", async () => {
    const { interviewId } = await finished();
    const [notice] = await emailsOf(interviewId, EmailKind.CANDIDATE_COMPLETED);
    expect(notice!.toEmail).toBe(org.ownerEmail);
    expect(notice!.text).toContain(formatDateTime(s(100).toISOString(), "America/Los_Angeles"));
    expect(notice!.text).not.toContain(formatDateTime(s(100).toISOString(), "Asia/Tokyo"));
  });

  it("fall back to UTC for a recruiter whose zone is not known yet", async () => {
    const prisma = await db();
    await prisma.user.update({ where: { id: org.ownerId }, data: { timeZone: null } });
    try {
      const { interviewId } = await finished();
      const [notice] = await emailsOf(interviewId, EmailKind.CANDIDATE_COMPLETED);
      expect(notice!.text).toContain(formatDateTime(s(100).toISOString(), "UTC"));
    } finally {
      await prisma.user.update({ where: { id: org.ownerId }, data: { timeZone: "America/Los_Angeles" } });
    }
  });
});

describe("the cancellation", () => {
  it("carries the recruiter's reason, and refuses one that is too long before changing anything", async () => {
    const { interviewId } = await scheduleAt(org, START, { jobId });
    await expect(cancelInterview(org.scheduler, interviewId, { reason: "x".repeat(1001) })).rejects.toMatchObject({ name: "FieldError" });
    const prisma = await db();
    expect((await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } })).status).toBe(InterviewStatus.SCHEDULED);

    await cancelInterview(org.scheduler, interviewId, { reason: "  The role has been filled.  " });
    const [email] = await emailsOf(interviewId, EmailKind.CANCELLED);
    expect(email!.replyTo).toBe(org.ownerEmail);
    expect(email!.text).toContain("Owner wrote: The role has been filled.");
    const [event] = await prisma.auditEvent.findMany({ where: { interviewId, type: "interview.cancelled" } });
    // The reason went to the candidate; the audit trail, which outlives the interview, keeps only that there was one.
    expect(event!.data).toEqual({ withReason: true });
  });
});

describe("the portal's contact", () => {
  it("is the recruiter who scheduled, by name and address, else the organisation's first owner", async () => {
    const { interviewId } = await scheduleAt(org, START, { jobId });
    expect(await loadCandidateView(interviewId)).toMatchObject({ interviewerName: "Owner", interviewerEmail: org.ownerEmail });
    const prisma = await db();
    await prisma.interview.update({ where: { id: interviewId }, data: { createdById: null } });
    await prisma.user.create({
      data: { email: `later-owner-${org.suffix}@example.test`, name: "Later Owner", passwordHash: "scrypt$unused", role: "OWNER", organizationId: org.organizationId },
    });
    expect(await loadCandidateView(interviewId)).toMatchObject({ interviewerName: "Owner", interviewerEmail: org.ownerEmail });
  });
});
