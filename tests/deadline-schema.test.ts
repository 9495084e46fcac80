import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { InterviewMode } from "@/lib/generated/prisma/enums";
import { makeInterviewRow, makeOrg } from "./support/factories";

// The deadline mode's columns: every row from before stays SCHEDULED with no deadline, and the
// database refuses a DEADLINE row it could never judge (no opening, no due date, or due first).
let org: Awaited<ReturnType<typeof makeOrg>>;
// The first database call migrates the in-memory database: in a hook, whose time limit allows for it.
beforeAll(async () => {
  org = await makeOrg("Deadline schema");
});

describe("InterviewMode columns", () => {
  it("leaves an interview and a job written without them SCHEDULED, with 7 days as the job's default", async () => {
    const { interviewId, job } = await makeInterviewRow(org);
    const prisma = await db();
    expect(await prisma.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { mode: true, opensAt: true, dueAt: true } })).toEqual({
      mode: InterviewMode.SCHEDULED,
      opensAt: null,
      dueAt: null,
    });
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id }, select: { defaultInterviewMode: true, defaultDaysToComplete: true } })).toEqual({
      defaultInterviewMode: InterviewMode.SCHEDULED,
      defaultDaysToComplete: 7,
    });
  });

  it.each([
    ["without a due date", { opensAt: new Date("2026-12-01T09:00:00Z"), dueAt: null }],
    ["without an opening", { opensAt: null, dueAt: new Date("2026-12-05T17:00:00Z") }],
    ["due when it opens", { opensAt: new Date("2026-12-01T09:00:00Z"), dueAt: new Date("2026-12-01T09:00:00Z") }],
    ["due before it opens", { opensAt: new Date("2026-12-01T09:00:00Z"), dueAt: new Date("2026-11-30T09:00:00Z") }],
  ])("refuses a DEADLINE interview %s", async (_label, window) => {
    const { interviewId } = await makeInterviewRow(org);
    const prisma = await db();
    await expect(prisma.interview.update({ where: { id: interviewId }, data: { mode: InterviewMode.DEADLINE, ...window } })).rejects.toThrow(/Interview_deadline_window/);
    expect((await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } })).mode).toBe(InterviewMode.SCHEDULED);
  });

  it("takes a DEADLINE interview due after it opens", async () => {
    const { interviewId } = await makeInterviewRow(org);
    const prisma = await db();
    const window = { opensAt: new Date("2026-12-01T09:00:00Z"), dueAt: new Date("2026-12-01T09:00:01Z") };
    await prisma.interview.update({ where: { id: interviewId }, data: { mode: InterviewMode.DEADLINE, ...window } });
    expect(await prisma.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { mode: true, opensAt: true, dueAt: true } })).toEqual({ mode: InterviewMode.DEADLINE, ...window });
  });
});
