import { execFileSync } from "node:child_process";
import { createReadStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { addSeconds } from "date-fns";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { TranscriptStatus } from "@/lib/generated/prisma/enums";
import { SYSTEM } from "@/lib/interviews/audit";
import { startInterview, submitAnswer } from "@/lib/interviews/candidate/answering";
import { finishRecording, startRecording, storeChunk } from "@/lib/interviews/candidate/recordings";
import { purgeInterviewContent } from "@/lib/interviews/lifecycle/retention";
import { drainTranscriptions, MAX_ATTEMPTS } from "@/lib/interviews/transcripts/worker";
import { setStorage } from "@/lib/storage";
import { setTranscriptionEngine } from "@/lib/transcription";
import { offlineEngineConfig } from "@/lib/transcription/config";
import { decodeToWav } from "@/lib/transcription/decode";
import { createOfflineEngine } from "@/lib/transcription/offline";
import { createHttpEngine } from "@/lib/transcription/openai";
import { makeJob, makeSchedulingOrg, question } from "./support/factories";
import { answerRows, asCandidate, scheduleAt } from "./support/interviews";
import { festivalWav, speechWav, speechWebm, wordsHeard } from "./support/speech";
import { startTranscriberStandIn } from "./support/transcriber-stand-in";

// Real speech (flite), real decoding (ffmpeg), the real offline engine (pocketsphinx), real storage
// on disk and a real database. Tests share one database on PostgreSQL, and the transcriber takes
// whatever is due: these interviews happen in 1998, before any other test's, so at this clock only
// this file's transcripts are due.
const START = new Date("1998-03-02T09:00:00.000Z");
const s = (seconds: number) => addSeconds(START, seconds);
const OPUS = "audio/webm;codecs=opus";

let dir: string;
let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
let jobId: string;
let speech: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "kairos-transcription-"));
  process.env.STORAGE_DIR = path.join(dir, "storage");
  setStorage(null);
  setTranscriptionEngine(undefined);
  org = await makeSchedulingOrg("Transcripts");
  ({ id: jobId } = await makeJob(org.organizationId, [question("Tell us about yourself, out loud.", { answerType: "AUDIO", prepSeconds: 10, answerSeconds: 60 })]));
  speech = speechWebm(dir);
});
afterEach(() => {
  setClock(null);
  delete process.env.TRANSCRIPTION_ENGINE;
});
afterAll(() => {
  setStorage(null);
  rmSync(dir, { recursive: true, force: true });
});

/** A one-question audio interview whose candidate records `media` (in three uploads, as a browser does) and submits it. */
async function recordedAnswer(media: Uint8Array) {
  const { interviewId } = await scheduleAt(org, START, { jobId });
  await startInterview(await asCandidate(interviewId), true, START);
  const [answer] = await answerRows(interviewId);
  const { recordingId } = await startRecording(await asCandidate(interviewId), answer!.id, OPUS, s(2));
  const third = Math.ceil(media.byteLength / 3);
  for (let seq = 0; seq < 3; seq++) await storeChunk(await asCandidate(interviewId), recordingId, seq, media.slice(seq * third, (seq + 1) * third), OPUS, s(3 + seq));
  await finishRecording(await asCandidate(interviewId), recordingId, { chunks: 3, durationMs: 3000 }, s(8));
  await submitAnswer(await asCandidate(interviewId), answer!.id, "", s(9));
  return { interviewId, answerId: answer!.id, recordingId };
}

async function transcriptOf(answerId: string) {
  return (await db()).transcript.findUnique({ where: { answerId } });
}

