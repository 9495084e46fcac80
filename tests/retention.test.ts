import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { addDays, addMinutes, addSeconds } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteCandidate } from "@/lib/candidates";
import { db } from "@/lib/db";
import { FieldError, NotFoundError, StateError } from "@/lib/errors";
import { ActorType, EmailKind, EmailStatus, InterviewStatus, RecordingStatus } from "@/lib/generated/prisma/enums";
import { findRetentionSetting, purgeInterviewContent, setRetentionDays, sweepRetention } from "@/lib/interviews/lifecycle/retention";
import { MediaDeletionError } from "@/lib/interviews/media";
import { chunkKey } from "@/lib/interviews/media";
import { setStorage } from "@/lib/storage";
import { createLocalStorage } from "@/lib/storage/local";
import { makeCandidate, makeInterviewRow, makeJob, makeOrg } from "./support/factories";
import { interviewSnapshot } from "./support/interviews";
import { memoryStorage } from "./support/memory-storage";

// Why the 1980s. sweepRetention(at) looks at every organisation's interviews, and on a shared
// PostgreSQL other test files run at the same time. It only touches finished interviews that
// ended a retention period before `at`; no other file has interviews before 2000, so sweeping at
// times in the 1980s reaches this file's rows only (and leftovers of earlier runs of it). Counts
// returned by the sweep may include those leftovers, so assertions read this file's rows by id.
// Each test has its own years, in order.
// The other way round, sweepInterviews (other files run it at 2001–2003) must never see this
// file's unfinished interviews: it would expire or complete them under a test's feet, and old
// running interviews that never run out would crowd out the ones it is looking for. So a
// scheduled one's window stays open until 2099, and a running one has no startedAt (the sweep
// only looks at interviews started before its clock); neither changes what retention checks.
const media = memoryStorage();
beforeAll(() => setStorage(media.storage));
afterAll(() => setStorage(null));

type Org = Awaited<ReturnType<typeof makeOrg>>;
const OPEN_UNTIL_2099 = 60_000_000; // minutes after a 1980s start

async function orgWithRetention(name: string, retentionDays: number) {
  const org = await makeOrg(name);
  const prisma = await db();
  await prisma.organization.update({ where: { id: org.organizationId }, data: { retentionDays } });
  return org;
}

interface Spec {
  status: InterviewStatus;
  scheduledAt: Date;
  completedAt?: Date | null;
  durationMinutes?: number;
  /** Answers, a recording with two chunks, a signal and two media objects. */
  content?: boolean;
}

/** An interview of `org` with content as the portal would have left it. */
async function interview(org: Org, spec: Spec) {
  const prisma = await db();
  const { interviewId, candidate } = await makeInterviewRow(org, spec.status, spec.scheduledAt);
  await prisma.interview.update({
    where: { id: interviewId },
    data: {
      durationMinutes: spec.durationMinutes ?? 30,
      completedAt: spec.completedAt ?? null,
      startedAt: spec.status === InterviewStatus.COMPLETED || spec.status === InterviewStatus.CANCELLED ? spec.scheduledAt : null,
      closesMinutesAfter: spec.status === InterviewStatus.SCHEDULED ? OPEN_UNTIL_2099 : 15,
      accommodationRequest: "Large print, please.",
      accommodationRequestedAt: addDays(spec.scheduledAt, -1),
    },
  });
  if (spec.content ?? true) {
    const answer = await prisma.interviewAnswer.create({
      data: {
        interviewId,
        position: 0,
        prompt: "Show us your workspace.",
        answerType: "VIDEO",
        prepSeconds: 30,
        answerSeconds: 120,
        presentedAt: spec.scheduledAt,
        text: "",
      },
    });
    await prisma.interviewAnswer.create({
      data: { interviewId, position: 1, prompt: "Why us?", answerType: "TEXT", prepSeconds: 30, answerSeconds: 120, text: "Because." },
    });
    const recording = await prisma.recording.create({
      data: {
        interviewId,
        answerId: answer.id,
        take: 1,
        status: RecordingStatus.FINISHED,
        contentType: "video/webm;codecs=vp8,opus",
        sizeBytes: 6,
        chunkCount: 2,
        startedAt: spec.scheduledAt,
        chunks: { create: [{ seq: 0, sizeBytes: 3 }, { seq: 1, sizeBytes: 3 }] },
      },
    });
    await prisma.integritySignal.create({ data: { interviewId, position: 1, kind: "PASTE", at: spec.scheduledAt, detail: { characters: 40 } } });
    // Its transcript, whose segments are the captions: words the candidate spoke.
    await prisma.transcript.create({
      data: {
        answerId: answer.id,
        interviewId,
        organizationId: org.organizationId,
        status: "DONE",
        nextAttemptAt: spec.scheduledAt,
        language: "en",
        text: "I led the migration to Kubernetes",
        segments: [{ startMs: 0, endMs: 2000, text: "I led the migration to Kubernetes" }],
      },
    });
    for (const seq of [0, 1]) await media.storage.put(`recordings/${interviewId}/${recording.id}/${seq}`, new Uint8Array([1, 2, 3]), "video/webm");
  }
  return { interviewId, candidateId: candidate.id };
}

