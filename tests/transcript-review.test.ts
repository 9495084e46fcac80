import { addDays } from "date-fns";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WebVTTParser } from "webvtt-parser";
import htmlEntities from "webvtt-parser/html-entities.json";
import type { Member } from "@/lib/accounts/auth";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { NotFoundError, StateError } from "@/lib/errors";
import { InterviewStatus, Role, TranscriptStatus } from "@/lib/generated/prisma/enums";
import { findReview } from "@/lib/interviews/review/find-review";
import { findSharedInterview } from "@/lib/interviews/share/find-shared";
import { createShareLink } from "@/lib/interviews/share/links";
import { resolveShareToken, type ShareAccess } from "@/lib/interviews/share/open";
import { retryTranscription } from "@/lib/interviews/transcripts/retry";
import { vttText, vttTimestamp, webvtt } from "@/lib/webvtt";
import { asOwner, makeAnsweredInterview, makeMember, makeOrg } from "./support/factories";

// The review side of transcripts (issue 17): captions per recorded part, the transcript on the
// review, and a failed one queued again. Transcript rows are written here as the pipeline would.

const signedIn = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/accounts/auth", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/accounts/auth")>()), currentMember: async () => signedIn.member }));
const { GET: memberCaptions } = await import("@/app/api/recordings/[id]/captions/route");
const { GET: shareCaptions } = await import("@/app/share/recordings/[id]/captions/route");

const AT = new Date("2035-05-02T10:00:00Z");
beforeEach(() => setClock(AT));
afterEach(() => {
  setClock(null);
  signedIn.member = null;
});

const as = (who: { userId: string; organizationId: string; role: Role }) => {
  signedIn.member = { id: who.userId, organizationId: who.organizationId, role: who.role } as Member;
};
/** The W3C's reference parser with HTML's entities (its built-in few decode "&amp;" as "&;"). */
const vttParser = () => new WebVTTParser(htmlEntities);
const captions = (id: string) => memberCaptions(new Request(`http://localhost/api/recordings/${id}/captions`), { params: Promise.resolve({ id }) });

const SEGMENTS = [
  { startMs: 0, endMs: 1500, text: "Hello & <b>welcome</b>" },
  { startMs: 1500, endMs: 4500, text: "across --> the\nreload" },
  { startMs: 4200, endMs: 6000, text: "then the second part" },
];

/** A completed interview whose second answer was recorded in two parts (4 s, then 3 s after a reload) and transcribed. */
async function transcribedInterview(status: TranscriptStatus = TranscriptStatus.DONE, name = "Transcripts") {
  const org = await makeOrg(name);
  const { interviewId, answerIds } = await makeAnsweredInterview(org, undefined, InterviewStatus.COMPLETED, addDays(AT, -1));
  const answerId = answerIds[1]!;
  const prisma = await db();
  const part = (segment: number, durationMs: number) =>
    prisma.recording.create({ data: { interviewId, answerId, take: 1, segment, status: "FINISHED", contentType: "audio/webm", startedAt: AT, durationMs }, select: { id: true } });
  const [first, second] = [await part(1, 4000), await part(2, 3000)];
  await prisma.transcript.create({
    data: {
      answerId,
      interviewId,
      organizationId: org.organizationId,
      status,
      attempts: status === TranscriptStatus.FAILED ? 5 : 1,
      nextAttemptAt: addDays(AT, 1),
      reason: status === TranscriptStatus.FAILED ? "The audio could not be decoded" : null,
      language: "en",
      engine: "offline",
      model: "en-us",
      text: SEGMENTS.map((s) => s.text).join(" "),
      segments: SEGMENTS,
      parts: [
        { recordingId: first.id, offsetMs: 0, durationMs: 4000 },
        { recordingId: second.id, offsetMs: 4000, durationMs: 3000 },
      ],
      completedAt: status === TranscriptStatus.DONE ? AT : null,
    },
  });
  return { org, interviewId, answerIds, answerId, first: first.id, second: second.id };
}