describe("the offline engine", () => {
  it.each([
    ["flite", speechWav],
    ["festival", festivalWav],
  ])("hears %s say 'the quick brown fox jumps over the lazy dog': at least five of its words, in ordered segments within the clip", async (_voice, speak) => {
    const out = mkdtempSync(path.join(dir, "engine-"));
    const audio = await decodeToWav([async () => createReadStream(speak(out))], { dir: out, maxMs: 60_000 });
    expect(audio.durationMs).toBeGreaterThan(2000);
    const engine = createOfflineEngine(offlineEngineConfig());
    expect(await engine.unavailable()).toBeNull();
    const result = await engine.transcribe(audio, { language: "en" });
    expect(wordsHeard(result.text).length).toBeGreaterThanOrEqual(5);
    expect(result).toMatchObject({ engine: "offline", model: "cmusphinx-en-us" });
    expect(result.segments.length).toBeGreaterThan(0);
    let previousEnd = 0;
    for (const segment of result.segments) {
      expect(segment.startMs).toBeGreaterThanOrEqual(previousEnd);
      expect(segment.endMs).toBeGreaterThan(segment.startMs);
      expect(segment.endMs).toBeLessThanOrEqual(audio.durationMs);
      previousEnd = segment.endMs;
    }
    expect(result.segments.map((seg) => seg.text).join(" ")).toBe(result.text);
  });

  it("refuses a language its model does not speak, for good (the HTTP engine is the way)", async () => {
    const engine = createOfflineEngine(offlineEngineConfig());
    await expect(engine.transcribe({ wavPath: "/nonexistent.wav", durationMs: 1000 }, { language: "de" })).rejects.toMatchObject({ retryable: false });
  });
});

describe("the pipeline", () => {
  it("queues the transcript with the submitted answer, then transcribes the take's chunks end to end and records transcript.ready", async () => {
    const { interviewId, answerId, recordingId } = await recordedAnswer(speech);
    expect(await transcriptOf(answerId)).toMatchObject({ status: TranscriptStatus.QUEUED, attempts: 0, nextAttemptAt: s(9), language: "en", text: "" });

    setClock(s(10));
    expect(await drainTranscriptions({ budgetMs: 60_000 })).toMatchObject({ claimed: 1, done: 1, failed: 0 });
    const transcript = (await transcriptOf(answerId))!;
    expect(transcript).toMatchObject({ status: TranscriptStatus.DONE, engine: "offline", model: "cmusphinx-en-us", reason: null, completedAt: s(10), leaseUntil: null });
    expect(wordsHeard(transcript.text).length).toBeGreaterThanOrEqual(5);
    expect(transcript.audioMs).toBeGreaterThan(2000);
    expect(transcript.parts).toEqual([{ recordingId, offsetMs: 0, durationMs: transcript.audioMs }]);
    const segments = transcript.segments as Array<{ startMs: number; endMs: number; text: string }>;
    expect(segments.every((seg) => seg.endMs <= transcript.audioMs!)).toBe(true);

    const events = await (await db()).auditEvent.findMany({ where: { interviewId, type: "transcript.ready" } });
    expect(events.map((e) => e.data)).toEqual([{ answerId, number: 1, status: "done" }]);
    // Nothing is left due: a second round claims nothing.
    expect(await drainTranscriptions()).toMatchObject({ claimed: 0 });
  });

  it("an undecodable take fails at once with the reason (trying again would not help), and says so in the audit trail", async () => {
    const { interviewId, answerId } = await recordedAnswer(new Uint8Array(3000).fill(7));
    setClock(s(10));
    expect(await drainTranscriptions()).toMatchObject({ claimed: 1, failed: 1 });
    const transcript = (await transcriptOf(answerId))!;
    expect(transcript.status).toBe(TranscriptStatus.FAILED);
    expect(transcript.reason).toMatch(/could not be decoded/);
    const events = await (await db()).auditEvent.findMany({ where: { interviewId, type: "transcript.ready" } });
    expect(events.map((e) => e.data)).toEqual([{ answerId, number: 1, status: "failed" }]);
  });

  it("a transcript whose worker died is taken again once its lease runs out, not before", async () => {
    const { answerId } = await recordedAnswer(speech);
    const prisma = await db();
    await prisma.transcript.update({ where: { answerId }, data: { status: TranscriptStatus.PROCESSING, attempts: 1, leaseUntil: s(100) } });
    setClock(s(99));
    expect(await drainTranscriptions()).toMatchObject({ claimed: 0 });
    setClock(s(101));
    expect(await drainTranscriptions()).toMatchObject({ claimed: 1, done: 1 });
    expect(await transcriptOf(answerId)).toMatchObject({ status: TranscriptStatus.DONE, attempts: 2 });
  });

  it("is skipped, with the reason, when the organisation turned transcription off or the deployment has no engine", async () => {
    const prisma = await db();
    await prisma.organization.update({ where: { id: org.organizationId }, data: { transcriptionEnabled: false } });
    try {
      const off = await recordedAnswer(speech);
      expect(await transcriptOf(off.answerId)).toMatchObject({ status: TranscriptStatus.SKIPPED, reason: expect.stringMatching(/turned off for this organisation/) });
    } finally {
      await prisma.organization.update({ where: { id: org.organizationId }, data: { transcriptionEnabled: true } });
    }
    process.env.TRANSCRIPTION_ENGINE = "none";
    const none = await recordedAnswer(speech);
    expect(await transcriptOf(none.answerId)).toMatchObject({ status: TranscriptStatus.SKIPPED, reason: expect.stringMatching(/TRANSCRIPTION_ENGINE=none/) });
    setClock(s(10));
    expect(await drainTranscriptions()).toMatchObject({ claimed: 0 });
  });

  it("goes with the answers when their content is deleted (retention and the recruiter's 'delete now' both purge)", async () => {
    const { interviewId, answerId } = await recordedAnswer(speech);
    setClock(s(10));
    await drainTranscriptions();
    expect((await transcriptOf(answerId))?.status).toBe(TranscriptStatus.DONE);
    setClock(null);
    await purgeInterviewContent(interviewId, org.organizationId, { reason: "retention", actor: SYSTEM, at: s(3600) });
    expect(await (await db()).transcript.count({ where: { interviewId } })).toBe(0);
  });
});

