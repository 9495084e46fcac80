import { addDays, format } from "date-fns";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { EmailKind, InterviewStatus, JobStatus, TranscriptStatus } from "@/lib/generated/prisma/enums";
import { chunkKey } from "@/lib/interviews/media";
import { compareJob, parseCompareFilters } from "@/lib/interviews/review/compare";
import { storage } from "@/lib/storage";
import { api, makeApiKey } from "./support/api";
import { asOwner, makeAnsweredInterview, makeCandidate, makeJob, makeOrg, makeSchedulingOrg } from "./support/factories";

/** A date `days` from today, as due_date takes it (deadlines are at most 60 days out). */
const inDays = (days: number) => format(addDays(new Date(), days), "yyyy-MM-dd");

/** Follows next_cursor to the end and returns every item's id, page by page. */
async function everyPage(operationId: string, key: string, query: Record<string, string>) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const response = await api(operationId, { key, query: { ...query, ...(cursor && { cursor }) } });
    expect(response.status).toBe(200);
    pages.push(response.json.data.map((item: { id: string }) => item.id));
    cursor = response.json.next_cursor;
    expect(response.json.has_more).toBe(cursor !== null);
  } while (cursor);
  return pages;
}

describe("jobs", () => {
  it("lists open jobs newest first to the end by cursor, archived when asked, and gets one with its questions", async () => {
    const org = await makeOrg("API jobs");
    const { key } = await makeApiKey(org, ["jobs:read"]);
    const jobs = [];
    for (let i = 0; i < 5; i++) jobs.push(await makeJob(org.organizationId, ["Why us?", "Tell us about a hard bug."], { title: `Job ${i}` }));
    const archived = await makeJob(org.organizationId, ["Old?"], { title: "Archived", status: JobStatus.ARCHIVED });
    const pages = await everyPage("listJobs", key, { limit: "2" });
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(jobs.map((j) => j.id).reverse());
    expect((await api("listJobs", { key, query: { status: "archived" } })).json.data.map((j: { id: string }) => j.id)).toEqual([archived.id]);

    const one = await api("getJob", { key, params: { id: jobs[0]!.id } });
    expect(one.json).toMatchObject({ id: jobs[0]!.id, title: "Job 0", status: "open", question_count: 2 });
    expect(one.json.questions.map((q: { prompt: string; position: number }) => [q.position, q.prompt])).toEqual([[0, "Why us?"], [1, "Tell us about a hard bug."]]);
    expect((await api("getJob", { key, params: { id: "cm0000000000000000000000" } })).status).toBe(404);
  });
});

describe("candidates", () => {
  it("creates by email (201), updates the same address (200) keeping external_id and metadata, gets it, and deletes it with everything of theirs", async () => {
    const org = await makeOrg("API candidates");
    const { key } = await makeApiKey(org, ["candidates:write"]);
    const created = await api("upsertCandidate", { key, body: { name: "Ada Lovelace", email: "Ada@Example.test", time_zone: "Europe/London", external_id: "gh-1", metadata: { source: "greenhouse", stage: 2 } } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "Ada Lovelace", email: "ada@example.test", external_id: "gh-1", metadata: { source: "greenhouse", stage: 2 }, time_zone: "Europe/London" });
    const updated = await api("upsertCandidate", { key, body: { name: "Ada King", email: "ada@example.test" } });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ id: created.json.id, name: "Ada King", external_id: "gh-1", metadata: { source: "greenhouse", stage: 2 }, time_zone: "Europe/London" });
    const cleared = await api("upsertCandidate", { key, body: { name: "Ada King", email: "ada@example.test", metadata: null } });
    expect(cleared.json.metadata).toBeNull();

    expect((await api("getCandidate", { key, params: { id: created.json.id } })).json.name).toBe("Ada King");
    const answered = await makeAnsweredInterview(org);
    expect((await api("deleteCandidate", { key, params: { id: answered.candidate.id } })).status).toBe(204);
    const prisma = await db();
    expect(await prisma.interview.count({ where: { id: answered.interviewId } })).toBe(0);
    expect((await api("getCandidate", { key, params: { id: answered.candidate.id } })).status).toBe(404);
    expect((await api("deleteCandidate", { key, params: { id: answered.candidate.id } })).status).toBe(404);

    const other = await makeOrg("API candidates other");
    const foreign = await makeCandidate(other.organizationId);
    expect((await api("deleteCandidate", { key, params: { id: foreign.id } })).status).toBe(404);
    expect(await prisma.candidate.count({ where: { id: foreign.id } })).toBe(1);
  });
});

