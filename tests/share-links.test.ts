import { addDays, addSeconds } from "date-fns";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { ExpectedError, FieldError, NotFoundError, StateError } from "@/lib/errors";
import { EmailKind, InterviewStatus, Role, ScoreRecommendation } from "@/lib/generated/prisma/enums";
import { findRecordingForShare } from "@/lib/interviews/media";
import { findReview } from "@/lib/interviews/review/find-review";
import { summarise } from "@/lib/interviews/review/summary";
import { ANOTHER_LINK_OPENED, submitExternalScorecard } from "@/lib/interviews/share/external-scorecard";
import { findSharedInterview, initials } from "@/lib/interviews/share/find-shared";
import { createShareLink, listShareLinks, revokeShareLink } from "@/lib/interviews/share/links";
import { recordShareView, resolveShareToken, type ShareAccess } from "@/lib/interviews/share/open";
import { KEY_FAILURES_PER_MINUTE, keyLookupLimiter } from "@/lib/http/portal";
import { PEER_HEADER } from "@/lib/http/client-address";
import { lookUpShareToken } from "@/lib/http/share";
import { hashToken } from "@/lib/tokens";
import { GET as shareMedia } from "@/app/share/recordings/[id]/route";
import { asOwner, makeAnsweredInterview, makeMember, makeOrg } from "./support/factories";

const AT = new Date("2035-04-10T09:00:00Z");
afterEach(() => setClock(null));

const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;
const client = { address: "203.0.113.7", userAgent: "Mozilla/5.0 (test)" };

async function sharedInterview(name = "Share links") {
  setClock(AT);
  const org = await makeOrg(name);
  const interview = await makeAnsweredInterview(org, undefined, InterviewStatus.COMPLETED, addDays(AT, -1));
  return { org, ...interview };
}

async function active(token: string, at = AT): Promise<ShareAccess> {
  const verdict = await resolveShareToken(token, at);
  if (verdict.state !== "active") throw new Error(`expected an active link, got ${verdict.state}`);
  return verdict;
}

describe("creating and revoking share links", () => {
  it("keeps only the token's SHA-256, returns the link once, records who shared what, and expires in 14 days by default", async () => {
    const { org, interviewId, answerIds } = await sharedInterview();
    const { id, url, expiresAt } = await createShareLink(asOwner(org), interviewId, { answerIds: [answerIds[1]!, answerIds[0]!], days: 14, blind: false });
    const token = tokenOf(url);
    expect(url).toBe(`http://localhost:3000/share?token=${token}`);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(expiresAt).toEqual(addDays(AT, 14));

    const prisma = await db();
    const row = await prisma.shareLink.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.answerIds).toEqual(answerIds); // in the interview's order
    expect(JSON.stringify(row)).not.toContain(token);
    const events = await prisma.auditEvent.findMany({ where: { interviewId, type: { startsWith: "share_link." } } });
    expect(events.map((e) => e.type)).toEqual(["share_link.created"]);
    expect(JSON.stringify(events)).not.toContain(token);

    await revokeShareLink(asOwner(org), interviewId, id);
    await expect(revokeShareLink(asOwner(org), interviewId, id)).rejects.toBeInstanceOf(StateError);
    expect((await prisma.auditEvent.findMany({ where: { interviewId, type: "share_link.revoked" } })).map((e) => e.data)).toEqual([{ shareLinkId: id }]);
    expect(await resolveShareToken(token, AT)).toEqual({ state: "gone" });
    expect((await listShareLinks(asOwner(org), interviewId)).map((l) => l.status)).toEqual(["revoked"]);
  });

  it("is refused to reviewers, for another organisation's interview, an unfinished one, and answers of another interview", async () => {
    const { org, interviewId, answerIds } = await sharedInterview("Share refusals");
    const reviewer = await makeMember(org, Role.REVIEWER);
    const asReviewer = { userId: reviewer.userId, organizationId: org.organizationId, role: Role.REVIEWER };
    await expect(createShareLink(asReviewer, interviewId, { answerIds, days: 14, blind: false })).rejects.toBeInstanceOf(StateError);
    expect(await listShareLinks(asReviewer, interviewId)).toEqual([]);

    const other = await makeOrg("Someone else");
    await expect(createShareLink(asOwner(other), interviewId, { answerIds, days: 14, blind: false })).rejects.toBeInstanceOf(NotFoundError);

    const unfinished = await makeAnsweredInterview(org, undefined, InterviewStatus.IN_PROGRESS);
    await expect(createShareLink(asOwner(org), unfinished.interviewId, { answerIds: unfinished.answerIds, days: 14, blind: false })).rejects.toBeInstanceOf(StateError);
    await expect(createShareLink(asOwner(org), interviewId, { answerIds: [unfinished.answerIds[0]!], days: 14, blind: false })).rejects.toBeInstanceOf(FieldError);
    await expect(createShareLink(asOwner(org), interviewId, { answerIds: [], days: 14, blind: false })).rejects.toBeInstanceOf(FieldError);
    await expect(createShareLink(asOwner(org), interviewId, { answerIds, days: 5000, blind: false })).rejects.toBeInstanceOf(FieldError);
    expect(await (await db()).shareLink.count({ where: { organizationId: org.organizationId } })).toBe(0);
  });
});

