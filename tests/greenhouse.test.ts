import { addMinutes } from "date-fns";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { revokeApiKey } from "@/lib/api/keys";
import { now, setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { dueAtOn, dueDateAfter } from "@/lib/interviews/model/window";
import { EmailKind, InterviewMode, WebhookDeliveryStatus } from "@/lib/generated/prisma/enums";
import { drainGreenhouseCallbacks } from "@/lib/greenhouse/callbacks";
import { listTestsHandler, responseErrorHandler, sendTestHandler, testStatusHandler } from "@/lib/greenhouse/routes";
import { openNextQuestion, startInterview, submitAnswer } from "@/lib/interviews/candidate/answering";
import { scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import { saveRating, submitScorecard } from "@/lib/interviews/review/scorecards";
import { Prisma } from "@/lib/generated/prisma/client";
import { claimDue } from "@/lib/queue/claim";
import { LEASE_MS } from "@/lib/webhooks/sender";
import { makeApiKey } from "./support/api";
import { makeCandidate, makeJob, makeOrg, scheduleInput, uniqueEmail } from "./support/factories";
import { startGreenhouseStandIn, type PartnerTransport } from "./support/greenhouse-stand-in";
import { answerRows, asCandidate } from "./support/interviews";

// The whole Assessment Partner flow against a stand-in of Greenhouse: list, send (and its retry),
// status before and after the candidate completes through the portal's own functions, the PATCH
// callback (with the key as Basic user name, retried after a 500), and every refusal.

const HANDLERS: Record<string, (request: Request) => Promise<Response>> = {
  "/api/greenhouse/list_tests": listTestsHandler,
  "/api/greenhouse/send_test": sendTestHandler,
  "/api/greenhouse/test_status": testStatusHandler,
  "/api/greenhouse/response_error": responseErrorHandler,
};
/** Requests go straight to the route handlers, as the routes export them. */
const transport: PartnerTransport = (path, init) => {
  const url = new URL(`http://kairos.test${path}`);
  return HANDLERS[url.pathname]!(new Request(url, init));
};

let org: Awaited<ReturnType<typeof makeOrg>>;
let other: Awaited<ReturnType<typeof makeOrg>>;
let job: { id: string; title: string };
let key: string;
let greenhouse: Awaited<ReturnType<typeof startGreenhouseStandIn>>;

beforeAll(async () => {
  [org, other] = await Promise.all([makeOrg("Greenhouse"), makeOrg("Other")]);
  job = await makeJob(org.organizationId, ["Why us?", "Tell us about a hard bug."], { title: "Platform Engineer" });
  ({ key } = await makeApiKey(org, ["interviews:read", "interviews:write"]));
  greenhouse = await startGreenhouseStandIn({ apiKey: key, transport });
});
afterAll(() => greenhouse.close());
afterEach(() => {
  setClock(null);
  vi.restoreAllMocks();
});

const person = () => ({ first_name: "Harry", last_name: "Potter", email: uniqueEmail("harry") });

/** Answers both questions as the candidate's portal does: the last one completes the interview. */
async function complete(interviewId: string) {
  const candidate = await asCandidate(interviewId);
  await startInterview(candidate, true);
  const [first, second] = await answerRows(interviewId);
  await submitAnswer(candidate, first!.id, "Because of the mission.");
  await openNextQuestion(candidate);
  expect(await submitAnswer(candidate, second!.id, "A race in the cache.")).toEqual({ done: true });
}

async function callbacksOf(interviewId: string) {
  const prisma = await db();
  return prisma.greenhouseCallback.findMany({ where: { assessment: { interviewId } }, orderBy: { createdAt: "asc" } });
}

describe("list_tests", () => {
  it("lists the organisation's open jobs with questions as [{partner_test_id, partner_test_name}]", async () => {
    await Promise.all([
      makeJob(org.organizationId, ["Old question"], { title: "Archived role", status: "ARCHIVED" }),
      makeJob(org.organizationId, [], { title: "No questions yet" }),
      makeJob(other.organizationId, ["Theirs"], { title: "Another org's job" }),
    ]);
    const { status, body } = await greenhouse.listTests();
    expect(status).toBe(200);
    expect(body).toEqual([{ partner_test_id: job.id, partner_test_name: "Platform Engineer" }]);
    const raw = await transport("/api/greenhouse/list_tests", { method: "GET", headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` } });
    expect(raw.headers.get("ratelimit-limit")).toMatch(/^\d+$/);
  });
});

describe("authentication", () => {
  it("refuses a missing, unknown, Bearer-style, revoked or under-scoped key with 401 and writes nothing", async () => {
    const prisma = await db();
    const before = await prisma.interview.count({ where: { organizationId: org.organizationId } });
    const missing = await transport("/api/greenhouse/list_tests", { method: "GET" });
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Basic /);
    expect((await greenhouse.listTests("kairos_not-a-real-key")).status).toBe(401);
    expect((await transport("/api/greenhouse/list_tests", { method: "GET", headers: { authorization: `Bearer ${key}` } })).status).toBe(401);

    const readOnly = await makeApiKey(org, ["interviews:read"]);
    const refused = await greenhouse.sendTest(job.id, person(), { key: readOnly.key });
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toContain("interviews:write");

    const revoked = await makeApiKey(org, ["interviews:read", "interviews:write"]);
    await revokeApiKey({ userId: org.ownerId, organizationId: org.organizationId }, revoked.id);
    expect((await greenhouse.sendTest(job.id, person(), { key: revoked.key })).status).toBe(401);
    expect(await prisma.interview.count({ where: { organizationId: org.organizationId } })).toBe(before);
  });
});

describe("send_test", () => {
  it("invites a new candidate to a deadline interview due the job's default days from now, once however often Greenhouse retries", async () => {
    const candidate = person();
    const sent = await greenhouse.sendTest(job.id, candidate);
    expect(sent.status).toBe(200);
    expect(Object.keys(sent.body)).toEqual(["partner_interview_id"]);
    const id = sent.body.partner_interview_id as string;

    const retried = await greenhouse.sendTest(job.id, candidate, { takeHomeTestId: sent.takeHomeTestId });
    expect(retried).toMatchObject({ status: 200, body: { partner_interview_id: id } });

    const prisma = await db();
    const interview = await prisma.interview.findUniqueOrThrow({
      where: { id },
      select: { organizationId: true, jobId: true, mode: true, dueAt: true, metadata: true, candidate: { select: { name: true, email: true } }, greenhouse: true },
    });
    expect(interview).toMatchObject({ organizationId: org.organizationId, jobId: job.id, mode: InterviewMode.DEADLINE, candidate: { name: "Harry Potter", email: candidate.email } });
    expect(interview.dueAt).toEqual(dueAtOn(dueDateAfter(now(), 7, "UTC"), "UTC"));
    expect(interview.metadata).toMatchObject({ source: "greenhouse" });
    expect(interview.greenhouse).toMatchObject({ partnerTestId: job.id, callbackUrl: `${greenhouse.url}/integrations/testing_partners/take_home_tests/${sent.takeHomeTestId}`, sentBy: "recruiter@customer.example" });
    // The key is kept for the callback, but never as it is.
    expect(interview.greenhouse!.credential).not.toContain(key);
    expect(await prisma.interview.count({ where: { candidate: { email: candidate.email } } })).toBe(1);
    expect(await prisma.outboxEmail.count({ where: { interviewId: id, kind: EmailKind.INVITATION } })).toBe(1);
  });

  it("reuses the organisation's candidate with that address", async () => {
    const existing = await makeCandidate(org.organizationId, "Europe/Berlin");
    const sent = await greenhouse.sendTest(job.id, { first_name: "Someone", last_name: "Else", email: existing.email.toUpperCase() });
    expect(sent.status).toBe(200);
    const prisma = await db();
    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: sent.body.partner_interview_id }, select: { candidateId: true, candidateTimeZone: true } });
    expect(interview).toEqual({ candidateId: existing.id, candidateTimeZone: "Europe/Berlin" });
  });

  it("gives Greenhouse the open interview a candidate already has for the job, and refuses a second test instance for it with 409", async () => {
    const existing = await makeCandidate(org.organizationId, "UTC");
    const { interviewId } = await scheduleInterview({ userId: org.ownerId, organizationId: org.organizationId }, scheduleInput(job.id, { id: existing.id }, { scheduledAt: "now" }));
    const sent = await greenhouse.sendTest(job.id, { first_name: "Ex", last_name: "Isting", email: existing.email });
    expect(sent).toMatchObject({ status: 200, body: { partner_interview_id: interviewId } });
    const second = await greenhouse.sendTest(job.id, { first_name: "Ex", last_name: "Isting", email: existing.email });
    expect(second.status).toBe(409);
    expect((await greenhouse.testStatus(interviewId)).body).toMatchObject({ partner_status: "sent" });
  });

  it("answers bad input with 400, an unknown or another organisation's test with 404, and never invites", async () => {
    const send = (body: string, type = "application/json") => transport("/api/greenhouse/send_test", { method: "POST", headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}`, "content-type": type }, body });
    expect((await send("{not json")).status).toBe(400);
    expect((await send(JSON.stringify({ partner_test_id: job.id, candidate: { first_name: "A" } }))).status).toBe(400);
    expect((await send(JSON.stringify({ partner_test_id: job.id, candidate: [] }))).status).toBe(400);
    expect((await send("x".repeat(20_000))).status).toBe(413);
    expect((await send("{}", "text/plain")).status).toBe(415);
    const theirs = await makeJob(other.organizationId, ["Theirs"]);
    expect((await greenhouse.sendTest(theirs.id, person())).status).toBe(404);
    expect((await greenhouse.sendTest("no-such-test", person())).status).toBe(404);
  });
});

describe("test_status and the callback", () => {
  it("reports sent, then complete with the review page once the candidate completes, after Greenhouse is PATCHed with its key", async () => {
    const sent = await greenhouse.sendTest(job.id, person());
    const id = sent.body.partner_interview_id as string;
    const before = await greenhouse.testStatus(id);
    expect(before).toMatchObject({ status: 200, body: { partner_status: "sent", partner_score: null } });
    expect(before.body.partner_profile_url).toMatch(new RegExp(`/interviews/${id}$`));

    await complete(id);
    // Queued with the completion itself, before anything is sent.
    expect((await callbacksOf(id)).map((c) => [c.reason, c.status])).toEqual([["interview.completed", WebhookDeliveryStatus.PENDING]]);
    const stats = await drainGreenhouseCallbacks({ budgetMs: 5_000 });
    expect(stats.delivered).toBeGreaterThanOrEqual(1);

    const patch = greenhouse.patches.find((p) => p.takeHomeTestId === sent.takeHomeTestId)!;
    expect(patch).toMatchObject({ method: "PATCH", body: "", status: 200 });
    expect(patch.headers.authorization).toBe(`Basic ${Buffer.from(`${key}:`).toString("base64")}`);
    await vi.waitFor(() => expect(greenhouse.statusAfterPatch.find((s) => s.partnerInterviewId === id)).toBeDefined());
    const read = greenhouse.statusAfterPatch.find((s) => s.partnerInterviewId === id)!;
    expect(read.body).toMatchObject({ partner_status: "complete", partner_profile_url: expect.stringMatching(new RegExp(`/interviews/${id}$`)), metadata: { "Scorecards Submitted": 0 } });
    for (const value of Object.values(read.body.metadata as object)) expect(["string", "number", "boolean"]).toContain(typeof value);

    // A submitted scorecard changes the score: Greenhouse hears again and reads it.
    const owner = { userId: org.ownerId, organizationId: org.organizationId, role: "OWNER" as const };
    const answers = await answerRows(id);
    await saveRating(owner, id, answers[0]!.id, { rating: 4, notes: "" });
    await saveRating(owner, id, answers[1]!.id, { rating: 5, notes: "" });
    await submitScorecard(owner, id, { recommendation: "YES", comment: "" });
    await drainGreenhouseCallbacks({ budgetMs: 5_000 });
    expect((await callbacksOf(id)).map((c) => [c.reason, c.status])).toEqual([
      ["interview.completed", WebhookDeliveryStatus.DELIVERED],
      ["scorecard.submitted", WebhookDeliveryStatus.DELIVERED],
    ]);
    const scored = await greenhouse.testStatus(id);
    expect(scored.body).toMatchObject({ partner_status: "complete", partner_score: 4.5, metadata: { "Mean Rating (1-5)": 4.5, Recommendations: "0 strong yes, 1 yes, 0 no, 0 strong no" } });
  });

  it("retries a callback Greenhouse answered 500 after a backoff, and delivers it", async () => {
    const sent = await greenhouse.sendTest(job.id, person());
    const id = sent.body.partner_interview_id as string;
    await complete(id);
    greenhouse.failNext(500);
    await drainGreenhouseCallbacks({ budgetMs: 5_000 });
    const [failed] = await callbacksOf(id);
    expect(failed).toMatchObject({ status: WebhookDeliveryStatus.PENDING, attempts: 1, lastResponseCode: 500 });
    expect(failed!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    setClock(addMinutes(new Date(), 5));
    await drainGreenhouseCallbacks({ budgetMs: 5_000 });
    expect(await callbacksOf(id)).toMatchObject([{ status: WebhookDeliveryStatus.DELIVERED, attempts: 2, lastResponseCode: 200 }]);
    expect(greenhouse.patches.filter((p) => p.takeHomeTestId === sent.takeHomeTestId).map((p) => p.status)).toEqual([500, 200]);
  });

  it("loses nothing when a sender dies mid-attempt: the claim's lease runs out and another sends it", async () => {
    const sent = await greenhouse.sendTest(job.id, person());
    const id = sent.body.partner_interview_id as string;
    await complete(id);
    // A sender claims the row, then dies before it sends or records anything.
    const prisma = await db();
    const claimed = await claimDue<{ id: string }>(prisma, { table: "GreenhouseCallback", at: now(), leaseMs: LEASE_MS, limit: 100, returning: Prisma.sql`q.id` });
    expect(claimed.map((c) => c.id)).toContain((await callbacksOf(id))[0]!.id);
    await drainGreenhouseCallbacks({ budgetMs: 2_000 });
    expect(greenhouse.patches.some((p) => p.takeHomeTestId === sent.takeHomeTestId)).toBe(false);

    setClock(new Date(Date.now() + LEASE_MS + 1_000));
    await drainGreenhouseCallbacks({ budgetMs: 5_000 });
    expect(await callbacksOf(id)).toMatchObject([{ status: WebhookDeliveryStatus.DELIVERED, attempts: 2 }]);
    expect(greenhouse.patches.filter((p) => p.takeHomeTestId === sent.takeHomeTestId)).toHaveLength(1);
  });

  it("sends nothing with a key revoked since, and stops", async () => {
    const revocable = await makeApiKey(org, ["interviews:read", "interviews:write"]);
    const sent = await greenhouse.sendTest(job.id, person(), { key: revocable.key });
    await revokeApiKey({ userId: org.ownerId, organizationId: org.organizationId }, revocable.id);
    await complete(sent.body.partner_interview_id);
    await drainGreenhouseCallbacks({ budgetMs: 5_000 });
    expect(await callbacksOf(sent.body.partner_interview_id)).toMatchObject([{ status: WebhookDeliveryStatus.FAILED, lastResponseCode: null }]);
    expect(greenhouse.patches.some((p) => p.takeHomeTestId === sent.takeHomeTestId)).toBe(false);
  });

  it("answers 404 for another organisation's test instance, an unknown one, and 400 without the id", async () => {
    const sent = await greenhouse.sendTest(job.id, person());
    const theirKey = (await makeApiKey(other, ["interviews:read"])).key;
    expect((await greenhouse.testStatus(sent.body.partner_interview_id, theirKey)).status).toBe(404);
    expect((await greenhouse.testStatus("unknown")).status).toBe(404);
    const bare = await transport("/api/greenhouse/test_status", { method: "GET", headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` } });
    expect(bare.status).toBe(400);
  });
});

describe("response_error", () => {
  it("accepts Greenhouse's report with {status: 200} and logs it without the candidate's address", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const reported = await greenhouse.responseError({
      api_call: "test_status",
      errors: ["partner_status is 'complete' but partner_profile url is missing"],
      partner_test_id: job.id,
      partner_test_name: job.title,
      partner_interview_id: "299506",
      candidate_email: "hpotter@hogwarts.edu",
    });
    expect(reported).toEqual({ status: 200, body: { status: 200 } });
    const logged = JSON.stringify(warn.mock.calls);
    expect(logged).toContain("partner_profile url is missing");
    expect(logged).not.toContain("hpotter@hogwarts.edu");
    expect(logged).not.toContain(key);
    expect((await greenhouse.responseError({ errors: "not a list" })).status).toBe(400);
  });
});