describe("an answer without speech", () => {
  it("a take of a steady tone (what Chromium's fake microphone gives) is done, with no or almost no words: 'no speech', not an error", async () => {
    const tone = path.join(dir, "tone.webm");
    execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-c:a", "libopus", tone]);
    const { answerId } = await recordedAnswer(new Uint8Array(readFileSync(tone)));
    setClock(s(10));
    expect(await drainTranscriptions()).toMatchObject({ done: 1 });
    const transcript = (await transcriptOf(answerId))!;
    expect(transcript.status).toBe(TranscriptStatus.DONE);
    expect(transcript.text.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(2);
  });
});

describe("the OpenAI-compatible engine in the pipeline (a local stand-in of the API)", () => {
  const API_KEY = "sk-test-stand-in-key-0123456789";
  let standIn: Awaited<ReturnType<typeof startTranscriberStandIn>>;
  beforeAll(async () => {
    standIn = await startTranscriberStandIn({ apiKey: API_KEY });
  });
  afterAll(() => standIn.close());
  const useStandIn = (apiKey = API_KEY) => setTranscriptionEngine(createHttpEngine({ url: standIn.url, apiKey, model: "whisper-1", timeoutMs: 3000 }));
  afterEach(() => setTranscriptionEngine(undefined));

  it("429 (waiting as long as Retry-After says), 500, a timeout and malformed JSON each leave it queued for later; then it is done, nothing lost", async () => {
    useStandIn();
    const { answerId } = await recordedAnswer(speech);
    const prisma = await db();
    const row = () => prisma.transcript.findUniqueOrThrow({ where: { answerId } });
    let at = s(10);
    const attempt = async (behaviour: Parameters<typeof standIn.respondWith>[0][number], expected: "retried" | "done") => {
      if (behaviour) standIn.respondWith([behaviour]);
      setClock(at);
      expect(await drainTranscriptions()).toMatchObject({ claimed: 1, [expected]: 1 });
      return row();
    };

    const limited = await attempt({ status: 429, retryAfter: 600 }, "retried");
    expect(limited).toMatchObject({ status: TranscriptStatus.QUEUED, attempts: 1, leaseUntil: null, text: "" });
    expect(limited.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(addSeconds(at, 600).getTime());
    expect(limited.reason).toMatch(/429/);
    // Not before the service's own wait.
    setClock(addSeconds(at, 599));
    expect(await drainTranscriptions()).toMatchObject({ claimed: 0 });

    for (const behaviour of [{ status: 500 }, { hang: true as const }, { status: 200, raw: "not json{" }]) {
      at = (await row()).nextAttemptAt;
      const after = await attempt(behaviour, "retried");
      expect(after.status).toBe(TranscriptStatus.QUEUED);
      expect(after.nextAttemptAt.getTime()).toBeGreaterThan(at.getTime());
    }
    expect((await row()).attempts).toBe(4);

    at = (await row()).nextAttemptAt;
    const done = await attempt({ status: 200 }, "done");
    expect(done).toMatchObject({ status: TranscriptStatus.DONE, attempts: 5, engine: "openai", model: "whisper-1", text: "I led the migration to the new billing system.", reason: null });
    expect(done.segments).toEqual([
      { startMs: 0, endMs: 420, text: "I led the migration" },
      { startMs: 420, endMs: 960, text: "to the new billing system." },
    ]);
    // Each attempt sent the take, decoded: FLAC, with the model, verbose_json and the language.
    const sent = standIn.requests.slice(-5);
    expect(sent.map((r) => r.file?.firstBytes)).toEqual(Array(5).fill("fLaC"));
    expect(sent.at(-1)!.fields).toMatchObject({ model: ["whisper-1"], response_format: ["verbose_json"], language: ["en"] });
  });

  it("a refused key fails at once, saying which setting to check and never the key; a service that keeps failing is given up after the last attempt", async () => {
    const wrongKey = "sk-wrong-key-9876543210";
    useStandIn(wrongKey);
    const refused = await recordedAnswer(speech);
    setClock(s(10));
    // Everything the process logs while the service refuses the key (it quotes the key back, as OpenAI does).
    const logged: unknown[] = [];
    const spies = (["log", "info", "warn", "error"] as const).map((level) => vi.spyOn(console, level).mockImplementation((...args) => void logged.push(...args)));
    try {
      expect(await drainTranscriptions()).toMatchObject({ claimed: 1, failed: 1 });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const failed = (await transcriptOf(refused.answerId))!;
    expect(failed).toMatchObject({ status: TranscriptStatus.FAILED, attempts: 1 });
    expect(failed.reason).toMatch(/401/);
    // The key is nowhere: not in the row, the audit trail, or anything logged.
    const trail = await (await db()).auditEvent.findMany({ where: { interviewId: refused.interviewId } });
    expect(JSON.stringify({ failed, trail, logged })).not.toContain(wrongKey);
    expect(JSON.stringify({ failed, trail, logged })).not.toContain("Incorrect API key");

    useStandIn();
    const failing = await recordedAnswer(speech);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      standIn.respondWith([{ status: 503 }]);
      setClock((await transcriptOf(failing.answerId))!.nextAttemptAt);
      expect(await drainTranscriptions()).toMatchObject(attempt < MAX_ATTEMPTS ? { retried: 1 } : { failed: 1 });
    }
    expect(await transcriptOf(failing.answerId)).toMatchObject({ status: TranscriptStatus.FAILED, attempts: MAX_ATTEMPTS, reason: expect.stringMatching(/503/) });
    const events = await (await db()).auditEvent.findMany({ where: { interviewId: failing.interviewId, type: "transcript.ready" } });
    expect(events.map((e) => e.data)).toEqual([{ answerId: failing.answerId, number: 1, status: "failed" }]);
  });
});
