import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { addSeconds } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { RecordingStatus, Role } from "@/lib/generated/prisma/enums";
import { startInterview } from "@/lib/interviews/candidate/answering";
import { mediaResponse, parseRange } from "@/lib/http/media-response";
import { UPLOAD_GRACE_SECONDS } from "@/lib/interviews/model/progress";
import { CHUNK_MAX_BYTES, maxTakeBytes } from "@/lib/interviews/model/recording-rules";
import { finishRecording, RecordingError, startRecording, storeChunk } from "@/lib/interviews/candidate/recordings";
import { findRecordingForCandidate, findRecordingForMember } from "@/lib/interviews/media";

import { setStorage } from "@/lib/storage";
import { makeJob, makeMember, makeOrg, makeSchedulingOrg, question } from "./support/factories";
import { answerRows, scheduleAt, asCandidate } from "./support/interviews";

/** An organisation's owner, as the review player's route sees them. */
const ownerOf = (o: { organizationId: string; ownerId: string }) => ({ userId: o.ownerId, organizationId: o.organizationId, role: Role.OWNER });

// Far in the future, like tests/candidate.test.ts: no sweep on a shared database reaches them.
const START = new Date("2032-05-05T09:00:00.000Z");
const s = (seconds: number) => addSeconds(START, seconds);
const WEBM = "video/webm;codecs=vp8,opus";

let uploads: string;
let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
let jobId: string;

beforeAll(async () => {
  uploads = mkdtempSync(path.join(tmpdir(), "kairos-recordings-"));
  process.env.STORAGE_DIR = uploads;
  setStorage(null);
  org = await makeSchedulingOrg("Recordings");
  ({ id: jobId } = await makeJob(org.organizationId, [
    question("Introduce yourself on camera.", { answerType: "VIDEO", prepSeconds: 20, answerSeconds: 60, retakes: 1 }),
    question("Say it out loud.", { answerType: "AUDIO", prepSeconds: 10, answerSeconds: 30, retakes: 0 }),
    question("Write it down.", { answerType: "TEXT", prepSeconds: 10, answerSeconds: 60 }),
  ]));
});
afterAll(() => {
  setStorage(null);
  rmSync(uploads, { recursive: true, force: true });
});

/** An interview started at START, its first (video) question shown then. */
async function started() {
  const { interviewId } = await scheduleAt(org, START, { jobId });
  await startInterview(await asCandidate(interviewId), true, START);
  const [video, audio, text] = (await answerRows(interviewId)).map((a) => a.id) as [string, string, string];
  return { interviewId, video, audio, text };
}

const bytes = (length: number, fill: number) => new Uint8Array(length).fill(fill);
/** Files stored for one recording (chunk objects on the local disk). */
const storedFiles = (interviewId: string, recordingId: string) => {
  try {
    return readdirSync(path.join(uploads, "recordings", interviewId, recordingId)).sort();
  } catch {
    return [];
  }
};