describe("opening a share link", () => {
  it("works until a second before it expires; at its expiry and after it is gone; unknown and malformed tokens look alike", async () => {
    const { org, interviewId, answerIds } = await sharedInterview("Share expiry");
    const { url, expiresAt } = await createShareLink(asOwner(org), interviewId, { answerIds, days: 3, blind: false });
    const token = tokenOf(url);
    expect(expiresAt).toEqual(addDays(AT, 3));
    expect((await resolveShareToken(token, addSeconds(expiresAt, -1))).state).toBe("active");
    expect(await resolveShareToken(token, expiresAt)).toEqual({ state: "gone" });
    expect(await resolveShareToken(token, addSeconds(expiresAt, 1))).toEqual({ state: "gone" });

    setClock(addSeconds(expiresAt, -1));
    expect((await listShareLinks(asOwner(org), interviewId))[0]!.status).toBe("active");
    setClock(expiresAt);
    expect((await listShareLinks(asOwner(org), interviewId))[0]!.status).toBe("expired");

    const unknown = "A".repeat(43);
    for (const bad of [unknown, "short", "", undefined, `${token}x`, token.toUpperCase() === token ? `${token.slice(0, 42)}!` : token.toUpperCase()]) {
      expect(await resolveShareToken(bad, AT)).toEqual({ state: "invalid" });
    }
  });

  it("is gone once the interview is reopened (not completed any more)", async () => {
    const { org, interviewId, answerIds } = await sharedInterview("Share reopened");
    const token = tokenOf((await createShareLink(asOwner(org), interviewId, { answerIds, days: 14, blind: false })).url);
    await (await db()).interview.update({ where: { id: interviewId }, data: { status: InterviewStatus.IN_PROGRESS } });
    expect(await resolveShareToken(token, AT)).toEqual({ state: "gone" });
  });

  it("shows only the chosen answers and streams only their recordings: another question's or interview's recording is not found", async () => {
    const { org, interviewId, answerIds } = await sharedInterview("Share media");
    const prisma = await db();
    const recording = (answerId: string, interview = interviewId) =>
      prisma.recording.create({ data: { interviewId: interview, answerId, take: 1, status: "FINISHED", contentType: "video/webm", startedAt: AT }, select: { id: true } });
    const [shown, hidden] = [await recording(answerIds[0]!), await recording(answerIds[1]!)];
    const elsewhere = await makeAnsweredInterview(org, undefined, InterviewStatus.COMPLETED);
    const foreign = await recording(elsewhere.answerIds[0]!, elsewhere.interviewId);

    const tokenOfAccess = tokenOf((await createShareLink(asOwner(org), interviewId, { answerIds: [answerIds[0]!], days: 14, blind: false })).url);
    const access = await active(tokenOfAccess);
    expect((await findRecordingForShare(access, shown.id))?.id).toBe(shown.id);
    expect(await findRecordingForShare(access, hidden.id)).toBeNull();
    expect(await findRecordingForShare(access, foreign.id)).toBeNull();
    // The route itself, as the page's players call it: the link's cookie, the recording's id.
    const get = (id: string, cookie = `kairos_share=${tokenOfAccess}`) => shareMedia(new Request(`http://localhost/share/recordings/${id}`, { headers: { cookie } }), { params: Promise.resolve({ id }) });
    expect((await get(shown.id)).status).toBe(200);
    for (const id of [hidden.id, foreign.id]) {
      const refused = await get(id);
      expect(refused.status).toBe(404);
      expect(refused.headers.get("cache-control")).toContain("no-store");
    }
    expect((await get(shown.id, "")).status).toBe(404);
    const view = (await findSharedInterview(access))!;
    expect(view.answers.map((a) => a.id)).toEqual([answerIds[0]]);
    expect(view.questionTotal).toBe(2);
  });

  it("in blind mode carries neither the candidate's name nor their email or ids; otherwise the name but never the email", async () => {
    const { org, interviewId, answerIds, candidate } = await sharedInterview("Share blind");
    const prisma = await db();
    await prisma.candidate.update({ where: { id: candidate.id }, data: { name: "Amara Okafor" } });
    const blind = await active(tokenOf((await createShareLink(asOwner(org), interviewId, { answerIds, days: 14, blind: true })).url));
    const payload = JSON.stringify(await findSharedInterview(blind));
    expect(payload).toContain('"candidate":"A. O."');
    for (const identifying of ["Amara", "Okafor", candidate.email, candidate.id]) expect(payload).not.toContain(identifying);

    const named = await active(tokenOf((await createShareLink(asOwner(org), interviewId, { answerIds, days: 14, blind: false })).url));
    const namedPayload = JSON.stringify(await findSharedInterview(named));
    expect(namedPayload).toContain("Amara Okafor");
    expect(namedPayload).not.toContain(candidate.email);
    expect(namedPayload).not.toContain(candidate.id);
    expect(initials("jean-luc  picard")).toBe("J. P.");
  });

  it("logs every view and emails whoever shared it on the first one only, without the token", async () => {
    const { org, interviewId, answerIds } = await sharedInterview("Share views");
    const sharer = await makeMember(org, Role.RECRUITER, "Riley Sharer");
    const asSharer = { userId: sharer.userId, organizationId: org.organizationId, role: Role.RECRUITER };
    const { id, url } = await createShareLink(asSharer, interviewId, { answerIds, days: 14, blind: true });
    const token = tokenOf(url);
    expect(await recordShareView(id, client, AT)).toEqual({ first: true });
    expect(await recordShareView(id, { address: "198.51.100.2", userAgent: "" }, addSeconds(AT, 30))).toEqual({ first: false });

    const prisma = await db();
    const emails = await prisma.outboxEmail.findMany({ where: { interviewId, kind: EmailKind.SHARE_LINK_VIEWED } });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.toEmail).toBe(sharer.email);
    expect(emails[0]!.subject).toMatch(/^Your link to .+'s interview was opened$/);
    expect(`${emails[0]!.html}${emails[0]!.text}`).toContain(`http://localhost:3000/interviews/${interviewId}`);
    expect(JSON.stringify(emails[0])).not.toContain(token);
    expect(emails[0]!.secret).toBeNull();

    const views = await prisma.shareLinkView.findMany({ where: { shareLinkId: id }, orderBy: { at: "asc" } });
    expect(views.map((v) => [v.clientAddress, v.userAgent])).toEqual([
      ["203.0.113.7", "Mozilla/5.0 (test)"],
      ["198.51.100.2", ""],
    ]);
    const [listed] = await listShareLinks(asOwner(org), interviewId);
    expect(listed).toMatchObject({ views: 2, firstViewedAt: AT, createdByName: "Riley Sharer", status: "active", blind: true, questions: 2 });
  });

  it("emails once when several first views arrive at the same moment (the link's row is locked)", async () => {
    const { org, interviewId, answerIds } = await sharedInterview("Share race");
    const { id } = await createShareLink(asOwner(org), interviewId, { answerIds, days: 14, blind: false });
    const results = await Promise.all(Array.from({ length: 5 }, () => recordShareView(id, client, AT)));
    expect(results.filter((r) => r.first)).toHaveLength(1);
    const prisma = await db();
    expect(await prisma.outboxEmail.count({ where: { interviewId, kind: EmailKind.SHARE_LINK_VIEWED } })).toBe(1);
    expect(await prisma.shareLinkView.count({ where: { shareLinkId: id } })).toBe(5);
  });
});