describe("interviews", () => {
  it("invites with the invitation queued carrying the link, echoes external_id and metadata, and replays the Idempotency-Key without inviting twice", async () => {
    const org = await makeSchedulingOrg("API invite");
    const { key } = await makeApiKey(org);
    const body = { job_id: org.job.id, candidate_id: org.candidate.id, mode: "deadline", due_date: inDays(10), external_id: "app-77", metadata: { requisition: "R-1" } };
    const headers = { "idempotency-key": "invite-77" };
    const created = await api("createInterview", { key, body, headers });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: "scheduled", mode: "deadline", external_id: "app-77", metadata: { requisition: "R-1" }, candidate: { id: org.candidate.id }, job: { id: org.job.id } });
    expect(created.json.timeline.map((e: { type: string; actor: string }) => [e.type, e.actor])).toEqual([["interview.scheduled", "api_key"]]);
    const replay = await api("createInterview", { key, body, headers });
    expect(replay.json.id).toBe(created.json.id);
    const prisma = await db();
    expect(await prisma.interview.count({ where: { candidateId: org.candidate.id } })).toBe(1);
    const invitation = await prisma.outboxEmail.findFirstOrThrow({ where: { interviewId: created.json.id, kind: EmailKind.INVITATION }, select: { text: true, secret: true } });
    expect(invitation.text).toContain(`/interview?session_key=${invitation.secret}`);

    // A second open interview for the same candidate and job is a conflict naming the first.
    const twice = await api("createInterview", { key, body: { ...body, external_id: "app-78" } });
    expect(twice.status).toBe(409);
    expect(twice.json.existing_id).toBe(created.json.id);

    const bad = await api("createInterview", { key, body: { job_id: org.job.id, candidate_id: org.candidate.id, mode: "deadline", due_date: "2001-01-01" } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0].pointer).toBe("/due_date");
    // Another organisation's job or candidate named in the body: refused on that field, nothing written.
    const other = await makeSchedulingOrg("API invite other");
    for (const [foreign, pointer] of [[{ job_id: other.job.id, candidate_id: org.candidate.id }, "/job_id"], [{ job_id: org.job.id, candidate_id: other.candidate.id }, "/candidate_id"]] as const) {
      const refused = await api("createInterview", { key, body: { ...foreign, starts_at: "now" } });
      expect(refused.status).toBe(422);
      expect(refused.json.errors[0].pointer).toBe(pointer);
    }
    expect(await prisma.interview.count({ where: { OR: [{ candidateId: other.candidate.id }, { jobId: other.job.id }] } })).toBe(0);
    const neither = await api("createInterview", { key, body: { job_id: org.job.id } });
    expect(neither.status).toBe(400);
    expect(neither.json.errors[0].pointer).toBe("/candidate_id");
  });

  it("creates a new candidate with the interview, lists by filters to the end, and cancels, resends and extends through the guard", async () => {
    const org = await makeSchedulingOrg("API manage");
    const { key } = await makeApiKey(org);
    const scheduled = await api("createInterview", { key, body: { job_id: org.job.id, candidate: { name: "Grace Hopper", email: "grace@example.test", time_zone: "America/New_York" }, starts_at: addDays(new Date(), 3).toISOString() } });
    expect(scheduled.status).toBe(201);
    expect(scheduled.json.candidate.email).toBe("grace@example.test");
    const deadline = await api("createInterview", { key, body: { job_id: org.job.id, candidate_id: org.candidate.id, mode: "deadline", due_date: inDays(10) } });

    const resent = await api("resendInvitation", { key, params: { id: scheduled.json.id } });
    expect(resent.status).toBe(200);
    expect(resent.json.timeline.map((e: { type: string }) => e.type)).toEqual(["interview.scheduled", "invitation.resent"]);
    const extended = await api("extendInterview", { key, params: { id: deadline.json.id }, body: { due_date: inDays(20) } });
    expect(extended.status).toBe(200);
    expect(extended.json.due_at > deadline.json.due_at).toBe(true);
    const earlier = await api("extendInterview", { key, params: { id: deadline.json.id }, body: { due_date: inDays(15) } });
    expect(earlier.status).toBe(422);
    const cancelled = await api("cancelInterview", { key, params: { id: scheduled.json.id }, body: { reason: "The role was filled." } });
    expect(cancelled.json.status).toBe("cancelled");
    const again = await api("cancelInterview", { key, params: { id: scheduled.json.id } });
    expect(again.status).toBe(409);

    expect((await everyPage("listInterviews", key, { limit: "1" })).flat()).toEqual([deadline.json.id, scheduled.json.id]);
    expect((await api("listInterviews", { key, query: { status: "cancelled" } })).json.data.map((i: { id: string }) => i.id)).toEqual([scheduled.json.id]);
    expect((await api("listInterviews", { key, query: { candidate_id: org.candidate.id } })).json.data.map((i: { id: string }) => i.id)).toEqual([deadline.json.id]);
  });

  it("invites many at once, listing who was not invited and why; a retry with the same key returns the same batch", async () => {
    const org = await makeSchedulingOrg("API bulk");
    const { key } = await makeApiKey(org);
    const body = {
      job_id: org.job.id,
      mode: "deadline",
      due_date: inDays(12),
      default_time_zone: "Europe/Paris",
      candidates: [{ candidate_id: org.candidate.id }, { name: "Lin", email: "lin@example.test" }, { name: "Bad", email: "not-an-email@" }].slice(0, 2),
    };
    const headers = { "idempotency-key": "bulk-1" };
    const first = await api("bulkCreateInterviews", { key, body, headers });
    expect(first.status).toBe(201);
    expect(first.json.invited.map((i: { email: string }) => i.email).sort()).toEqual(["lin@example.test", org.candidate.email].sort());
    const retry = await api("bulkCreateInterviews", { key, body, headers });
    expect(retry.json.batch_id).toBe(first.json.batch_id);
    const second = await api("bulkCreateInterviews", { key, body });
    expect(second.status).toBe(422);
    expect(second.json.errors[0].pointer).toBe("/candidates");
  });

  it("reads a completed interview's answers, scorecard summary and recordings; a recording streams with Range, another organisation's is not found", async () => {
    const org = await makeOrg("API read");
    const { key } = await makeApiKey(org, ["interviews:read", "recordings:read"]);
    const answered = await makeAnsweredInterview(org, undefined, InterviewStatus.COMPLETED);
    const prisma = await db();
    const recording = await prisma.recording.create({ data: { interviewId: answered.interviewId, answerId: answered.answerIds[1]!, take: 1, status: "FINISHED", contentType: "video/webm", sizeBytes: 10, chunkCount: 1, startedAt: new Date(), durationMs: 4000 }, select: { id: true } });
    await storage().put(chunkKey(answered.interviewId, recording.id, 0), Buffer.from("0123456789"), "video/webm");
    await prisma.recordingChunk.create({ data: { recordingId: recording.id, seq: 0, sizeBytes: 10 } });

    const detail = await api("getInterview", { key, params: { id: answered.interviewId } });
    expect(detail.json.status).toBe("completed");
    expect(detail.json.answers[0]).toMatchObject({ text: "Because of the mission.", recordings: [] });
    expect(detail.json.answers[1].recordings).toEqual([expect.objectContaining({ id: recording.id, duration_ms: 4000 })]);
    expect(detail.json.scorecards).toMatchObject({ submitted: 0, overall_mean: null });

    // Uneven ratings: the first answer rated 5 by two reviewers, the second 1 by one. The overall
    // mean is every rating's (11 / 3 = 3.7), as the compare view shows it — not the mean of the
    // questions' means (3.0).
    const [first, second] = answered.answerIds as [string, string];
    for (const [name, ratings] of [["Rae", [[first, 5], [second, 1]]], ["Sol", [[first, 5]]]] as const) {
      await prisma.scorecard.create({
        data: { organizationId: org.organizationId, interviewId: answered.interviewId, reviewerName: name, submittedAt: new Date(), ratings: { create: ratings.map(([answerId, rating]) => ({ answerId, rating })) } },
      });
    }
    const rated = await api("getInterview", { key, params: { id: answered.interviewId } });
    expect(rated.json.scorecards).toMatchObject({ submitted: 2, overall_mean: 3.7, questions: [{ mean: 5 }, { mean: 1 }] });
    const compared = await compareJob(asOwner(org), answered.job.id, parseCompareFilters({}));
    expect(compared!.rows.find((row) => row.interviewId === answered.interviewId)?.overallMean).toBe(3.7);

    const ranged = await api("getRecording", { key, params: { id: recording.id }, headers: { range: "bytes=2-5" } });
    expect(ranged.status).toBe(206);
    expect(ranged.text).toBe("2345");
    expect((await api("getRecording", { key, params: { id: recording.id } })).text).toBe("0123456789");

    const stranger = await makeApiKey(await makeOrg("API read other"), ["interviews:read", "recordings:read"]);
    expect((await api("getRecording", { key: stranger.key, params: { id: recording.id } })).status).toBe(404);
    expect((await api("getInterview", { key: stranger.key, params: { id: answered.interviewId } })).status).toBe(404);
  });

  it("shows each answer's transcript: null without one, its text and segments once done, neither while it waits", async () => {
    const org = await makeOrg("API transcripts");
    const { key } = await makeApiKey(org, ["interviews:read"]);
    const answered = await makeAnsweredInterview(org, undefined, InterviewStatus.COMPLETED);
    const [first, second] = answered.answerIds as [string, string];
    const prisma = await db();
    const base = { interviewId: answered.interviewId, organizationId: org.organizationId, language: "en", nextAttemptAt: new Date() };
    const completedAt = new Date("2026-06-02T10:00:00.000Z");
    const segments = [{ startMs: 0, endMs: 1800, text: "I like hard bugs" }, { startMs: 2100, endMs: 3900, text: "because they teach me" }];

    expect((await api("getInterview", { key, params: { id: answered.interviewId } })).json.answers.map((a: { transcript: unknown }) => a.transcript)).toEqual([null, null]);

    await prisma.transcript.create({ data: { ...base, answerId: second, status: TranscriptStatus.DONE, engine: "offline", model: "en-us", text: "I like hard bugs because they teach me", segments, completedAt } });
    await prisma.transcript.create({ data: { ...base, answerId: first, status: TranscriptStatus.QUEUED, text: "" } });
    const detail = await api("getInterview", { key, params: { id: answered.interviewId } });
    expect(detail.status).toBe(200);
    expect(detail.json.answers[1].transcript).toEqual({
      status: "done",
      text: "I like hard bugs because they teach me",
      segments: [
        { start_ms: 0, end_ms: 1800, text: "I like hard bugs" },
        { start_ms: 2100, end_ms: 3900, text: "because they teach me" },
      ],
      engine: "offline",
      completed_at: completedAt.toISOString(),
    });
    expect(detail.json.answers[0].transcript).toEqual({ status: "queued", text: "", segments: [], engine: null, completed_at: null });
  });
});