async function expectRefused(promise: Promise<unknown>, code: RecordingError["code"]) {
  const error = await promise.then(
    (value) => expect.fail(`expected ${code}, got ${JSON.stringify(value)}`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RecordingError);
  expect((error as RecordingError).code).toBe(code);
}

async function body(response: Response) {
  return new Uint8Array(await response.arrayBuffer());
}

describe("a take", () => {
  it("starts during preparation (which ends then), uploads in chunks, finishes, and plays back whole and by range", async () => {
    const { interviewId, video } = await started();
    const take = await startRecording(await asCandidate(interviewId), video, WEBM, s(5));
    expect(take).toMatchObject({ take: 1, segment: 1, takesAllowed: 2 });
    // Answering started at 5 s instead of 20 s: the 60 s answer time runs from there.
    expect(take.deadline).toEqual(s(65));
    expect((await answerRows(interviewId))[0]!.answerStartedAt).toEqual(s(5));

    await storeChunk(await asCandidate(interviewId), take.recordingId, 0, bytes(4, 1), WEBM, s(6));
    await storeChunk(await asCandidate(interviewId), take.recordingId, 2, bytes(3, 3), WEBM, s(8)); // out of order is fine
    expect(await finishRecording(await asCandidate(interviewId), take.recordingId, { chunks: 3 }, s(9))).toEqual({ finished: false, missing: [1] });
    await storeChunk(await asCandidate(interviewId), take.recordingId, 1, bytes(5, 2), WEBM, s(9));
    expect(await finishRecording(await asCandidate(interviewId), take.recordingId, { chunks: 3 }, s(10))).toEqual({ finished: true, missing: [] });
    expect(await finishRecording(await asCandidate(interviewId), take.recordingId, { chunks: 3 }, s(11))).toEqual({ finished: true, missing: [] });

    const recording = (await findRecordingForMember(ownerOf(org), take.recordingId))!;
    const whole = await mediaResponse(new Request("http://x/"), recording);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("video/webm");
    expect(whole.headers.get("content-length")).toBe("12");
    expect([...(await body(whole))]).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3]);

    // Across a chunk boundary, a suffix, and past the end.
    const across = await mediaResponse(new Request("http://x/", { headers: { range: "bytes=3-9" } }), recording);
    expect(across.status).toBe(206);
    expect(across.headers.get("content-range")).toBe("bytes 3-9/12");
    expect([...(await body(across))]).toEqual([1, 2, 2, 2, 2, 2, 3]);
    const suffix = await mediaResponse(new Request("http://x/", { headers: { range: "bytes=-2" } }), recording);
    expect([...(await body(suffix))]).toEqual([3, 3]);
    const beyond = await mediaResponse(new Request("http://x/", { headers: { range: "bytes=12-" } }), recording);
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe("bytes */12");
  });

  it("a retried chunk is acknowledged, not stored again: stored once, counted once", async () => {
    const { interviewId, video } = await started();
    const { recordingId } = await startRecording(await asCandidate(interviewId), video, WEBM, s(1));
    await storeChunk(await asCandidate(interviewId), recordingId, 0, bytes(10, 7), WEBM, s(2));
    await storeChunk(await asCandidate(interviewId), recordingId, 0, bytes(10, 7), WEBM, s(3));
    const prisma = await db();
    expect(await prisma.recording.findUniqueOrThrow({ where: { id: recordingId }, select: { sizeBytes: true, chunkCount: true } })).toEqual({ sizeBytes: 10, chunkCount: 1 });
    expect(storedFiles(interviewId, recordingId)).toEqual(["00000"]);
  });
});

