import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { InterviewStatus, Role, TranscriptStatus } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/interviews/recruiter/manager";
import { visibleInterviews } from "@/lib/interviews/recruiter/visibility";
import { MARK_START, MARK_STOP, searchAnswers, splitMarks } from "@/lib/interviews/review/search";
import { asOwner, makeAnsweredInterview, makeMember, makeOrg } from "./support/factories";

type Org = Awaited<ReturnType<typeof makeOrg>>;

/** A completed interview of `org` with one written answer per text. */
async function written(org: Org, texts: string[], status: InterviewStatus = InterviewStatus.COMPLETED, startedAt?: Date) {
  return makeAnsweredInterview(
    org,
    texts.map((text, n) => ({ presented: n * 100, answerStarted: n * 100 + 10, submitted: n * 100 + 90, text, prompt: `Prompt ${n + 1}` })),
    status,
    startedAt,
  );
}

/** A completed interview whose one answer was recorded, with a transcript in `status` made of `segments`. */
async function transcribed(org: Org, segments: Array<{ startMs: number; endMs: number; text: string }>, status: TranscriptStatus = TranscriptStatus.DONE) {
  const prisma = await db();
  const interview = await makeAnsweredInterview(org, [{ presented: 0, answerStarted: 10, submitted: 130, prompt: "Walk us through a launch." }]);
  const answerId = interview.answerIds[0]!;
  await prisma.interviewAnswer.update({ where: { id: answerId }, data: { answerType: "VIDEO" } });
  await prisma.transcript.create({
    data: {
      answerId,
      interviewId: interview.interviewId,
      organizationId: org.organizationId,
      status,
      nextAttemptAt: new Date(),
      language: "en",
      text: segments.map((s) => s.text).join(" "),
      segments,
      completedAt: status === TranscriptStatus.DONE ? new Date() : null,
    },
  });
  return { ...interview, answerId };
}

const text = (snippet: Array<{ text: string; mark: boolean }>) => snippet.map((p) => p.text).join("");
const marked = (snippet: Array<{ text: string; mark: boolean }>) => snippet.filter((p) => p.mark).map((p) => p.text.toLowerCase());

