import { addDays, addHours } from "date-fns";
import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { FieldError, NotFoundError, StateError } from "@/lib/errors";
import { EmailKind, InterviewStatus, Role, ScoreRecommendation } from "@/lib/generated/prisma/enums";
import { submitScorecard } from "@/lib/interviews/review/scorecards";
import { interviewDelivery } from "@/lib/interviews/delivery";
import { listInterviews } from "@/lib/interviews/recruiter/queries";
import { composeReviewReminder, requestReviews } from "@/lib/interviews/review/requests";
import { removeMember } from "@/lib/accounts/team-roles";
import { asOwner, makeInterviewRow, makeMember, makeOrg } from "./support/factories";

const AT = new Date("2035-03-02T09:00:00Z");
afterEach(() => setClock(null));

async function completed(org: Awaited<ReturnType<typeof makeOrg>>) {
  const { interviewId, candidate } = await makeInterviewRow(org, InterviewStatus.COMPLETED, addDays(AT, -1));
  await (await db()).interview.update({ where: { id: interviewId }, data: { completedAt: addHours(AT, -20) } });
  return { interviewId, candidate };
}

const emailsOf = async (interviewId: string, kind: EmailKind) =>
  (await db()).outboxEmail.findMany({ where: { interviewId, kind }, orderBy: { toEmail: "asc" } });