describe("a take's length", () => {
  it("is kept as the page measured it, bounded by how long the take was open and by the answer time, and set once", async () => {
    const prisma = await db();
    const length = async (id: string) => (await prisma.recording.findUniqueOrThrow({ where: { id }, select: { durationMs: true } })).durationMs;

    const a = await started();
    const first = await startRecording(await asCandidate(a.interviewId), a.video, WEBM, s(5));
    await storeChunk(await asCandidate(a.interviewId), first.recordingId, 0, bytes(4, 1), WEBM, s(6));
    await finishRecording(await asCandidate(a.interviewId), first.recordingId, { chunks: 1, durationMs: 12_345.6 }, s(20));
    expect(await length(first.recordingId)).toBe(12_346);
    // Finishing again (a retry) does not change it.
    await finishRecording(await asCandidate(a.interviewId), first.recordingId, { chunks: 1, durationMs: 9_000 }, s(21));
    expect(await length(first.recordingId)).toBe(12_346);

    // Longer than the take was open on the server: the server's span.
    const b = await started();
    const open = await startRecording(await asCandidate(b.interviewId), b.video, WEBM, s(5));
    await storeChunk(await asCandidate(b.interviewId), open.recordingId, 0, bytes(4, 1), WEBM, s(6));
    await finishRecording(await asCandidate(b.interviewId), open.recordingId, { chunks: 1, durationMs: 600_000 }, s(35));
    expect(await length(open.recordingId)).toBe(30_000);

    // Longer than the question's answer time (60 s): the answer time, and a moment for the recorder to stop.
    const c = await started();
    const long = await startRecording(await asCandidate(c.interviewId), c.video, WEBM, s(5));
    await storeChunk(await asCandidate(c.interviewId), long.recordingId, 0, bytes(4, 1), WEBM, s(6));
    await finishRecording(await asCandidate(c.interviewId), long.recordingId, { chunks: 1, durationMs: 600_000 }, s(110));
    expect(await length(long.recordingId)).toBe(62_000);

    // None reported (an older page): none stored, and the media is played as stored.
    const d = await started();
    const none = await startRecording(await asCandidate(d.interviewId), d.video, WEBM, s(5));
    await storeChunk(await asCandidate(d.interviewId), none.recordingId, 0, bytes(4, 1), WEBM, s(6));
    await finishRecording(await asCandidate(d.interviewId), none.recordingId, { chunks: 1 }, s(9));
    expect(await length(none.recordingId)).toBeNull();
  });

  it("reaches the player inside a live WebM: the head is patched as it is streamed, whole and by range", async () => {
    const file = path.join(uploads, "live.webm");
    execFileSync("ffmpeg", [
      ...["-y", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-f", "lavfi", "-i", "sine=sample_rate=48000", "-t", "4"],
      ...["-c:v", "libvpx", "-deadline", "realtime", "-c:a", "libopus", "-live", "1", "-f", "webm", file],
    ]);
    const webm = new Uint8Array(readFileSync(file));
    const { interviewId, video } = await started();
    const { recordingId } = await startRecording(await asCandidate(interviewId), video, WEBM, s(1));
    // Chunks cut anywhere, the first shorter than the header read, as MediaRecorder's may be.
    const cuts = [0, 200, 9000, webm.length];
    for (let seq = 0; seq < cuts.length - 1; seq++) await storeChunk(await asCandidate(interviewId), recordingId, seq, webm.subarray(cuts[seq], cuts[seq + 1]), WEBM, s(2));
    await finishRecording(await asCandidate(interviewId), recordingId, { chunks: 3, durationMs: 4_000 }, s(10));

    const recording = (await findRecordingForCandidate(interviewId, recordingId))!;
    const whole = await body(await mediaResponse(new Request("http://x/"), recording));
    expect(whole.length).toBe(webm.length + 11);
    writeFileSync(path.join(uploads, "played.webm"), whole);
    const seconds = execFileSync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path.join(uploads, "played.webm")]).toString().trim();
    expect(Number(seconds)).toBeCloseTo(4, 3);
    // Any range is the same bytes as the whole: across the patched head, and after it.
    for (const [from, to] of [[0, 99], [150, 250], [5000, 5099], [whole.length - 10, whole.length - 1]] as const) {
      const part = await mediaResponse(new Request("http://x/", { headers: { range: `bytes=${from}-${to}` } }), recording);
      expect(part.headers.get("content-range")).toBe(`bytes ${from}-${to}/${whole.length}`);
      expect(Buffer.from(await body(part)).equals(Buffer.from(whole.subarray(from, to + 1)))).toBe(true);
    }
  });
});