/** Everything an interview owns, media included. */
async function everything(interviewId: string) {
  const prisma = await db();
  const [answers, recordings, chunks, signals, transcripts] = await Promise.all([
    prisma.interviewAnswer.findMany({ where: { interviewId }, orderBy: { position: "asc" } }),
    prisma.recording.findMany({ where: { interviewId }, orderBy: { id: "asc" } }),
    prisma.recordingChunk.findMany({ where: { recording: { interviewId } }, orderBy: [{ recordingId: "asc" }, { seq: "asc" }] }),
    prisma.integritySignal.findMany({ where: { interviewId }, orderBy: { id: "asc" } }),
    prisma.transcript.findMany({ where: { interviewId } }),
  ]);
  return { ...(await interviewSnapshot(interviewId)), answers, recordings, chunks, signals, transcripts, objects: media.keys(`recordings/${interviewId}/`) };
}

/** Checks a purge: no content left, the interview and its history kept, one audit event. */
async function expectPurged(interviewId: string, before: Awaited<ReturnType<typeof everything>>, at: Date, reason: string) {
  const after = await everything(interviewId);
  expect(before.transcripts).toHaveLength(before.recordings.length);
  expect(after).toMatchObject({ answers: [], recordings: [], chunks: [], signals: [], transcripts: [], objects: [] });
  expect(after.interview).toEqual({ ...before.interview, contentDeletedAt: at, accommodationRequest: "", updatedAt: after.interview!.updatedAt });
  expect(after.sessions).toEqual(before.sessions);
  expect(after.emails).toEqual(before.emails);
  const added = after.events.filter((e) => !before.events.some((b) => b.id === e.id));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatchObject({ type: "content.deleted", createdAt: at });
  expect(added[0]!.data).toMatchObject({
    reason,
    answers: before.answers.length,
    recordings: before.recordings.length,
    signals: before.signals.length,
    objects: before.objects.length,
  });
  return added[0]!;
}