describe("WebVTT", () => {
  it("writes HH:MM:SS.mmm, escapes &, < and >, folds line breaks, and leaves out empty cues", () => {
    expect(vttTimestamp(0)).toBe("00:00:00.000");
    expect(vttTimestamp(3_723_004)).toBe("01:02:03.004");
    expect(vttTimestamp(100 * 3_600_000 + 999)).toBe("100:00:00.999");
    expect(vttText("a --> b <c> & d\n\ne")).toBe("a --&gt; b &lt;c&gt; &amp; d e");
    const file = webvtt([
      { startMs: 0, endMs: 1000, text: "one" },
      { startMs: 1000, endMs: 1000, text: "no length" },
      { startMs: 1000, endMs: 2000, text: "  \n " },
      { startMs: 2000, endMs: 3500, text: "two" },
    ]);
    expect(file).toBe("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\none\n\n00:00:02.000 --> 00:00:03.500\ntwo\n");
  });
});

describe("the captions route", () => {
  it("serves each part's segments in its own time, escaped, as the W3C parser reads them", async () => {
    const { org, first, second } = await transcribedInterview();
    as(asOwner(org));
    const response = await captions(first);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = await response.text();
    expect(body).toBe(
      "WEBVTT\n\n" +
        "00:00:00.000 --> 00:00:01.500\nHello &amp; &lt;b&gt;welcome&lt;/b&gt;\n\n" +
        // Clipped at the part's end: the rest is at the start of part 2.
        "00:00:01.500 --> 00:00:04.000\nacross --&gt; the reload\n",
    );
    const parsed = vttParser().parse(body);
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues.map((c) => [c.startTime, c.endTime])).toEqual([
      [0, 1.5],
      [1.5, 4],
    ]);
    // The text reaches the player as plain words: no tag, entities decoded.
    expect(parsed.cues[0]!.tree.children).toEqual([{ type: "text", value: "Hello & <b>welcome</b>" }]);

    const secondBody = await (await captions(second)).text();
    expect(secondBody).toBe("WEBVTT\n\n00:00:00.000 --> 00:00:00.500\nacross --&gt; the reload\n\n00:00:00.200 --> 00:00:02.000\nthen the second part\n");
    expect(vttParser().parse(secondBody).errors).toEqual([]);
  });

  it("is the media route's 404 for another organisation, a reviewer not assigned, the signed out, an unknown id, and an unfinished transcript", async () => {
    const { org, interviewId, first } = await transcribedInterview(TranscriptStatus.DONE, "Captions refusals");
    const other = await makeOrg("Elsewhere");
    const reviewer = await makeMember(org, Role.REVIEWER);
    const refused = async () => {
      const response = await captions(first);
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-type")).not.toContain("vtt");
    };
    await refused(); // signed out
    as(asOwner(other));
    await refused();
    as({ userId: reviewer.userId, organizationId: org.organizationId, role: Role.REVIEWER });
    await refused();
    // Asked to review it, the reviewer reads the captions as they play the recording.
    await (await db()).reviewRequest.create({ data: { organizationId: org.organizationId, interviewId, reviewerId: reviewer.userId } });
    expect((await captions(first)).status).toBe(200);

    as(asOwner(org));
    expect((await captions("cm0000000000000000000000a")).status).toBe(404);
    for (const status of [TranscriptStatus.QUEUED, TranscriptStatus.PROCESSING, TranscriptStatus.FAILED, TranscriptStatus.SKIPPED]) {
      await (await db()).transcript.update({ where: { answerId: (await transcriptOf(interviewId)).answerId }, data: { status } });
      await refused();
    }
  });

  it("is 404 for a recording without a transcript, or one the transcript does not cover", async () => {
    const { org, interviewId, answerIds, first } = await transcribedInterview(TranscriptStatus.DONE, "Captions uncovered");
    const prisma = await db();
    const untranscribed = await prisma.recording.create({ data: { interviewId, answerId: answerIds[0]!, take: 1, status: "FINISHED", contentType: "audio/webm", startedAt: AT }, select: { id: true } });
    as(asOwner(org));
    expect((await captions(untranscribed.id)).status).toBe(404);
    await prisma.transcript.update({ where: { answerId: answerIds[1]! }, data: { parts: [] } });
    expect((await captions(first)).status).toBe(404);
  });

  it("serves a share link's holder the captions of the answers the link shows, and nothing else", async () => {
    const { org, interviewId, answerIds, first } = await transcribedInterview(TranscriptStatus.DONE, "Captions shared");
    const get = async (answerId: string) => {
      const { url } = await createShareLink(asOwner(org), interviewId, { answerIds: [answerId], days: 14, blind: false });
      const token = new URL(url).searchParams.get("token")!;
      const view = (await findSharedInterview((await resolveShareToken(token, AT)) as ShareAccess))!;
      // The page puts a <track> on the parts the transcript covers, and on nothing else.
      expect(view.answers.flatMap((a) => a.recordings.map((r) => r.captions))).toEqual(answerId === answerIds[1] ? [true, true] : []);
      return shareCaptions(new Request(`http://localhost/share/recordings/${first}/captions`, { headers: { cookie: `kairos_share=${token}` } }), { params: Promise.resolve({ id: first }) });
    };
    const shown = await get(answerIds[1]!);
    expect(shown.status).toBe(200);
    expect(shown.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(shown.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await shown.text()).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:01\.500\n/);
    const hidden = await get(answerIds[0]!);
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get("cache-control")).toContain("no-store");
  });
});