describe("a stored chunk is never replaced", () => {
  /** The bytes a recruiter's player gets for a recording. */
  async function media(recordingId: string) {
    const recording = (await findRecordingForMember(ownerOf(org), recordingId))!;
    return [...(await body(await mediaResponse(new Request("http://x/"), recording)))];
  }

  it("another body for a stored chunk is refused while the answer is open, and the media stays as it was", async () => {
    const { interviewId, video } = await started();
    const { recordingId } = await startRecording(await asCandidate(interviewId), video, WEBM, s(1));
    await storeChunk(await asCandidate(interviewId), recordingId, 0, bytes(4, 1), WEBM, s(2));
    await expectRefused(storeChunk(await asCandidate(interviewId), recordingId, 0, bytes(6, 9), WEBM, s(3)), "closed");
    // Same size, other bytes: acknowledged as the retry it looks like, and still not written.
    await storeChunk(await asCandidate(interviewId), recordingId, 0, bytes(4, 9), WEBM, s(4));
    expect(await media(recordingId)).toEqual([1, 1, 1, 1]);
  });

  it("once the answer is submitted, neither a new chunk nor a replacement of chunk 0 is taken, and the media is what was submitted", async () => {
    const { interviewId, video } = await started();
    const { recordingId } = await startRecording(await asCandidate(interviewId), video, WEBM, s(1));
    await storeChunk(await asCandidate(interviewId), recordingId, 0, bytes(4, 1), WEBM, s(2));
    await storeChunk(await asCandidate(interviewId), recordingId, 1, bytes(3, 2), WEBM, s(3));
    const { submitAnswer } = await import("@/lib/interviews/candidate/answering");
    expect(await submitAnswer(await asCandidate(interviewId), video, "", s(10))).toEqual({ done: false });
    const submitted = await media(recordingId);

    await expectRefused(storeChunk(await asCandidate(interviewId), recordingId, 2, bytes(5, 7), WEBM, s(11)), "closed");
    await expectRefused(storeChunk(await asCandidate(interviewId), recordingId, 0, bytes(4, 7), WEBM, s(12)), "closed");
    expect(await media(recordingId)).toEqual(submitted);
    expect(submitted).toEqual([1, 1, 1, 1, 2, 2, 2]);
    expect(storedFiles(interviewId, recordingId)).toEqual(["00000", "00001"]);
    const prisma = await db();
    expect(await prisma.recording.findUniqueOrThrow({ where: { id: recordingId }, select: { status: true } })).toEqual({ status: RecordingStatus.FINISHED });
  });

  it("an answer the clock timed out closes its recording too", async () => {
    const { interviewId, video } = await started();
    const { recordingId, deadline } = await startRecording(await asCandidate(interviewId), video, WEBM, s(20));
    await storeChunk(await asCandidate(interviewId), recordingId, 0, bytes(4, 1), WEBM, s(21));
    await expectRefused(storeChunk(await asCandidate(interviewId), recordingId, 1, bytes(4, 2), WEBM, addSeconds(deadline, UPLOAD_GRACE_SECONDS + 1)), "closed");
    const prisma = await db();
    expect(await prisma.recording.findUniqueOrThrow({ where: { id: recordingId }, select: { status: true } })).toEqual({ status: RecordingStatus.FINISHED });
    expect(await media(recordingId)).toEqual([1, 1, 1, 1]);
  });
});