describe("sweepRetention", () => {
  it("deletes exactly the content of finished interviews past their organisation's retention, and nothing else", async () => {
    const AT = new Date("1984-06-01T00:00:00.000Z");
    const short = await orgWithRetention("Retention 30", 30);
    const long = await orgWithRetention("Retention 365", 365);
    const CUT = addDays(AT, -30); // interviews of `short` that ended at or before this are due

    const due = {
      secondBefore: await interview(short, { status: InterviewStatus.COMPLETED, scheduledAt: addMinutes(CUT, -40), completedAt: addSeconds(CUT, -1) }),
      atCut: await interview(short, { status: InterviewStatus.COMPLETED, scheduledAt: addMinutes(CUT, -40), completedAt: CUT }),
      // No completion: the end is the scheduled start plus the duration.
      expired: await interview(short, { status: InterviewStatus.EXPIRED, scheduledAt: addMinutes(CUT, -45), durationMinutes: 45, content: false }),
      cancelledMidway: await interview(short, { status: InterviewStatus.CANCELLED, scheduledAt: addMinutes(CUT, -30), durationMinutes: 30 }),
      longAgo: await interview(long, { status: InterviewStatus.COMPLETED, scheduledAt: addDays(AT, -400), completedAt: addDays(AT, -400) }),
    };
    const kept = {
      secondAfter: await interview(short, { status: InterviewStatus.COMPLETED, scheduledAt: addMinutes(CUT, -40), completedAt: addSeconds(CUT, 1) }),
      // Cancelled before the end of its duration counts from that end, a second after the cut-off.
      cancelledEndsAfter: await interview(short, { status: InterviewStatus.CANCELLED, scheduledAt: addSeconds(addMinutes(CUT, -30), 1), durationMinutes: 30 }),
      recent: await interview(short, { status: InterviewStatus.COMPLETED, scheduledAt: addDays(AT, -1), completedAt: addDays(AT, -1) }),
      running: await interview(short, { status: InterviewStatus.IN_PROGRESS, scheduledAt: addDays(AT, -300) }),
      waiting: await interview(short, { status: InterviewStatus.SCHEDULED, scheduledAt: addDays(AT, -300), content: false }),
      // Past the short cut-off, but its organisation keeps a year.
      longerPolicy: await interview(long, { status: InterviewStatus.COMPLETED, scheduledAt: addDays(AT, -40), completedAt: addDays(AT, -40) }),
    };
    const before = new Map<string, Awaited<ReturnType<typeof everything>>>();
    for (const { interviewId } of [...Object.values(due), ...Object.values(kept)]) before.set(interviewId, await everything(interviewId));
    expect(before.get(due.atCut.interviewId)!.objects).toHaveLength(2);

    const result = await sweepRetention(AT);
    expect(result.purged).toBeGreaterThanOrEqual(Object.keys(due).length);

    for (const [name, { interviewId }] of Object.entries(due)) {
      const event = await expectPurged(interviewId, before.get(interviewId)!, AT, "retention");
      expect(event.actorType, name).toBe(ActorType.SYSTEM);
    }
    for (const [name, { interviewId }] of Object.entries(kept)) expect(await everything(interviewId), name).toEqual(before.get(interviewId));

    // A second round finds nothing more of these to do, and records nothing twice.
    const again = new Map<string, Awaited<ReturnType<typeof everything>>>();
    for (const { interviewId } of Object.values(due)) again.set(interviewId, await everything(interviewId));
    await sweepRetention(AT);
    for (const { interviewId } of Object.values(due)) expect(await everything(interviewId)).toEqual(again.get(interviewId));
  });

  it("deletes each interview once when several processes sweep at the same time", async () => {
    const AT = new Date("1985-06-01T00:00:00.000Z");
    const org = await orgWithRetention("Retention race", 30);
    const due = [];
    for (let i = 0; i < 6; i++) due.push(await interview(org, { status: InterviewStatus.COMPLETED, scheduledAt: addDays(AT, -60 - i), completedAt: addDays(AT, -60 - i) }));

    const results = await Promise.all([sweepRetention(AT, { batchSize: 2 }), sweepRetention(AT, { batchSize: 2 }), sweepRetention(AT, { batchSize: 4 })]);
    expect(results.every((r) => r.purgeFailed === 0)).toBe(true);
    const prisma = await db();
    for (const { interviewId } of due) {
      const events = await prisma.auditEvent.findMany({ where: { interviewId, type: "content.deleted" } });
      expect(events).toHaveLength(1);
      expect(await everything(interviewId)).toMatchObject({ answers: [], recordings: [], signals: [], objects: [] });
    }
  });

  it("leaves an interview whose media could not be deleted untouched and due, and deletes it in a later round", async () => {
    const AT = new Date("1986-06-01T00:00:00.000Z");
    const org = await orgWithRetention("Retention outage", 30);
    const broken = await interview(org, { status: InterviewStatus.COMPLETED, scheduledAt: addDays(AT, -90), completedAt: addDays(AT, -90) });
    const fine = await interview(org, { status: InterviewStatus.COMPLETED, scheduledAt: addDays(AT, -90), completedAt: addDays(AT, -90) });
    const brokenBefore = await everything(broken.interviewId);
    const fineBefore = await everything(fine.interviewId);

    media.fail(`recordings/${broken.interviewId}/`);
    try {
      const result = await sweepRetention(AT);
      expect(result.purgeFailed).toBeGreaterThanOrEqual(1);
      // Nothing in the database changed, so it still looks due (contentDeletedAt is null).
      expect(await everything(broken.interviewId)).toEqual(brokenBefore);
      await expectPurged(fine.interviewId, fineBefore, AT, "retention");
    } finally {
      media.heal();
    }

    const later = addMinutes(AT, 10);
    await sweepRetention(later);
    await expectPurged(broken.interviewId, brokenBefore, later, "retention");
  });
});

