import type { Prisma } from "@/lib/generated/prisma/client";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { CandidateInput } from "@/lib/candidates";
import { InterviewStatus, JobStatus, type Role } from "@/lib/generated/prisma/enums";
import { newSessionKey } from "@/lib/interviews/model/session-keys";
import { hashPassword } from "@/lib/accounts/passwords";
import type { ScheduleInput } from "@/lib/interviews/recruiter/schedule";
import type { JobInput, QuestionInput } from "@/lib/jobs";

/**
 * A fresh organisation with an owner, unique to the calling test. The owner's address is verified
 * (as every account made since sign-up confirmation is) unless `verified: false` makes one from
 * before it; `password` gives them one that signs in.
 */
export async function makeOrg(name = "Test Org", { verified = true, password }: { verified?: boolean; password?: string } = {}) {
  const prisma = await db();
  const suffix = randomUUID().slice(0, 8);
  const org = await prisma.organization.create({ data: { name: `${name} ${suffix}` } });
  const ownerEmail = `owner-${suffix}@example.test`;
  const owner = await prisma.user.create({
    data: {
      email: ownerEmail,
      name: "Owner",
      passwordHash: password ? await hashPassword(password) : "scrypt$unused",
      role: "OWNER",
      organizationId: org.id,
      emailVerifiedAt: verified ? new Date() : null,
    },
  });
  return { organizationId: org.id, ownerId: owner.id, ownerEmail, suffix };
}

/** An organisation's owner as lib/ scopes reads to a member (a Viewer). */
export function asOwner(org: { organizationId: string; ownerId: string }) {
  return { userId: org.ownerId, organizationId: org.organizationId, role: "OWNER" as const };
}

/** Another member of `org` with `role` (no password that signs in). */
export async function makeMember(org: { organizationId: string }, role: Role, name = `${role.charAt(0)}${role.slice(1).toLowerCase()} ${randomUUID().slice(0, 4)}`) {
  const prisma = await db();
  const user = await prisma.user.create({
    data: { email: uniqueEmail(role.toLowerCase()), name, passwordHash: "scrypt$unused", role, organizationId: org.organizationId, emailVerifiedAt: new Date() },
    select: { id: true, name: true, email: true, role: true },
  });
  return { ...user, userId: user.id, organizationId: org.organizationId };
}

/** An email address no other test (or earlier run on a shared database) has used. */
export function uniqueEmail(prefix = "person"): string {
  return `${prefix}-${randomUUID()}@example.test`;
}

/** A question input; pass `id` to keep an existing question. */
export function question(prompt: string, overrides: Partial<QuestionInput> = {}): QuestionInput {
  return { prompt, answerType: "TEXT", prepSeconds: 30, answerSeconds: 120, retakes: 0, ...overrides };
}

/** A valid job input with the given question prompts. */
export function jobInput(overrides: Partial<JobInput> = {}, prompts = ["Why us?", "Tell us about a hard bug.", "Any questions?"]): JobInput {
  return {
    title: "Backend Engineer",
    description: "Build the platform.",
    location: "Berlin",
    workplaceType: "HYBRID",
    questions: prompts.map((prompt) => question(prompt)),
    ...overrides,
  };
}

/** A valid candidate input with a unique email. */
export function candidateInput(overrides: Partial<CandidateInput> = {}): CandidateInput {
  return { name: "Ada Lovelace", email: uniqueEmail("candidate"), phone: null, timeZone: "Europe/London", notes: "", ...overrides };
}

/** The token of an invite link (createTeamInvite's url; null when the address had an account elsewhere). */
export function inviteToken(url: string | null): string {
  if (!url) throw new Error("The invitation carries no link");
  const token = new URL(url).searchParams.get("token");
  if (!token) throw new Error(`No token in ${url}`);
  return token;
}

/** An open job of `organizationId` with the given questions (text answers unless told). */
export async function makeJob(
  organizationId: string,
  questions: Array<string | QuestionInput> = ["Why us?", "Tell us about a hard bug."],
  overrides: { title?: string; status?: JobStatus } = {},
) {
  const prisma = await db();
  const job = await prisma.job.create({
    data: {
      organizationId,
      title: overrides.title ?? "Backend Engineer",
      status: overrides.status ?? JobStatus.OPEN,
      questions: {
        create: questions.map((q, position) => {
          const { id: _id, ...fields } = typeof q === "string" ? question(q) : q;
          return { ...fields, position };
        }),
      },
    },
    select: { id: true, title: true },
  });
  return job;
}

/** A candidate of `organizationId` in time zone `timeZone`, with a unique email. */
export async function makeCandidate(organizationId: string, timeZone = "Europe/London", overrides: Partial<Omit<CandidateInput, "metadata">> = {}) {
  const prisma = await db();
  return prisma.candidate.create({
    // The factory's candidates carry no API metadata (a JSON null would need Prisma's DbNull).
    data: { organizationId, ...candidateInput({ timeZone, ...overrides, metadata: undefined }) } as Prisma.CandidateUncheckedCreateInput,
    select: { id: true, name: true, email: true, timeZone: true },
  });
}

