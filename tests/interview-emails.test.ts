import { addDays } from "date-fns";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { EmailKind, EmailStatus } from "@/lib/generated/prisma/enums";
import { rescheduleInterview } from "@/lib/interviews/recruiter/manage";
import { findInterview } from "@/lib/interviews/recruiter/queries";
import { makeSchedulingOrg } from "./support/factories";
import { scheduleAt } from "./support/interviews";

// Dates after every other file's sweeps on a shared PostgreSQL (see tests/candidate.test.ts).
const START = new Date("2032-06-07T09:00:00.000Z");

let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
beforeAll(async () => {
  org = await makeSchedulingOrg("Email order");
});
afterEach(() => setClock(null));

describe("the Emails table on an interview's page", () => {
  it("lists emails queued together in a fixed order: the invitation, then the reminders by when they go out", async () => {
    const { interviewId } = await scheduleAt(org, START);
    const prisma = await db();
    // The invitation goes out (the dispatcher rewrites its row); its reminders wait.
    await prisma.outboxEmail.updateMany({ where: { interviewId, kind: EmailKind.INVITATION }, data: { status: EmailStatus.SENT, sentAt: addDays(START, -2) } });
    const interview = await findInterview(org.organizationId, interviewId);
    expect(interview!.emails.map((e) => e.kind)).toEqual([EmailKind.INVITATION, EmailKind.REMINDER_24H, EmailKind.REMINDER_1H]);
  });

  it("after a reschedule lists the new time before its reminders, after the emails it replaced", async () => {
    const { interviewId } = await scheduleAt(org, START);
    setClock(addDays(START, -1.5));
    await rescheduleInterview(org.scheduler, interviewId, { scheduledAt: addDays(START, 1), durationMinutes: 30 });
    setClock(null);
    const prisma = await db();
    await prisma.outboxEmail.updateMany({ where: { interviewId, kind: EmailKind.RESCHEDULED }, data: { status: EmailStatus.SENT, sentAt: addDays(START, -1.5) } });
    const interview = await findInterview(org.organizationId, interviewId);
    expect(interview!.emails.map((e) => e.kind)).toEqual([
      EmailKind.INVITATION,
      EmailKind.REMINDER_24H,
      EmailKind.REMINDER_1H,
      EmailKind.RESCHEDULED,
      EmailKind.REMINDER_24H,
      EmailKind.REMINDER_1H,
    ]);
  });
});