describe("purgeInterviewContent", () => {
  it("removes the interview's files from the local disk adapter, and no other interview's", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kairos-retention-"));
    const disk = createLocalStorage(dir);
    setStorage(disk);
    try {
      const org = await makeOrg("Purge disk");
      const ended = { status: InterviewStatus.COMPLETED, scheduledAt: new Date("1987-02-01T10:00:00.000Z"), completedAt: new Date("1987-02-01T10:20:00.000Z"), content: false };
      const [gone, kept] = [await interview(org, ended), await interview(org, ended)];
      for (const { interviewId } of [gone, kept]) {
        for (const seq of [0, 1]) await disk.put(chunkKey(interviewId, "rec1", seq), new Uint8Array([seq]), "video/webm");
      }
      const files = async () => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
      expect(await files()).toHaveLength(4);

      const result = await purgeInterviewContent(gone.interviewId, org.organizationId, { reason: "recruiter", actor: { type: ActorType.USER, id: org.ownerId } });
      expect(result).toMatchObject({ objects: 2 });
      expect(await files()).toEqual([chunkKey(kept.interviewId, "rec1", 0), chunkKey(kept.interviewId, "rec1", 1)].map((k) => path.join(...k.split("/"))));
    } finally {
      setStorage(media.storage);
      await rm(dir, { recursive: true, force: true });
    }
  });


  it("takes the sent copy of the candidate's accommodation request with it, and leaves every other email", async () => {
    const org = await makeOrg("Purge emails");
    const { interviewId } = await interview(org, { status: InterviewStatus.COMPLETED, scheduledAt: new Date("1987-02-15T10:00:00.000Z"), completedAt: new Date("1987-02-15T10:20:00.000Z") });
    const prisma = await db();
    const email = (kind: EmailKind, status: EmailStatus) => ({ organizationId: org.organizationId, interviewId, kind, status, toEmail: "r@example.test", subject: kind, html: "I need captions", text: "I need captions" });
    await prisma.outboxEmail.createMany({
      data: [email(EmailKind.ACCOMMODATION_REQUESTED, EmailStatus.SENT), email(EmailKind.ACCOMMODATION_REQUESTED, EmailStatus.PENDING), email(EmailKind.INVITATION, EmailStatus.SENT)],
    });
    await purgeInterviewContent(interviewId, org.organizationId, { reason: "recruiter", actor: { type: ActorType.USER, id: org.ownerId } });
    const left = await prisma.outboxEmail.findMany({ where: { interviewId }, select: { kind: true, status: true } });
    expect(left.map((e) => `${e.kind} ${e.status}`).sort()).toEqual(["ACCOMMODATION_REQUESTED PENDING", "INVITATION SENT"]);
  });

  it("refuses an interview that has not ended, deleting neither rows nor media", async () => {
    const org = await makeOrg("Purge refusals");
    for (const status of [InterviewStatus.IN_PROGRESS, InterviewStatus.SCHEDULED]) {
      const { interviewId } = await interview(org, { status, scheduledAt: new Date("1987-03-01T10:00:00.000Z") });
      const before = await everything(interviewId);
      const attempt = purgeInterviewContent(interviewId, org.organizationId, { reason: "recruiter", actor: { type: ActorType.USER, id: org.ownerId } });
      await expect(attempt).rejects.toBeInstanceOf(StateError);
      expect(await everything(interviewId)).toEqual(before);
    }
  });

  it("gives another organisation 'not found' before touching storage, and does nothing twice", async () => {
    const [org, other] = await Promise.all([makeOrg("Purge A"), makeOrg("Purge B")]);
    const { interviewId } = await interview(org, { status: InterviewStatus.COMPLETED, scheduledAt: new Date("1987-03-01T10:00:00.000Z"), completedAt: new Date("1987-03-01T10:20:00.000Z") });
    const before = await everything(interviewId);
    const foreign = purgeInterviewContent(interviewId, other.organizationId, { reason: "recruiter", actor: { type: ActorType.USER, id: other.ownerId } });
    await expect(foreign).rejects.toBeInstanceOf(NotFoundError);
    expect(await everything(interviewId)).toEqual(before);

    const at = new Date("1987-04-01T00:00:00.000Z");
    const actor = { type: ActorType.USER, id: org.ownerId };
    expect(await purgeInterviewContent(interviewId, org.organizationId, { reason: "recruiter", actor, at })).toEqual({ answers: 2, recordings: 1, signals: 1, objects: 2 });
    const event = await expectPurged(interviewId, before, at, "recruiter");
    expect(event).toMatchObject({ actorType: ActorType.USER, actorId: org.ownerId });
    expect(await purgeInterviewContent(interviewId, org.organizationId, { reason: "recruiter", actor })).toBeNull();
    const prisma = await db();
    expect(await prisma.auditEvent.count({ where: { interviewId, type: "content.deleted" } })).toBe(1);
  });
});

