import { addDays, addSeconds } from "date-fns";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { NotFoundError, StateError } from "@/lib/errors";
import { ActorType, EmailKind, InterviewStatus } from "@/lib/generated/prisma/enums";
import { deleteInterviewContent, findContentState } from "@/lib/interviews/recruiter/content";
import { requestDeletion } from "@/lib/interviews/candidate/requests";
import { CandidateRequestError } from "@/lib/interviews/candidate/errors";
import { setStorage } from "@/lib/storage";
import { makeAnsweredInterview, makeInterviewRow, makeOrg } from "./support/factories";
import { interviewSnapshot, asCandidate } from "./support/interviews";
import { memoryStorage } from "./support/memory-storage";

const media = memoryStorage();
beforeAll(() => setStorage(media.storage));
afterAll(() => setStorage(null));
afterEach(() => setClock(null));

let org: Awaited<ReturnType<typeof makeOrg>>;
let other: Awaited<ReturnType<typeof makeOrg>>;
beforeAll(async () => {
  [org, other] = await Promise.all([makeOrg("Deletion A"), makeOrg("Deletion B")]);
});
const manager = () => ({ userId: org.ownerId, organizationId: org.organizationId });

async function refusedWith(promise: Promise<unknown>, reason: CandidateRequestError["reason"]) {
  const error = await promise.then(
    () => expect.fail("expected a refusal"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CandidateRequestError);
  expect((error as CandidateRequestError).reason).toBe(reason);
}

async function emailsOf(interviewId: string, kind: EmailKind) {
  const prisma = await db();
  return prisma.outboxEmail.findMany({ where: { interviewId, kind } });
}

describe("requestDeletion", () => {
  it("records the request once and emails the recruiter with the date the policy would delete it", async () => {
    const { interviewId, candidate } = await makeAnsweredInterview(org);
    const prisma = await db();
    const { completedAt } = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { completedAt: true } });
    const at = new Date();
    setClock(at);
    await requestDeletion(await asCandidate(interviewId));

    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview.deletionRequestedAt).toEqual(at);
    expect(interview.contentDeletedAt).toBeNull();
    expect(await prisma.interviewAnswer.count({ where: { interviewId } })).toBe(2); // the recruiter decides
    const events = await prisma.auditEvent.findMany({ where: { interviewId, type: "deletion.requested" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: ActorType.CANDIDATE, createdAt: at });

    const [email, ...more] = await emailsOf(interviewId, EmailKind.DELETION_REQUESTED);
    expect(more).toEqual([]);
    expect(email).toMatchObject({ toEmail: org.ownerEmail, subject: `${candidate.name} asks you to delete their interview answers` });
    expect(email!.text).toContain(`http://localhost:3000/interviews/${interviewId}`);
    // In the recipient's zone: the factory's owner has none, so UTC (Europe/London differed between 23:00 and midnight UTC).
    const deletesOn = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "long", year: "numeric", month: "long", day: "numeric" }).format(
      addDays(completedAt!, 180),
    );
    expect(email!.text).toContain(`Your retention policy deletes them on ${deletesOn} in any case.`);

    const before = await interviewSnapshot(interviewId);
    await refusedWith(requestDeletion(await asCandidate(interviewId)), "already_requested");
    expect(await interviewSnapshot(interviewId)).toEqual(before);
  });

  it.each([InterviewStatus.SCHEDULED, InterviewStatus.EXPIRED, InterviewStatus.CANCELLED])("is refused for a %s interview", async (status) => {
    const { interviewId } = await makeInterviewRow(org, status);
    const before = await interviewSnapshot(interviewId);
    await refusedWith(requestDeletion(await asCandidate(interviewId)), "not_completed");
    expect(await interviewSnapshot(interviewId)).toEqual(before);
  });

  it("completes an interview whose time ran out before taking the request, and refuses one still running", async () => {
    const startedAt = new Date(Date.now() - 3600_000);
    const prisma = await db();
    const answers = [{ presented: 0, answerStarted: 20, submitted: 92, text: "Done." }, { presented: 92 }];
    const ranOut = await makeAnsweredInterview(org, answers, InterviewStatus.IN_PROGRESS, startedAt);
    await requestDeletion(await asCandidate(ranOut.interviewId), addSeconds(startedAt, 92 + 30 + 120 + 60));
    expect(await prisma.interview.findUniqueOrThrow({ where: { id: ranOut.interviewId } })).toMatchObject({ status: InterviewStatus.COMPLETED });
    expect(await emailsOf(ranOut.interviewId, EmailKind.DELETION_REQUESTED)).toHaveLength(1);

    const running = await makeAnsweredInterview(org, answers, InterviewStatus.IN_PROGRESS, startedAt);
    const before = await interviewSnapshot(running.interviewId);
    await refusedWith(requestDeletion(await asCandidate(running.interviewId), addSeconds(startedAt, 100)), "not_completed");
    expect(await interviewSnapshot(running.interviewId)).toEqual(before);
  });

  it("is refused once the answers are gone", async () => {
    const { interviewId } = await makeAnsweredInterview(org);
    await deleteInterviewContent(manager(), interviewId);
    await refusedWith(requestDeletion(await asCandidate(interviewId)), "already_deleted");
  });
});