describe("searchAnswers", () => {
  it("ranks an answer with both words, twice, above one with one; finds stems; highlights the words", async () => {
    const org = await makeOrg("Search ranking");
    const both = await written(org, ["We deployed the pipeline, then deployed the pipeline again after the review."]);
    const once = await written(org, ["The pipeline was deployed on Friday."]);
    const neither = await written(org, ["I prefer cooking to gardening."]);
    const viewer = asOwner(org);

    const result = await searchAnswers(viewer, { q: "deploying pipelines" });
    expect(result.hits.map((h) => h.interviewId)).toEqual([both.interviewId, once.interviewId]);
    expect(result.total).toBe(2);
    expect(result.hits[0]!.rank).toBeGreaterThan(result.hits[1]!.rank);
    const hit = result.hits[0]!;
    expect(hit).toMatchObject({ kind: "written", answerId: both.answerIds[0], questionNumber: 1, prompt: "Prompt 1", seconds: null, interviewStatus: "COMPLETED", jobTitle: "Backend Engineer" });
    expect(hit.candidateName).toBe("Ada Lovelace");
    expect(hit.submittedAt).toBeInstanceOf(Date);
    expect(marked(hit.snippet)).toEqual(expect.arrayContaining(["deployed", "pipeline"]));
    expect(text(hit.snippet)).toContain("deployed the pipeline");
    expect(text(hit.snippet)).not.toMatch(/[\uE000\uE001]/);

    expect((await searchAnswers(viewer, { q: "gardening" })).hits.map((h) => h.interviewId)).toEqual([neither.interviewId]);
    expect((await searchAnswers(viewer, { q: "pipeline -friday" })).hits.map((h) => h.interviewId)).toEqual([both.interviewId]);
    expect((await searchAnswers(viewer, { q: '"deployed on friday"' })).hits.map((h) => h.interviewId)).toEqual([once.interviewId]);
  });

  it("pages through the matches in a stable order with the total", async () => {
    const org = await makeOrg("Search pages");
    for (let n = 0; n < 5; n++) await written(org, [`Kubernetes answer number ${n}.`]);
    const viewer = asOwner(org);
    const first = await searchAnswers(viewer, { q: "kubernetes", limit: 2, page: 1 });
    const second = await searchAnswers(viewer, { q: "kubernetes", limit: 2, page: 2 });
    const third = await searchAnswers(viewer, { q: "kubernetes", limit: 2, page: 3 });
    expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
    expect([first.hasNext, second.hasNext, third.hasNext]).toEqual([true, true, false]);
    const all = [...first.hits, ...second.hits, ...third.hits].map((h) => h.answerId);
    expect(new Set(all).size).toBe(5);
  });

  it("finds a DONE transcript at its first matching segment's start, and no other transcript", async () => {
    const org = await makeOrg("Search transcripts");
    const done = await transcribed(org, [
      { startMs: 0, endMs: 5200, text: "Thanks for having me." },
      { startMs: 5200, endMs: 12300, text: "Last spring we migrated the billing service." },
      { startMs: 12345, endMs: 20000, text: "The migration of billing took six weeks." },
    ]);
    await transcribed(org, [{ startMs: 0, endMs: 4000, text: "We migrated billing overnight." }], TranscriptStatus.PROCESSING);
    await transcribed(org, [{ startMs: 0, endMs: 4000, text: "We migrated billing in a week." }], TranscriptStatus.FAILED);
    const viewer = asOwner(org);

    const result = await searchAnswers(viewer, { q: "migrating billing" });
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0]).toMatchObject({ kind: "transcript", answerId: done.answerId, interviewId: done.interviewId, seconds: 5.2, prompt: "Walk us through a launch." });
    expect(marked(result.hits[0]!.snippet)).toEqual(expect.arrayContaining(["migrated", "billing"]));
    expect((await searchAnswers(viewer, { q: "six weeks" })).hits[0]!.seconds).toBe(12.3);
    // Words in different segments: the first segment with any of them.
    expect((await searchAnswers(viewer, { q: "thanks weeks" })).hits[0]!.seconds).toBe(0);
  });

  it("never shows another organisation's answers or transcripts", async () => {
    const mine = await makeOrg("Search tenant A");
    const theirs = await makeOrg("Search tenant B");
    const own = await written(mine, ["Our observability stack used tracing everywhere."]);
    await written(theirs, ["Observability and tracing were my focus."]);
    await transcribed(theirs, [{ startMs: 0, endMs: 3000, text: "Tracing and observability, mostly." }]);
    const result = await searchAnswers(asOwner(mine), { q: "observability tracing" });
    expect(result.hits.map((h) => h.interviewId)).toEqual([own.interviewId]);
    expect(result.total).toBe(1);
  });

  it("shows a reviewer exactly the interviews visibleInterviews allows them; a recruiter all", async () => {
    const prisma = await db();
    const org = await makeOrg("Search roles");
    const reviewer = await makeMember(org, Role.REVIEWER);
    const recruiter = await makeMember(org, Role.RECRUITER);
    const asked = await written(org, ["Refactoring legacy code is my passion."], InterviewStatus.IN_PROGRESS);
    const team = await written(org, ["Refactoring the legacy monolith took a year."]);
    const teamOpen = await written(org, ["Refactoring legacy systems carefully."], InterviewStatus.IN_PROGRESS);
    const other = await written(org, ["Legacy refactoring is risky."]);
    await prisma.reviewRequest.create({ data: { organizationId: org.organizationId, interviewId: asked.interviewId, reviewerId: reviewer.userId } });
    // The job of `team` and `teamOpen` has the reviewer on its hiring team: only the completed one counts.
    await prisma.interview.update({ where: { id: teamOpen.interviewId }, data: { jobId: team.job.id } });
    await prisma.jobReviewer.create({ data: { jobId: team.job.id, userId: reviewer.userId, organizationId: org.organizationId } });

    const asReviewer: Viewer = { userId: reviewer.userId, organizationId: org.organizationId, role: Role.REVIEWER };
    const asRecruiter: Viewer = { userId: recruiter.userId, organizationId: org.organizationId, role: Role.RECRUITER };
    const found = async (viewer: Viewer) => (await searchAnswers(viewer, { q: "refactoring legacy" })).hits.map((h) => h.interviewId).sort();
    const allowed = async (viewer: Viewer) =>
      (await prisma.interview.findMany({ where: { AND: [visibleInterviews(viewer), { answers: { some: {} } }] }, select: { id: true } })).map((i) => i.id).sort();

    expect(await found(asReviewer)).toEqual([asked.interviewId, team.interviewId].sort());
    expect(await found(asReviewer)).toEqual(await allowed(asReviewer));
    expect(await found(asRecruiter)).toEqual([asked.interviewId, team.interviewId, teamOpen.interviewId, other.interviewId].sort());
    expect(await found(asRecruiter)).toEqual(await allowed(asRecruiter));
    expect(await found(asOwner(org))).toEqual(await allowed(asOwner(org)));
  });

  it("filters by job, interview status and the answer's date", async () => {
    const prisma = await db();
    const org = await makeOrg("Search filters");
    const day = (iso: string) => new Date(`${iso}T09:00:00Z`);
    const march = await written(org, ["Caching strategy for the catalogue."], InterviewStatus.COMPLETED, day("2026-03-10"));
    const june = await written(org, ["A caching layer in front of search."], InterviewStatus.COMPLETED, day("2026-06-10"));
    const expired = await written(org, ["Caching mistakes I made."], InterviewStatus.EXPIRED, day("2026-06-12"));
    await prisma.job.update({ where: { id: june.job.id }, data: { title: "Search Engineer" } });
    const viewer = asOwner(org);
    const ids = async (filters: Parameters<typeof searchAnswers>[1]) => (await searchAnswers(viewer, filters)).hits.map((h) => h.interviewId).sort();

    expect(await ids({ q: "caching" })).toEqual([march.interviewId, june.interviewId, expired.interviewId].sort());
    expect(await ids({ q: "caching", jobId: june.job.id })).toEqual([june.interviewId]);
    expect(await ids({ q: "caching", status: InterviewStatus.EXPIRED })).toEqual([expired.interviewId]);
    expect(await ids({ q: "caching", from: new Date("2026-06-01T00:00:00Z") })).toEqual([june.interviewId, expired.interviewId].sort());
    expect(await ids({ q: "caching", to: new Date("2026-06-11T00:00:00Z") })).toEqual([march.interviewId, june.interviewId].sort());
    expect(await ids({ q: "caching", from: new Date("2026-06-11T00:00:00Z"), to: new Date("2026-06-13T00:00:00Z"), status: InterviewStatus.COMPLETED })).toEqual([]);
  });

  it("answers nothing, and never fails, for empty, stopword-only and injection-shaped queries", async () => {
    const org = await makeOrg("Search input");
    await written(org, ["Robust parsing of user input, with quotes ' and \" and a backslash \\ too."]);
    const viewer = asOwner(org);
    for (const q of ["", "   ", "the and of", "a"]) expect(await searchAnswers(viewer, { q })).toEqual({ hits: [], total: 0, hasNext: false });
    const shapes = [
      "'",
      "&",
      "|",
      ":*",
      "!",
      "(",
      ")",
      "\\",
      '"unterminated',
      "-",
      "--",
      "parsing:*",
      "parsing & !input",
      "(parsing | input)",
      "'; DROP TABLE \"InterviewAnswer\"; --",
      "\u0000parsing",
      "😀 ünïcödé 日本語 parsing",
      "\uE000parsing\uE001",
      "x".repeat(2000),
      "parsing ".repeat(250),
      "😀".repeat(2000),
    ];
    for (const q of shapes) {
      const result = await searchAnswers(viewer, { q });
      expect(Array.isArray(result.hits), q.slice(0, 20)).toBe(true);
    }
    expect((await searchAnswers(viewer, { q: "parsing:*" })).total).toBe(1);
    expect((await searchAnswers(viewer, { q: "'; DROP TABLE \"InterviewAnswer\"; --" })).total).toBe(0);
  });

  it("splits a headline's markers into highlighted parts", () => {
    expect(splitMarks(`we ${MARK_START}deployed${MARK_STOP} it ${MARK_START}twice${MARK_STOP}`)).toEqual([
      { text: "we ", mark: false },
      { text: "deployed", mark: true },
      { text: " it ", mark: false },
      { text: "twice", mark: true },
    ]);
    expect(splitMarks("plain")).toEqual([{ text: "plain", mark: false }]);
  });
});