describe("deleteCandidate", () => {
  it("deletes the media of every interview of the candidate, and no one else's", async () => {
    const org = await makeOrg("Candidate media");
    const prisma = await db();
    const leaving = await interview(org, { status: InterviewStatus.COMPLETED, scheduledAt: new Date("2026-01-05T10:00:00.000Z"), completedAt: new Date("2026-01-05T10:20:00.000Z") });
    // A second interview of the same candidate, still running.
    const job = await makeJob(org.organizationId);
    const second = await prisma.interview.create({
      data: { organizationId: org.organizationId, jobId: job.id, candidateId: leaving.candidateId, createdById: org.ownerId, status: InterviewStatus.IN_PROGRESS, scheduledAt: new Date(), durationMinutes: 30, candidateTimeZone: "UTC" },
    });
    await media.storage.put(`recordings/${second.id}/r1/0`, new Uint8Array([9]), "video/webm");
    const staying = await interview(org, { status: InterviewStatus.COMPLETED, scheduledAt: new Date("2026-01-05T10:00:00.000Z"), completedAt: new Date("2026-01-05T10:20:00.000Z") });
    const stayingBefore = await everything(staying.interviewId);

    await deleteCandidate(org.organizationId, leaving.candidateId);

    expect(media.keys(`recordings/${leaving.interviewId}/`)).toEqual([]);
    expect(media.keys(`recordings/${second.id}/`)).toEqual([]);
    expect(await prisma.interview.count({ where: { id: { in: [leaving.interviewId, second.id] } } })).toBe(0);
    expect(await prisma.candidate.findUnique({ where: { id: leaving.candidateId } })).toBeNull();
    expect(await everything(staying.interviewId)).toEqual(stayingBefore);
    expect(stayingBefore.objects).toHaveLength(2);
  });

  it("deletes nothing when storage fails, so it can be tried again", async () => {
    const org = await makeOrg("Candidate outage");
    const prisma = await db();
    const { interviewId, candidateId } = await interview(org, { status: InterviewStatus.COMPLETED, scheduledAt: new Date("2026-01-06T10:00:00.000Z"), completedAt: new Date("2026-01-06T10:20:00.000Z") });
    const before = await everything(interviewId);
    media.fail(`recordings/${interviewId}/`);
    try {
      await expect(deleteCandidate(org.organizationId, candidateId)).rejects.toBeInstanceOf(MediaDeletionError);
    } finally {
      media.heal();
    }
    expect(await everything(interviewId)).toEqual(before);
    expect(await prisma.candidate.findUnique({ where: { id: candidateId } })).not.toBeNull();
    await deleteCandidate(org.organizationId, candidateId);
    expect(media.keys(`recordings/${interviewId}/`)).toEqual([]);
  });

  it("gives another organisation 'not found' and touches no media", async () => {
    const [org, other] = await Promise.all([makeOrg("Candidate A"), makeOrg("Candidate B")]);
    const { interviewId, candidateId } = await interview(org, { status: InterviewStatus.COMPLETED, scheduledAt: new Date("2026-01-07T10:00:00.000Z"), completedAt: new Date("2026-01-07T10:20:00.000Z") });
    await expect(deleteCandidate(other.organizationId, candidateId)).rejects.toBeInstanceOf(NotFoundError);
    expect(media.keys(`recordings/${interviewId}/`)).toHaveLength(2);
    expect(await makeCandidate(other.organizationId)).toBeTruthy();
  });
});

