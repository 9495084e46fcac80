import { addMinutes } from "date-fns";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { FieldError, NotFoundError, StateError } from "@/lib/errors";
import { ActorType, EmailKind, InterviewStatus } from "@/lib/generated/prisma/enums";
import { ACCOMMODATION_REQUEST_INTERVAL_MINUTES } from "@/lib/limits";
import { findAccommodations, setAccommodations } from "@/lib/interviews/recruiter/accommodations";
import { requestAccommodation } from "@/lib/interviews/candidate/requests";
import { CandidateRequestError } from "@/lib/interviews/candidate/errors";
import { makeInterviewRow, makeOrg } from "./support/factories";
import { interviewSnapshot, asCandidate } from "./support/interviews";

// Fixed times far from other files' interviews; every assertion reads this file's rows by id.
const START = new Date("2030-04-10T09:00:00.000Z");
const LOBBY = addMinutes(START, -5); // inside the join window (15 minutes either side)

let org: Awaited<ReturnType<typeof makeOrg>>;
let other: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  [org, other] = await Promise.all([makeOrg("Accommodations A"), makeOrg("Accommodations B")]);
});
afterEach(() => setClock(null));

const manager = () => ({ userId: org.ownerId, organizationId: org.organizationId });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => expect.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

async function refusedWith(promise: Promise<unknown>, reason: CandidateRequestError["reason"]) {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(CandidateRequestError);
  expect((error as CandidateRequestError).reason).toBe(reason);
  return error as CandidateRequestError;
}