describe("guessing share tokens", () => {
  it("is limited per client like the portal's keys, on a budget of its own: past it even a good token gets 429", async () => {
    const { org, interviewId, answerIds } = await sharedInterview("Share guesses");
    const token = tokenOf((await createShareLink(asOwner(org), interviewId, { answerIds, days: 14, blind: false })).url);
    const from = (address: string) => new Headers({ [PEER_HEADER]: address });
    const guesser = from(`guesser-${randomUUID()}`);
    for (let i = 0; i < KEY_FAILURES_PER_MINUTE; i++) expect((await lookUpShareToken(guesser, `${"G".repeat(40)}${String(i).padStart(3, "0")}`, AT)).state).toBe("invalid");
    expect(await lookUpShareToken(guesser, token, AT)).toEqual({ state: "too_many" });
    // Someone else, and the same client's candidate-key budget, are not held up.
    expect((await lookUpShareToken(from("198.51.100.77"), token, AT)).state).toBe("active");
    expect(await keyLookupLimiter(guesser, AT).exhausted()).toBe(false);
  });
});

describe("external scorecards", () => {
  const card = (shareLinkId: string, answerIds: string[], overrides: Partial<Parameters<typeof submitExternalScorecard>[1]> = {}) => ({
    shareLinkId,
    reviewerName: "Harper Manager",
    reviewerEmail: "harper@client.example",
    ratings: [
      { answerId: answerIds[0]!, rating: 2, notes: "Thin." },
      { answerId: answerIds[1]!, rating: null, notes: "" },
    ],
    recommendation: ScoreRecommendation.NO,
    comment: "Not yet.",
    ...overrides,
  });

  it("joins the summary marked external, once per address per link", async () => {
    const { org, interviewId, answerIds } = await sharedInterview("External scorecards");
    const { id, url } = await createShareLink(asOwner(org), interviewId, { answerIds, days: 14, blind: true });
    const token = tokenOf(url);
    // Rendered for another link (this browser opened one since): refused, nothing written.
    const other = await createShareLink(asOwner(org), interviewId, { answerIds, days: 14, blind: false });
    await expect(submitExternalScorecard(token, card(other.id, answerIds))).rejects.toThrow(ANOTHER_LINK_OPENED);
    await submitExternalScorecard(token, card(id, answerIds));
    await expect(submitExternalScorecard(token, card(id, answerIds, { reviewerName: "Someone else" }))).rejects.toBeInstanceOf(FieldError);

    const review = (await findReview(asOwner(org), interviewId))!;
    expect(review.others).toHaveLength(1);
    expect(review.others![0]).toMatchObject({ reviewerId: null, reviewerName: "Harper Manager", external: true, recommendation: ScoreRecommendation.NO });
    const summary = summarise(review.others!, review.answers);
    expect(summary.questions[0]).toMatchObject({ mean: 2, ratings: [{ reviewerName: "Harper Manager", external: true, rating: 2 }] });
    expect(summary.recommendedBy).toEqual([{ reviewerName: "Harper Manager", external: true, recommendation: ScoreRecommendation.NO }]);
    const events = await (await db()).auditEvent.findMany({ where: { interviewId, type: "share_link.scorecard_submitted" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorType).toBe("SHARE_LINK");
    expect((await listShareLinks(asOwner(org), interviewId)).find((l) => l.id === id)!.scorecards).toBe(1);
  });

  it("writes nothing for an answer the link does not show, or through a revoked or expired link", async () => {
    const { org, interviewId, answerIds } = await sharedInterview("External refusals");
    const { id, url, expiresAt } = await createShareLink(asOwner(org), interviewId, { answerIds: [answerIds[0]!], days: 1, blind: false });
    const token = tokenOf(url);
    await expect(submitExternalScorecard(token, card(id, answerIds, { ratings: [{ answerId: answerIds[0]!, rating: 4, notes: "" }, { answerId: answerIds[1]!, rating: 3, notes: "" }] }))).rejects.toBeInstanceOf(FieldError);
    setClock(addSeconds(expiresAt, -1));
    expect((await resolveShareToken(token, addSeconds(expiresAt, -1))).state).toBe("active");
    setClock(expiresAt);
    await expect(submitExternalScorecard(token, card(id, [answerIds[0]!, answerIds[0]!]))).rejects.toBeInstanceOf(ExpectedError);
    setClock(AT);
    await revokeShareLink(asOwner(org), interviewId, id);
    await expect(submitExternalScorecard(token, card(id, [answerIds[0]!, answerIds[0]!]))).rejects.toBeInstanceOf(ExpectedError);
    await expect(submitExternalScorecard("A".repeat(43), card(id, answerIds))).rejects.toBeInstanceOf(ExpectedError);
    const prisma = await db();
    expect(await prisma.scorecard.count({ where: { interviewId } })).toBe(0);
    expect(await prisma.scorecardRating.count({ where: { scorecard: { interviewId } } })).toBe(0);
  });
});