describe("asking teammates to review", () => {
  it("emails each teammate the review link, plans a reminder the day before it is due, and opens the interview to a reviewer", async () => {
    setClock(AT);
    const org = await makeOrg("Review requests");
    const { interviewId, candidate } = await completed(org);
    const reviewer = await makeMember(org, Role.REVIEWER, "Noor Haddad");
    const recruiter = await makeMember(org, Role.RECRUITER, "Sam Second");
    const asReviewer = { userId: reviewer.userId, organizationId: org.organizationId, role: Role.REVIEWER };
    expect((await listInterviews(asReviewer, { when: "past", page: 1 })).rows).toEqual([]);

    const dueAt = addDays(AT, 3);
    expect(await requestReviews(asOwner(org), { interviewIds: [interviewId], reviewerIds: [reviewer.userId, recruiter.userId], dueAt })).toEqual({ asked: 2, alreadyAsked: 0, emailed: 2 });

    const requests = await emailsOf(interviewId, EmailKind.REVIEW_REQUESTED);
    expect(requests.map((e) => e.toEmail).sort()).toEqual([reviewer.email, recruiter.email].sort());
    const toNoor = requests.find((e) => e.toEmail === reviewer.email)!;
    expect(toNoor.subject).toBe(`Owner asks you to review ${candidate.name}'s interview`);
    expect(toNoor.html).toContain(`http://localhost:3000/interviews/${interviewId}`);
    expect(toNoor.text).toContain(`http://localhost:3000/interviews/${interviewId}`);
    // A reviewer never gets the candidate's address, in an email either.
    expect(`${toNoor.html}${toNoor.text}`).not.toContain(candidate.email);
    const reminders = await emailsOf(interviewId, EmailKind.REVIEW_REMINDER);
    expect(reminders).toHaveLength(2);
    for (const reminder of reminders) expect(reminder).toMatchObject({ composeOnSend: true, sendAfter: addHours(dueAt, -24), html: "" });

    expect((await listInterviews(asReviewer, { when: "past", page: 1 })).rows.map((r) => r.id)).toEqual([interviewId]);
    const event = await (await db()).auditEvent.findFirst({ where: { interviewId, type: "review.requested" } });
    expect(event?.data).toMatchObject({ reviewers: expect.arrayContaining(["Noor Haddad", "Sam Second"]), dueAt: dueAt.toISOString() });

    // Asking again emails no one twice.
    expect(await requestReviews(asOwner(org), { interviewIds: [interviewId], reviewerIds: [reviewer.userId], dueAt })).toEqual({ asked: 0, alreadyAsked: 1, emailed: 0 });
    expect(await emailsOf(interviewId, EmailKind.REVIEW_REQUESTED)).toHaveLength(2);
  });

  it("the reminder is withheld once the teammate has submitted their scorecard", async () => {
    setClock(AT);
    const org = await makeOrg("Reviewed in time");
    const { interviewId } = await completed(org);
    const reviewer = await makeMember(org, Role.REVIEWER);
    await requestReviews(asOwner(org), { interviewIds: [interviewId], reviewerIds: [reviewer.userId], dueAt: addDays(AT, 2) });
    const [reminder] = await emailsOf(interviewId, EmailKind.REVIEW_REMINDER);
    const asReviewer = { userId: reviewer.userId, organizationId: org.organizationId, role: Role.REVIEWER };
    await submitScorecard(asReviewer, interviewId, { recommendation: ScoreRecommendation.YES, comment: "" });
    expect((await interviewDelivery.compose!([{ ...reminder!, secret: null }])).get(reminder!.id)).toEqual({ withheld: "not sent: nothing is left to say" });
  });

  it("the reminder is composed when sent, and withheld once the teammate is gone", async () => {
    setClock(AT);
    const org = await makeOrg("Review reminder");
    const { interviewId } = await completed(org);
    const reviewer = await makeMember(org, Role.REVIEWER, "Noor Haddad");
    await requestReviews(asOwner(org), { interviewIds: [interviewId], reviewerIds: [reviewer.userId], dueAt: addDays(AT, 2) });
    const [reminder] = await emailsOf(interviewId, EmailKind.REVIEW_REMINDER);

    const claimed = { ...reminder!, secret: null };
    const composed = (await interviewDelivery.compose!([claimed])).get(reminder!.id);
    expect(composed).toMatchObject({ subject: expect.stringMatching(/^Reminder: your review of .+ is due by /) });
    expect((composed as { text: string }).text).toContain("You have not submitted your scorecard");

    await removeMember(asOwner(org), reviewer.userId);
    expect(await composeReviewReminder(await db(), { interviewId, toEmail: reviewer.email })).toBeNull();
    expect((await interviewDelivery.compose!([claimed])).get(reminder!.id)).toEqual({ withheld: "not sent: nothing is left to say" });
  });

  it("asked about several interviews at once, a teammate gets one email listing them, and one reminder of those still unscored", async () => {
    setClock(AT);
    const org = await makeOrg("Review digest");
    const three = [await completed(org), await completed(org), await completed(org)];
    const ids = three.map((i) => i.interviewId);
    for (const [i, name] of ["Ada One", "Bea Two", "Cy Three"].entries()) {
      await (await db()).candidate.update({ where: { id: three[i]!.candidate.id }, data: { name } });
      three[i]!.candidate.name = name;
    }
    const [noor, sam] = [await makeMember(org, Role.REVIEWER, "Noor Haddad"), await makeMember(org, Role.RECRUITER, "Sam Second")];
    const dueAt = addDays(AT, 3);
    expect(await requestReviews(asOwner(org), { interviewIds: ids, reviewerIds: [noor.userId, sam.userId], dueAt })).toEqual({ asked: 6, alreadyAsked: 0, emailed: 2 });

    const prisma = await db();
    const requests = await prisma.outboxEmail.findMany({ where: { interviewId: { in: ids }, kind: EmailKind.REVIEW_REQUESTED } });
    expect(requests.map((e) => e.toEmail).sort()).toEqual([noor.email, sam.email].sort());
    const toNoor = requests.find((e) => e.toEmail === noor.email)!;
    expect(toNoor.subject).toBe("Owner asks you to review 3 interviews");
    for (const { interviewId, candidate } of three) {
      expect(toNoor.html).toContain(`http://localhost:3000/interviews/${interviewId}`);
      expect(toNoor.text).toContain(candidate.name);
      expect(`${toNoor.html}${toNoor.text}`).not.toContain(candidate.email);
    }
    expect(toNoor.html).toContain("http://localhost:3000/interviews?when=mine");
    const reminders = await prisma.outboxEmail.findMany({ where: { interviewId: { in: ids }, kind: EmailKind.REVIEW_REMINDER, toEmail: noor.email } });
    expect(reminders).toHaveLength(1);

    // Noor scores the first: the reminder names the other two; once all three are in, it is withheld.
    const asNoor = { userId: noor.userId, organizationId: org.organizationId, role: Role.REVIEWER };
    await submitScorecard(asNoor, ids[0]!, { recommendation: ScoreRecommendation.YES, comment: "" });
    const claimed = { ...reminders[0]!, secret: null };
    const composed = (await interviewDelivery.compose!([claimed])).get(claimed.id) as { subject: string; text: string };
    expect(composed.subject).toMatch(/^Reminder: 2 reviews are due by /);
    expect(composed.text).not.toContain(three[0]!.candidate.name);
    for (const { candidate } of three.slice(1)) expect(composed.text).toContain(candidate.name);
    await submitScorecard(asNoor, ids[1]!, { recommendation: ScoreRecommendation.NO, comment: "" });
    expect(((await interviewDelivery.compose!([claimed])).get(claimed.id) as { subject: string }).subject).toMatch(/^Reminder: your review of .+ is due by /);
    await submitScorecard(asNoor, ids[2]!, { recommendation: ScoreRecommendation.YES, comment: "" });
    expect((await interviewDelivery.compose!([claimed])).get(claimed.id)).toEqual({ withheld: "not sent: nothing is left to say" });
  });

  it("plans no reminder for a review due within a day, and none without a date", async () => {
    setClock(AT);
    const org = await makeOrg("Review soon");
    const [soon, undated] = [await completed(org), await completed(org)];
    const reviewer = await makeMember(org, Role.REVIEWER);
    await requestReviews(asOwner(org), { interviewIds: [soon.interviewId], reviewerIds: [reviewer.userId], dueAt: addHours(AT, 23) });
    await requestReviews(asOwner(org), { interviewIds: [undated.interviewId], reviewerIds: [reviewer.userId], dueAt: null });
    for (const { interviewId } of [soon, undated]) {
      expect(await emailsOf(interviewId, EmailKind.REVIEW_REQUESTED)).toHaveLength(1);
      expect(await emailsOf(interviewId, EmailKind.REVIEW_REMINDER)).toEqual([]);
    }
  });

  it("refuses, writing nothing: a reviewer asking, an unfinished interview, another organisation's interview or teammate, a past date, no one chosen", async () => {
    setClock(AT);
    const [org, other] = [await makeOrg("Refusals"), await makeOrg("Elsewhere")];
    const { interviewId } = await completed(org);
    const { interviewId: scheduled } = await makeInterviewRow(org, InterviewStatus.SCHEDULED, addDays(AT, 1));
    const { interviewId: theirs } = await completed(other);
    const reviewer = await makeMember(org, Role.REVIEWER);
    const outsider = await makeMember(other, Role.REVIEWER);
    const ask = (by: Parameters<typeof requestReviews>[0], input: Partial<Parameters<typeof requestReviews>[1]>) =>
      requestReviews(by, { interviewIds: [interviewId], reviewerIds: [reviewer.userId], dueAt: addDays(AT, 3), ...input });

    await expect(ask({ userId: reviewer.userId, organizationId: org.organizationId, role: Role.REVIEWER }, {})).rejects.toBeInstanceOf(StateError);
    await expect(ask(asOwner(org), { interviewIds: [scheduled] })).rejects.toThrow("Only completed interviews can be reviewed.");
    await expect(ask(asOwner(org), { interviewIds: [interviewId, theirs] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(ask(asOwner(org), { reviewerIds: [reviewer.userId, outsider.userId] })).rejects.toMatchObject({ field: "reviewerIds" });
    await expect(ask(asOwner(org), { reviewerIds: [] })).rejects.toBeInstanceOf(FieldError);
    for (const dueAt of [AT, addHours(AT, -1)]) await expect(ask(asOwner(org), { dueAt })).rejects.toMatchObject({ field: "dueDate" });

    const prisma = await db();
    expect(await prisma.reviewRequest.count({ where: { interviewId: { in: [interviewId, scheduled, theirs] } } })).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { interviewId: { in: [interviewId, scheduled, theirs] } } })).toBe(0);
  });
});