describe("retention setting", () => {
  it("is 180 days by default and changed by an owner, with an audit event", async () => {
    const org = await makeOrg("Setting");
    expect(await findRetentionSetting(org.organizationId)).toEqual({ retentionDays: 180 });
    await setRetentionDays({ userId: org.ownerId, organizationId: org.organizationId }, 90);
    await setRetentionDays({ userId: org.ownerId, organizationId: org.organizationId }, 30);
    await setRetentionDays({ userId: org.ownerId, organizationId: org.organizationId }, 730);
    expect(await findRetentionSetting(org.organizationId)).toEqual({ retentionDays: 730 });
    const prisma = await db();
    const events = await prisma.auditEvent.findMany({ where: { organizationId: org.organizationId, type: "retention.changed" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.data)).toEqual([
      { from: 180, to: 90 },
      { from: 90, to: 30 },
      { from: 30, to: 730 },
    ]);
    expect(events[0]).toMatchObject({ actorType: ActorType.USER, actorId: org.ownerId, interviewId: null });
  });

  it.each([29, 731, 45.5])("refuses %s days with a FieldError", async (days) => {
    const org = await makeOrg("Setting bounds");
    const attempt = setRetentionDays({ userId: org.ownerId, organizationId: org.organizationId }, days);
    await expect(attempt).rejects.toBeInstanceOf(FieldError);
    await expect(attempt).rejects.toMatchObject({ field: "retentionDays" });
    expect(await findRetentionSetting(org.organizationId)).toEqual({ retentionDays: 180 });
  });

  it("refuses a recruiter, a reviewer and an owner of another organisation; an admin may", async () => {
    const [org, other] = await Promise.all([makeOrg("Setting owner"), makeOrg("Setting other")]);
    const prisma = await db();
    const as = (role: "ADMIN" | "RECRUITER" | "REVIEWER") =>
      prisma.user.create({ data: { email: `${role.toLowerCase()}-${org.suffix}@example.test`, name: role, passwordHash: "scrypt$unused", role, organizationId: org.organizationId } });
    for (const role of ["RECRUITER", "REVIEWER"] as const) {
      const user = await as(role);
      await expect(setRetentionDays({ userId: user.id, organizationId: org.organizationId }, 60), role).rejects.toBeInstanceOf(StateError);
    }
    await expect(setRetentionDays({ userId: other.ownerId, organizationId: org.organizationId }, 60)).rejects.toBeInstanceOf(StateError);
    expect(await findRetentionSetting(org.organizationId)).toEqual({ retentionDays: 180 });
    await setRetentionDays({ userId: (await as("ADMIN")).id, organizationId: org.organizationId }, 90);
    expect(await findRetentionSetting(org.organizationId)).toEqual({ retentionDays: 90 });
  });
});