/** An organisation with an open job and a candidate, ready to schedule interviews in. */
export async function makeSchedulingOrg(name = "Scheduling Org", candidateTimeZone = "Europe/Berlin") {
  const org = await makeOrg(name);
  const [job, candidate] = await Promise.all([
    makeJob(org.organizationId, ["Why us?", question("Show us your workspace.", { answerType: "VIDEO" })], { title: `Engineer ${org.suffix}` }),
    makeCandidate(org.organizationId, candidateTimeZone),
  ]);
  return { ...org, scheduler: { userId: org.ownerId, organizationId: org.organizationId }, job, candidate };
}

/**
 * Another candidate of a scheduling organisation, in its candidate's zone: a candidate has at most
 * one open interview per job, so tests that schedule several at once schedule them for new people.
 */
export async function anotherCandidate(org: { organizationId: string; candidate: { timeZone: string } }) {
  return makeCandidate(org.organizationId, org.candidate.timeZone);
}

/** A valid scheduleInterview input: `candidate` (an id or an inline new one), a fresh request token. */
export function scheduleInput(
  jobId: string,
  candidate: ScheduleInput["candidate"],
  overrides: Partial<Omit<ScheduleInput, "jobId" | "candidate">> = {},
): ScheduleInput {
  return { jobId, candidate, scheduledAt: null, durationMinutes: 30, notes: "", requestToken: randomUUID(), ...overrides };
}

/**
 * An interview row written directly, in any status, created by the organisation's owner (no
 * session, no emails): for the outbox and webhook tests, which bring their own emails.
 */
export async function makeInterviewRow(
  org: { organizationId: string; ownerId: string },
  status: InterviewStatus = InterviewStatus.SCHEDULED,
  scheduledAt = new Date(Date.now() + 7 * 24 * 3600_000),
  questions: Array<string | QuestionInput> = ["Why us?"],
) {
  const prisma = await db();
  const [job, candidate] = await Promise.all([makeJob(org.organizationId, questions), makeCandidate(org.organizationId)]);
  const interview = await prisma.interview.create({
    data: {
      organizationId: org.organizationId,
      jobId: job.id,
      candidateId: candidate.id,
      createdById: org.ownerId,
      status,
      scheduledAt,
      durationMinutes: 30,
      candidateTimeZone: candidate.timeZone,
      // A key, as every interview has one (its raw value is not needed here).
      sessions: { create: { keyHash: newSessionKey().keyHash } },
    },
    select: { id: true },
  });
  return { interviewId: interview.id, job, candidate };
}

/** One answer of `completedInterviewRow`: timestamps as seconds after the interview started (null for none). */
export interface AnswerRow {
  prompt?: string;
  prepSeconds?: number;
  answerSeconds?: number;
  presented?: number | null;
  answerStarted?: number | null;
  submitted?: number | null;
  text?: string;
}

/**
 * An interview row in `status` (completed unless told) with answers written directly, as the
 * candidate portal would have left them, started (and scheduled) at `startedAt`: for the review
 * and sweep tests.
 */
export async function makeAnsweredInterview(
  org: { organizationId: string; ownerId: string },
  answers: AnswerRow[] = [{ presented: 0, answerStarted: 20, submitted: 92, text: "Because of the mission." }, { presented: 92, submitted: 242 }],
  status: InterviewStatus = InterviewStatus.COMPLETED,
  startedAt = new Date(Date.now() - 24 * 3600_000),
) {
  const prisma = await db();
  const { interviewId, job, candidate } = await makeInterviewRow(org, status);
  const at = (seconds: number | null | undefined) => (seconds == null ? null : new Date(startedAt.getTime() + seconds * 1000));
  const lastSubmitted = answers.reduce<number | null>((last, a) => (a.submitted == null ? last : Math.max(last ?? 0, a.submitted)), null);
  await prisma.interview.update({
    where: { id: interviewId },
    data: {
      scheduledAt: startedAt,
      startedAt,
      completedAt: status === InterviewStatus.COMPLETED ? at(lastSubmitted) ?? startedAt : null,
      answers: {
        create: answers.map((a, position) => ({
          position,
          prompt: a.prompt ?? `Question ${position + 1}?`,
          answerType: "TEXT",
          prepSeconds: a.prepSeconds ?? 30,
          answerSeconds: a.answerSeconds ?? 120,
          presentedAt: at(a.presented),
          answerStartedAt: at(a.answerStarted),
          submittedAt: at(a.submitted),
          savedAt: at(a.submitted),
          text: a.text ?? "",
        })),
      },
    },
  });
  const rows = await prisma.interviewAnswer.findMany({ where: { interviewId }, orderBy: { position: "asc" }, select: { id: true, position: true } });
  return { interviewId, job, candidate, answerIds: rows.map((r) => r.id), startedAt };
}
