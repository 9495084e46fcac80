import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { demoHistoryRefusal, seedDemoHistory, type HistorySummary } from "@/lib/demo-history";
import { ffmpegAvailable } from "@/lib/demo-media";
import { AnswerType, EmailKind, EmailStatus, InterviewStatus, RecordingStatus } from "@/lib/generated/prisma/enums";
import { chunkKey } from "@/lib/interviews/media";
import { findReview } from "@/lib/interviews/review/find-review";
import { setStorage, storage } from "@/lib/storage";
import { DEMO_EMAIL, seedDemo } from "@/lib/seed";

// The demo history writes through the real domain at real times (the last days around now): its
// sweep and its dispatcher would reach other files' rows on a shared PostgreSQL. So this file
// always has an in-memory PGlite of its own, whatever DATABASE_URL says (like migrate.test.ts).
delete process.env.DATABASE_URL;
process.env.PGLITE_DIR = "memory://";

let uploads: string;
let first: HistorySummary;
let startedAt: Date;

beforeAll(async () => {
  uploads = mkdtempSync(path.join(tmpdir(), "kairos-demo-history-"));
  process.env.STORAGE_DIR = uploads;
  setStorage(null);
  await seedDemo(await db());
  startedAt = new Date();
  first = await seedDemoHistory(DEMO_EMAIL);
  console.log(`demo history: ${first.created} interviews in ${first.ms} ms${first.recordings ? ", with recordings" : ", text only (no ffmpeg)"}`);
}, 180_000);

afterAll(() => {
  setStorage(null);
  rmSync(uploads, { recursive: true, force: true });
});

async function demoInterviews() {
  const prisma = await db();
  return prisma.interview.findMany({
    where: { organization: { users: { some: { email: DEMO_EMAIL } } } },
    orderBy: { scheduledAt: "asc" },
    select: {
      id: true,
      status: true,
      scheduledAt: true,
      decidedAt: true,
      decision: true,
      candidate: { select: { name: true } },
      emails: { select: { kind: true, status: true, sentAt: true, sendAfter: true } },
      events: { select: { type: true, createdAt: true } },
    },
  });
}