describe("refused uploads store nothing", () => {
  it("a start with a content type the question does not take", async () => {
    const { interviewId, video, audio } = await started();
    await expectRefused(startRecording(await asCandidate(interviewId), video, "text/html", s(1)), "wrong_type");
    await expectRefused(startRecording(await asCandidate(interviewId), video, "audio/webm", s(1)), "wrong_type");
    await expectRefused(startRecording(await asCandidate(interviewId), audio, "audio/webm", s(1)), "not_current");
    const prisma = await db();
    expect(await prisma.recording.count({ where: { interviewId } })).toBe(0);
  });

  it("a chunk of another type, an empty one, an oversize one", async () => {
    const { interviewId, video } = await started();
    const { recordingId } = await startRecording(await asCandidate(interviewId), video, WEBM, s(1));
    await expectRefused(storeChunk(await asCandidate(interviewId), recordingId, 0, bytes(10, 1), "text/html", s(2)), "wrong_type");
    await expectRefused(storeChunk(await asCandidate(interviewId), recordingId, 0, bytes(0, 1), WEBM, s(2)), "empty");
    await expectRefused(storeChunk(await asCandidate(interviewId), recordingId, 0, bytes(CHUNK_MAX_BYTES + 1, 1), WEBM, s(2)), "too_large");
    expect(storedFiles(interviewId, recordingId)).toEqual([]);
    const prisma = await db();
    expect(await prisma.recordingChunk.count({ where: { recordingId } })).toBe(0);
  });

  it("a take larger than its answer time allows, summed over its chunks", async () => {
    const { interviewId, video, audio } = await started();
    // Move to the audio question: 30 s of answer → (30 + 60) s × 64 kB/s = 5.76 MB for the take.
    const first = await startRecording(await asCandidate(interviewId), video, WEBM, s(1));
    await finishRecording(await asCandidate(interviewId), first.recordingId, { chunks: 0 }, s(2));
    const { submitAnswer } = await import("@/lib/interviews/candidate/answering");
    await submitAnswer(await asCandidate(interviewId), video, "", s(3));
    const { recordingId } = await startRecording(await asCandidate(interviewId), audio, "audio/webm;codecs=opus", s(4));
    const limit = maxTakeBytes({ answerType: "AUDIO", answerSeconds: 30 });
    expect(limit).toBe(5_760_000);
    await storeChunk(await asCandidate(interviewId), recordingId, 0, bytes(3_000_000, 1), "audio/webm", s(5));
    await expectRefused(storeChunk(await asCandidate(interviewId), recordingId, 1, bytes(3_000_000, 2), "audio/webm", s(6)), "too_large");
    expect(storedFiles(interviewId, recordingId)).toEqual(["00000"]);
  });

  it("a chunk for another interview's recording is 'not found', and nothing of it is stored", async () => {
    const mine = await started();
    const theirs = await started();
    const { recordingId } = await startRecording(await asCandidate(theirs.interviewId), theirs.video, WEBM, s(1));
    await expectRefused(storeChunk(await asCandidate(mine.interviewId), recordingId, 0, bytes(10, 1), WEBM, s(2)), "not_found");
    await expectRefused(finishRecording(await asCandidate(mine.interviewId), recordingId, { chunks: 0 }, s(2)), "not_found");
    expect(storedFiles(mine.interviewId, recordingId)).toEqual([]);
    expect(storedFiles(theirs.interviewId, recordingId)).toEqual([]);
    expect(await findRecordingForCandidate(mine.interviewId, recordingId)).toBeNull();
  });

  it("the recruiter of another organisation cannot play it, nor a reviewer until asked to review it", async () => {
    const { interviewId, video } = await started();
    const { recordingId } = await startRecording(await asCandidate(interviewId), video, WEBM, s(1));
    const other = await makeOrg("Elsewhere");
    expect(await findRecordingForMember(ownerOf(other), recordingId)).toBeNull();
    expect(await findRecordingForMember(ownerOf(org), recordingId)).not.toBeNull();
    const reviewer = await makeMember(org, Role.REVIEWER);
    const asReviewer = { userId: reviewer.userId, organizationId: org.organizationId, role: Role.REVIEWER };
    expect(await findRecordingForMember(asReviewer, recordingId)).toBeNull();
    await (await db()).reviewRequest.create({ data: { organizationId: org.organizationId, interviewId, reviewerId: reviewer.userId } });
    expect(await findRecordingForMember(asReviewer, recordingId)).not.toBeNull();
  });

  it.each([
    ["a second before the upload grace ends", UPLOAD_GRACE_SECONDS - 1, true],
    ["at the end of the upload grace", UPLOAD_GRACE_SECONDS, true],
    ["a second after it", UPLOAD_GRACE_SECONDS + 1, false],
  ])("chunks recorded before the deadline may arrive late: %s", async (_, afterDeadline, accepted) => {
    const { interviewId, video } = await started();
    const { recordingId, deadline } = await startRecording(await asCandidate(interviewId), video, WEBM, s(20));
    expect(deadline).toEqual(s(80));
    const upload = storeChunk(await asCandidate(interviewId), recordingId, 0, bytes(10, 1), WEBM, addSeconds(deadline, afterDeadline));
    if (accepted) await upload;
    // The clock has closed the answer (and with it the recording) by then.
    else await expectRefused(upload, "closed");
    expect(storedFiles(interviewId, recordingId)).toEqual(accepted ? ["00000"] : []);
  });
});