const transcriptOf = async (interviewId: string) => (await db()).transcript.findFirstOrThrow({ where: { interviewId } });

describe("findReview", () => {
  it("carries each recorded answer's transcript, typed, to whoever may see the interview", async () => {
    const { org, interviewId, first, second } = await transcribedInterview(TranscriptStatus.DONE, "Review transcript");
    const review = (await findReview(asOwner(org), interviewId))!;
    expect(review.answers[0]!.transcript).toBeNull();
    expect(review.answers[1]!.transcript).toEqual({
      status: TranscriptStatus.DONE,
      reason: null,
      text: SEGMENTS.map((s) => s.text).join(" "),
      segments: SEGMENTS,
      parts: [
        { recordingId: first, offsetMs: 0, durationMs: 4000 },
        { recordingId: second, offsetMs: 4000, durationMs: 3000 },
      ],
      engine: "offline",
      completedAt: AT,
    });
    expect(await findReview(asOwner(await makeOrg("Not theirs")), interviewId)).toBeNull();
  });

  it("leaves out malformed segments and parts rather than trusting the JSON", async () => {
    const { org, interviewId, answerId } = await transcribedInterview(TranscriptStatus.DONE, "Review malformed");
    await (await db()).transcript.update({
      where: { answerId },
      data: { segments: [{ startMs: 2000, endMs: 2500, text: "later" }, { startMs: "0", endMs: 1, text: "x" }, null, { startMs: 0, endMs: 100, text: "first" }], parts: { not: "a list" } },
    });
    const transcript = (await findReview(asOwner(org), interviewId))!.answers[1]!.transcript!;
    expect(transcript.segments.map((s) => s.text)).toEqual(["first", "later"]);
    expect(transcript.parts).toEqual([]);
  });
});

describe("retryTranscription", () => {
  it("queues a failed transcript again, due now, its attempts and reason cleared", async () => {
    const { org, answerId, interviewId } = await transcribedInterview(TranscriptStatus.FAILED, "Retry");
    expect(await retryTranscription(asOwner(org), answerId)).toEqual({ interviewId });
    const row = await transcriptOf(interviewId);
    expect(row).toMatchObject({ status: TranscriptStatus.QUEUED, attempts: 0, nextAttemptAt: AT, reason: null, leaseUntil: null });
    // Queued now, it is no longer a failure to retry.
    await expect(retryTranscription(asOwner(org), answerId)).rejects.toBeInstanceOf(StateError);
  });

  it("refuses a transcript that has not failed, another organisation's answer, and an answer without one", async () => {
    for (const status of [TranscriptStatus.DONE, TranscriptStatus.SKIPPED, TranscriptStatus.PROCESSING]) {
      const { org, answerId, interviewId } = await transcribedInterview(status, `Retry ${status}`);
      await expect(retryTranscription(asOwner(org), answerId)).rejects.toBeInstanceOf(StateError);
      expect((await transcriptOf(interviewId)).status).toBe(status);
    }
    const { org, answerId, answerIds, interviewId } = await transcribedInterview(TranscriptStatus.FAILED, "Retry refused");
    await expect(retryTranscription(asOwner(await makeOrg("Intruder")), answerId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(retryTranscription(asOwner(org), answerIds[0]!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(retryTranscription(asOwner(org), "cm0000000000000000000000a")).rejects.toBeInstanceOf(NotFoundError);
    expect(await transcriptOf(interviewId)).toMatchObject({ status: TranscriptStatus.FAILED, attempts: 5 });
  });
});