describe("deleteInterviewContent", () => {
  it("deletes at the candidate's request, and says so", async () => {
    const { interviewId } = await makeAnsweredInterview(org);
    await media.storage.put(`recordings/${interviewId}/rec/0`, new Uint8Array([1]), "video/webm");
    await requestDeletion(await asCandidate(interviewId));
    expect(await findContentState(org.organizationId, interviewId)).toMatchObject({ deletable: true, contentDeletedAt: null, deletedReason: null });

    await deleteInterviewContent(manager(), interviewId);
    const state = await findContentState(org.organizationId, interviewId);
    expect(state).toMatchObject({ deletable: false, deletedReason: "candidate request", status: InterviewStatus.COMPLETED });
    expect(state!.contentDeletedAt).toBeInstanceOf(Date);
    expect(media.keys(`recordings/${interviewId}/`)).toEqual([]);
    const prisma = await db();
    expect(await prisma.interviewAnswer.count({ where: { interviewId } })).toBe(0);
    const [event] = await prisma.auditEvent.findMany({ where: { interviewId, type: "content.deleted" } });
    expect(event).toMatchObject({ actorType: ActorType.USER, actorId: org.ownerId });

    // Again: nothing more to do, no error.
    await deleteInterviewContent(manager(), interviewId);
    expect(await prisma.auditEvent.count({ where: { interviewId, type: "content.deleted" } })).toBe(1);
  });

  it("deletes on the recruiter's own decision without a request", async () => {
    const { interviewId } = await makeAnsweredInterview(org);
    await deleteInterviewContent(manager(), interviewId);
    expect(await findContentState(org.organizationId, interviewId)).toMatchObject({ deletedReason: "recruiter" });
  });

  it("refuses an interview in progress, and says 'not found' to another organisation", async () => {
    const running = await makeAnsweredInterview(org, undefined, InterviewStatus.IN_PROGRESS);
    const before = await interviewSnapshot(running.interviewId);
    await expect(deleteInterviewContent(manager(), running.interviewId)).rejects.toBeInstanceOf(StateError);
    expect(await findContentState(org.organizationId, running.interviewId)).toMatchObject({ deletable: false });

    const done = await makeAnsweredInterview(org);
    await expect(deleteInterviewContent({ userId: other.ownerId, organizationId: other.organizationId }, done.interviewId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await findContentState(other.organizationId, done.interviewId)).toBeNull();
    expect(await interviewSnapshot(running.interviewId)).toEqual(before);
    const prisma = await db();
    expect(await prisma.interviewAnswer.count({ where: { interviewId: done.interviewId } })).toBe(2);
  });

  it("tells the recruiter when storage is down, having deleted nothing", async () => {
    const { interviewId } = await makeAnsweredInterview(org);
    await media.storage.put(`recordings/${interviewId}/rec/0`, new Uint8Array([1]), "video/webm");
    const before = await interviewSnapshot(interviewId);
    media.fail(`recordings/${interviewId}/`);
    try {
      await expect(deleteInterviewContent(manager(), interviewId)).rejects.toThrow(
        new StateError("The recordings could not be deleted just now, so nothing was deleted. Please try again in a few minutes."),
      );
    } finally {
      media.heal();
    }
    expect(await interviewSnapshot(interviewId)).toEqual(before);
    expect(media.keys(`recordings/${interviewId}/`)).toHaveLength(1);
  });
});