describe("retakes and interruptions", () => {
  it("a retake discards the previous take (media deleted) and restarts the answer time, while retakes remain", async () => {
    const { interviewId, video } = await started();
    const first = await startRecording(await asCandidate(interviewId), video, WEBM, s(20));
    await storeChunk(await asCandidate(interviewId), first.recordingId, 0, bytes(10, 1), WEBM, s(21));
    await finishRecording(await asCandidate(interviewId), first.recordingId, { chunks: 1 }, s(30));
    expect(storedFiles(interviewId, first.recordingId)).toEqual(["00000"]);

    const retake = await startRecording(await asCandidate(interviewId), video, WEBM, s(40));
    expect(retake).toMatchObject({ take: 2, segment: 1 });
    expect(retake.deadline).toEqual(s(100)); // a full 60 s again
    const prisma = await db();
    expect(await prisma.recording.findUniqueOrThrow({ where: { id: first.recordingId }, select: { status: true } })).toEqual({ status: RecordingStatus.DISCARDED });
    expect(storedFiles(interviewId, first.recordingId)).toEqual([]);
    expect(await findRecordingForMember(ownerOf(org), first.recordingId)).toBeNull();

    await finishRecording(await asCandidate(interviewId), retake.recordingId, { chunks: 0 }, s(50));
    await expectRefused(startRecording(await asCandidate(interviewId), video, WEBM, s(55)), "no_retakes");
  });

  it("a reload mid-recording continues the same take in a new segment, against the same deadline", async () => {
    const { interviewId, video } = await started();
    const first = await startRecording(await asCandidate(interviewId), video, WEBM, s(20));
    await storeChunk(await asCandidate(interviewId), first.recordingId, 0, bytes(10, 1), WEBM, s(21));
    const resumed = await startRecording(await asCandidate(interviewId), video, WEBM, s(40));
    expect(resumed).toMatchObject({ take: 1, segment: 2 });
    expect(resumed.deadline).toEqual(first.deadline);
    const prisma = await db();
    const segments = await prisma.recording.findMany({ where: { answerId: video }, orderBy: { segment: "asc" }, select: { status: true, sizeBytes: true } });
    expect(segments).toEqual([
      { status: RecordingStatus.FINISHED, sizeBytes: 10 },
      { status: RecordingStatus.RECORDING, sizeBytes: 0 },
    ]);
    // The interrupted segment keeps what reached us; it no longer takes chunks.
    await expectRefused(storeChunk(await asCandidate(interviewId), first.recordingId, 1, bytes(10, 1), WEBM, s(41)), "closed");
  });

  it("a written question takes no recording; a question whose time is up takes none either", async () => {
    const { interviewId, video } = await started();
    await expectRefused(startRecording(await asCandidate(interviewId), video, WEBM, s(20 + 60 + 6)), "time_up");
  });
});

describe("accommodations are part of the snapshot", () => {
  it("extra time lengthens preparation and answer; extra retakes apply to recorded questions only", async () => {
    const { interviewId } = await scheduleAt(org, START, { jobId });
    const prisma = await db();
    await prisma.interview.update({ where: { id: interviewId }, data: { extraTimePercent: 50, extraRetakes: 2 } });
    await startInterview(await asCandidate(interviewId), true, START);
    const rows = await answerRows(interviewId);
    expect(rows.map((a) => [a.answerType, a.prepSeconds, a.answerSeconds, a.retakes])).toEqual([
      ["VIDEO", 30, 90, 3],
      ["AUDIO", 15, 45, 2],
      ["TEXT", 15, 90, 0],
    ]);
    const take = await startRecording(await asCandidate(interviewId), rows[0]!.id, WEBM, s(30));
    expect(take.deadline).toEqual(s(120));
    expect(take.takesAllowed).toBe(4);
  });
});

describe("parseRange", () => {
  it.each([
    [null, null],
    ["bytes=0-0", { start: 0, end: 0 }],
    ["bytes=5-", { start: 5, end: 9 }],
    ["bytes=5-100", { start: 5, end: 9 }],
    ["bytes=-3", { start: 7, end: 9 }],
    ["bytes=10-", "unsatisfiable"],
    ["bytes=4-2", "unsatisfiable"],
    ["bytes=0-1,3-4", null],
    ["items=0-1", null],
  ])("%s of 10 bytes → %j", (header, expected) => {
    expect(parseRange(header, 10)).toEqual(expected);
  });
});