describe("the demo history", () => {
  it("has an interview in every state a newcomer should see, and leaves the clock as it found it", async () => {
    expect(first.created).toBe(7);
    const interviews = await demoInterviews();
    const byName = Object.fromEntries(interviews.map((i) => [i.candidate.name, i]));
    expect(Object.fromEntries(interviews.map((i) => [i.candidate.name, i.status]))).toEqual({
      "Amara Okafor": InterviewStatus.COMPLETED,
      "Liam Walsh": InterviewStatus.COMPLETED,
      "Hana Sato": InterviewStatus.IN_PROGRESS,
      "Jonas Berg": InterviewStatus.EXPIRED,
      "Sofia Rossi": InterviewStatus.CANCELLED,
      "Diego Fernández": InterviewStatus.SCHEDULED,
      "Priya Raman": InterviewStatus.SCHEDULED,
    });
    // One reviewed, one waiting for its review.
    expect(byName["Amara Okafor"]!.decision).toBe("ADVANCE");
    expect(byName["Liam Walsh"]!.decidedAt).toBeNull();
    // Diego's was moved once; the upcoming ones are in the future.
    expect(byName["Diego Fernández"]!.events.map((e) => e.type)).toContain("interview.rescheduled");
    for (const name of ["Diego Fernández", "Priya Raman"]) expect(byName[name]!.scheduledAt.getTime()).toBeGreaterThan(Date.now());
    expect(now().getTime() - Date.now()).toBeLessThan(1000);
  });

  it("happened in the past: every event and sent email is before the seed ran, and only future reminders wait", async () => {
    for (const interview of await demoInterviews()) {
      for (const event of interview.events) expect(event.createdAt.getTime(), `${interview.candidate.name}: ${event.type}`).toBeLessThanOrEqual(startedAt.getTime());
      for (const email of interview.emails) {
        const what = `${interview.candidate.name}: ${email.kind} ${email.status}`;
        if (email.status === EmailStatus.SENT) expect(email.sentAt!.getTime(), what).toBeLessThanOrEqual(startedAt.getTime());
        else if (email.status === EmailStatus.PENDING) {
          expect([EmailKind.REMINDER_24H, EmailKind.REMINDER_1H], what).toContain(email.kind);
          expect(email.sendAfter!.getTime(), what).toBeGreaterThan(startedAt.getTime());
        } else expect(email.status, what).toBe(EmailStatus.CANCELLED);
      }
    }
    const prisma = await db();
    // Delivered into the dev mailbox, invitations and the recruiter's "completed" notices alike.
    const kinds = await prisma.outboxEmail.groupBy({ by: ["kind"], where: { status: EmailStatus.SENT }, _count: true });
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k._count]))).toMatchObject({
      [EmailKind.INVITATION]: 7,
      [EmailKind.RESCHEDULED]: 1,
      [EmailKind.CANCELLED]: 1,
      [EmailKind.CANDIDATE_COMPLETED]: 2,
    });
    expect(await prisma.devMailboxMessage.count()).toBe(await prisma.outboxEmail.count({ where: { status: EmailStatus.SENT } }));
  });

  it("the completed interviews carry written answers, ratings and — with ffmpeg — recordings that play from storage", async () => {
    const interviews = await demoInterviews();
    const amara = interviews.find((i) => i.candidate.name === "Amara Okafor")!;
    const recruiter = await (await db()).user.findUniqueOrThrow({ where: { email: DEMO_EMAIL } });
    const review = (await findReview({ userId: recruiter.id, organizationId: recruiter.organizationId, role: recruiter.role }, amara.id))!;
    // The demo recruiter's submitted scorecard, in question order.
    expect(review.mine).toMatchObject({ recommendation: "YES", reviewerName: recruiter.name });
    expect(review.mine?.submittedAt).toBeInstanceOf(Date);
    expect(review.answers.map((a) => review.mine?.ratings.find((r) => r.answerId === a.id)?.rating)).toEqual([4, 5, 4, 3]);
    for (const answer of review.answers) {
      expect(answer.submitted).toBe(true);
      if (answer.answerType === AnswerType.TEXT) expect(answer.text.length).toBeGreaterThan(100);
      else if (first.recordings) {
        expect(answer.recordings).toHaveLength(1);
        const [recording] = answer.recordings;
        expect(recording!.status).toBe(RecordingStatus.FINISHED);
        // Its chunks, read back through storage in order, make a WebM file (EBML header first).
        const chunks = await (await db()).recordingChunk.findMany({ where: { recordingId: recording!.id }, orderBy: { seq: "asc" } });
        const bytes = Buffer.concat(await Promise.all(chunks.map(async (c) => Buffer.from(await new Response(await storage().get(chunkKey(amara.id, recording!.id, c.seq))).arrayBuffer()))));
        expect(bytes.byteLength).toBe(recording!.sizeBytes);
        expect(bytes.subarray(0, 4).toString("hex")).toBe("1a45dfa3");
      } else expect(answer.recordings).toHaveLength(0);
    }
    expect(first.recordings).toBe(await ffmpegAvailable());
  });

  it("running it again changes nothing", async () => {
    const prisma = await db();
    const count = () => Promise.all([prisma.interview.count(), prisma.outboxEmail.count(), prisma.recording.count(), prisma.auditEvent.count()]);
    const before = await count();
    const again = await seedDemoHistory(DEMO_EMAIL);
    expect(again).toMatchObject({ created: 0, existing: 7 });
    expect(await count()).toEqual(before);
  });

  it("is never written in production, nor where email would really be sent", async () => {
    expect(demoHistoryRefusal({ NODE_ENV: "production" })).toMatch(/production/);
    expect(demoHistoryRefusal({ NODE_ENV: "development", RESEND_API_KEY: "re_123" })).toMatch(/RESEND_API_KEY/);
    expect(demoHistoryRefusal({ NODE_ENV: "development" })).toBeNull();
    vi.stubEnv("NODE_ENV", "production");
    try {
      await expect(seedDemoHistory(DEMO_EMAIL)).rejects.toThrow(/development only/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