async function requestEmails(interviewId: string) {
  const prisma = await db();
  return prisma.outboxEmail.findMany({ where: { interviewId, kind: EmailKind.ACCOMMODATION_REQUESTED }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

describe("setAccommodations", () => {
  it("sets extra time and retakes on a scheduled interview, with an audit event", async () => {
    const { interviewId } = await makeInterviewRow(org, InterviewStatus.SCHEDULED, START);
    await setAccommodations(manager(), interviewId, { extraTimePercent: 50, extraRetakes: 2 });
    expect(await findAccommodations(org.organizationId, interviewId)).toMatchObject({ extraTimePercent: 50, extraRetakes: 2, editable: true });
    // The bounds themselves are allowed.
    await setAccommodations(manager(), interviewId, { extraTimePercent: 200, extraRetakes: 5 });
    await setAccommodations(manager(), interviewId, { extraTimePercent: 0, extraRetakes: 0 });
    const prisma = await db();
    const events = await prisma.auditEvent.findMany({ where: { interviewId, type: "accommodations.set" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.data)).toEqual([
      { extraTimePercent: 50, extraRetakes: 2 },
      { extraTimePercent: 200, extraRetakes: 5 },
      { extraTimePercent: 0, extraRetakes: 0 },
    ]);
    expect(events[0]).toMatchObject({ actorType: ActorType.USER, actorId: org.ownerId, organizationId: org.organizationId });
  });

  it.each([
    [{ extraTimePercent: -1, extraRetakes: 0 }, "extraTimePercent"],
    [{ extraTimePercent: 201, extraRetakes: 0 }, "extraTimePercent"],
    [{ extraTimePercent: 12.5, extraRetakes: 0 }, "extraTimePercent"],
    [{ extraTimePercent: 0, extraRetakes: -1 }, "extraRetakes"],
    [{ extraTimePercent: 0, extraRetakes: 6 }, "extraRetakes"],
  ])("refuses %o with a FieldError on %s, changing nothing", async (input, field) => {
    const { interviewId } = await makeInterviewRow(org, InterviewStatus.SCHEDULED, START);
    const before = await interviewSnapshot(interviewId);
    const error = await rejection(setAccommodations(manager(), interviewId, input));
    expect(error).toBeInstanceOf(FieldError);
    expect((error as FieldError).field).toBe(field);
    expect(await interviewSnapshot(interviewId)).toEqual(before);
  });

  it.each([
    [InterviewStatus.IN_PROGRESS, "The candidate has started this interview, so its accommodations can no longer be changed."],
    [InterviewStatus.COMPLETED, "This interview is completed, so its accommodations can no longer be changed."],
    [InterviewStatus.CANCELLED, "This interview is cancelled, so its accommodations can no longer be changed."],
    [InterviewStatus.EXPIRED, "This interview is expired, so its accommodations can no longer be changed."],
  ])("refuses a %s interview with a StateError that says why", async (status, message) => {
    const { interviewId } = await makeInterviewRow(org, status, START);
    const before = await interviewSnapshot(interviewId);
    const error = await rejection(setAccommodations(manager(), interviewId, { extraTimePercent: 25, extraRetakes: 1 }));
    expect(error).toBeInstanceOf(StateError);
    expect((error as StateError).message).toBe(message);
    expect(await interviewSnapshot(interviewId)).toEqual(before);
    expect(await findAccommodations(org.organizationId, interviewId)).toMatchObject({ editable: false });
  });

  it("gives another organisation 'not found' and changes nothing", async () => {
    const { interviewId } = await makeInterviewRow(org, InterviewStatus.SCHEDULED, START);
    const before = await interviewSnapshot(interviewId);
    const error = await rejection(setAccommodations({ userId: other.ownerId, organizationId: other.organizationId }, interviewId, { extraTimePercent: 50, extraRetakes: 0 }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(await interviewSnapshot(interviewId)).toEqual(before);
    expect(await findAccommodations(other.organizationId, interviewId)).toBeNull();
  });
});

describe("requestAccommodation", () => {
  it("stores the trimmed message, records the request without its words and emails the recruiter, escaped", async () => {
    const { interviewId, candidate } = await makeInterviewRow(org, InterviewStatus.SCHEDULED, START);
    setClock(LOBBY);
    const message = `I use a screen reader <b>and</b> need "more" time & breaks.\nThank you.`;
    expect(await requestAccommodation(await asCandidate(interviewId), `  ${message}\n `)).toEqual({ requestsLeft: 2 });

    const prisma = await db();
    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview.accommodationRequest).toBe(message);
    expect(interview.accommodationRequestedAt).toEqual(LOBBY);
    expect(interview.status).toBe(InterviewStatus.SCHEDULED);

    const events = await prisma.auditEvent.findMany({ where: { interviewId, type: "accommodation.requested" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: ActorType.CANDIDATE, actorId: null, createdAt: LOBBY });
    expect(JSON.stringify(events[0]!.data)).not.toContain("screen reader");

    const [email, ...more] = await requestEmails(interviewId);
    expect(more).toEqual([]);
    expect(email).toMatchObject({ toEmail: org.ownerEmail, toName: "Owner", organizationId: org.organizationId, secret: null });
    expect(email!.subject).toBe(`${candidate.name} asks for an accommodation for their interview`);
    // React escapes what the candidate wrote: no markup of theirs reaches the HTML.
    expect(email!.html).toContain("I use a screen reader &lt;b&gt;and&lt;/b&gt; need &quot;more&quot; time &amp; breaks.");
    expect(email!.html).not.toContain("<b>and</b>");
    expect(email!.text).toContain(`I use a screen reader <b>and</b> need "more" time & breaks.`);
    expect(email!.text).toContain("Thank you.");
    expect(email!.text).toContain(candidate.email);
    expect(email!.text).toContain(`http://localhost:3000/interviews/${interviewId}`);
  });

  it("may be sent again after 10 minutes, at most 3 times", async () => {
    const { interviewId } = await makeInterviewRow(org, InterviewStatus.SCHEDULED, START);
    const prisma = await db();
    await prisma.interview.update({ where: { id: interviewId }, data: { opensMinutesBefore: 120 } });
    const first = addMinutes(START, -100);
    setClock(first);
    await requestAccommodation(await asCandidate(interviewId), "First");

    setClock(addMinutes(first, ACCOMMODATION_REQUEST_INTERVAL_MINUTES - 1));
    const soon = await refusedWith(requestAccommodation(await asCandidate(interviewId), "Second, too soon"), "too_soon");
    expect(soon.retryInMinutes).toBe(1);
    setClock(addMinutes(first, 2));
    expect((await refusedWith(requestAccommodation(await asCandidate(interviewId), "Second, too soon"), "too_soon")).retryInMinutes).toBe(8);

    setClock(addMinutes(first, ACCOMMODATION_REQUEST_INTERVAL_MINUTES));
    expect(await requestAccommodation(await asCandidate(interviewId), "Second")).toEqual({ requestsLeft: 1 });
    setClock(addMinutes(first, 20));
    expect(await requestAccommodation(await asCandidate(interviewId), "Third")).toEqual({ requestsLeft: 0 });
    setClock(addMinutes(first, 60));
    await refusedWith(requestAccommodation(await asCandidate(interviewId), "Fourth"), "too_many");

    expect((await requestEmails(interviewId)).map((e) => /^(First|Second|Third)$/m.exec(e.text)?.[0])).toEqual(["First", "Second", "Third"]);
    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview).toMatchObject({ accommodationRequest: "Third", accommodationRequestedAt: addMinutes(first, 20) });
  });

  it("is accepted before the window opens and refused once it has closed or the interview started", async () => {
    const early = await makeInterviewRow(org, InterviewStatus.SCHEDULED, START);
    setClock(addMinutes(START, -60 * 24));
    await requestAccommodation(await asCandidate(early.interviewId), "Asked the day before");

    const late = await makeInterviewRow(org, InterviewStatus.SCHEDULED, START);
    setClock(addMinutes(START, 15));
    await requestAccommodation(await asCandidate(late.interviewId), "Last minute of the window");
    const closed = await makeInterviewRow(org, InterviewStatus.SCHEDULED, START);
    setClock(addMinutes(START, 16));
    await refusedWith(requestAccommodation(await asCandidate(closed.interviewId), "Too late"), "not_open");

    setClock(LOBBY);
    for (const status of [InterviewStatus.IN_PROGRESS, InterviewStatus.COMPLETED, InterviewStatus.CANCELLED, InterviewStatus.EXPIRED]) {
      const { interviewId } = await makeInterviewRow(org, status, START);
      const before = await interviewSnapshot(interviewId);
      await refusedWith(requestAccommodation(await asCandidate(interviewId), "Please"), "not_open");
      expect(await interviewSnapshot(interviewId)).toEqual(before);
    }
  });

  it.each([
    ["", "Tell the recruiter what would help you."],
    [" \n\t ", "Tell the recruiter what would help you."],
    ["x".repeat(2001), "Use at most 2,000 characters."],
  ])("refuses the message %j with a FieldError, writing nothing", async (message, words) => {
    const { interviewId } = await makeInterviewRow(org, InterviewStatus.SCHEDULED, START);
    setClock(LOBBY);
    const before = await interviewSnapshot(interviewId);
    const error = await rejection(requestAccommodation(await asCandidate(interviewId), message));
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "message", message: words });
    expect(await interviewSnapshot(interviewId)).toEqual(before);
  });

  it("takes 2,000 characters after trimming", async () => {
    const { interviewId } = await makeInterviewRow(org, InterviewStatus.SCHEDULED, START);
    setClock(LOBBY);
    await requestAccommodation(await asCandidate(interviewId), `   ${"y".repeat(2000)}   `);
    expect((await requestEmails(interviewId))[0]!.text).toContain("y".repeat(2000));
  });

  it("emails every owner when the recruiter who scheduled it has left", async () => {
    const prisma = await db();
    const { interviewId } = await makeInterviewRow(org, InterviewStatus.SCHEDULED, START);
    const second = await prisma.user.create({
      data: { email: `owner2-${org.suffix}-${interviewId}@example.test`, name: "Second Owner", passwordHash: "scrypt$unused", role: "OWNER", organizationId: org.organizationId },
    });
    await prisma.user.create({
      data: { email: `member-${org.suffix}-${interviewId}@example.test`, name: "Member", passwordHash: "scrypt$unused", role: "RECRUITER", organizationId: org.organizationId },
    });
    await prisma.interview.update({ where: { id: interviewId }, data: { createdById: null } });
    setClock(LOBBY);
    await requestAccommodation(await asCandidate(interviewId), "Extra time, please.");
    const emails = await requestEmails(interviewId);
    expect(emails.map((e) => e.toEmail).sort()).toEqual([org.ownerEmail, second.email].sort());
    for (const email of emails) expect(email.text).toContain("you own the account");
    await prisma.user.delete({ where: { id: second.id } });
  });
});
