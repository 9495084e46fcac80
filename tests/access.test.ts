import { addMinutes, addSeconds } from "date-fns";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { now, setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { EmailKind, InterviewStatus } from "@/lib/generated/prisma/enums";
import { resolveAccess } from "@/lib/interviews/candidate/access";
import { cancelInterview } from "@/lib/interviews/recruiter/manage";
import { scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import { newSecretToken } from "@/lib/tokens";
import { anotherCandidate, makeSchedulingOrg, scheduleInput } from "./support/factories";
import { linkKeyOf } from "./support/interviews";

const T0 = new Date("2026-06-01T08:00:00.000Z");
const START = new Date("2026-06-01T12:00:00.000Z");

let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
/** One interview at START with the default 15/15-minute window, and its key. */
let main: { interviewId: string; key: string; sessionId: string; keyHash: string };

beforeAll(async () => {
  org = await makeSchedulingOrg("Access");
  main = await scheduled();
});
afterEach(() => setClock(null));

async function scheduled(start = START) {
  setClock(T0);
  try {
    const prisma = await db();
    const { id: candidateId } = await anotherCandidate(org);
    const { interviewId } = await scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: candidateId }, { scheduledAt: start }));
    const invitation = await prisma.outboxEmail.findFirstOrThrow({ where: { interviewId, kind: EmailKind.INVITATION } });
    const session = await prisma.interviewSession.findFirstOrThrow({ where: { interviewId } });
    return { interviewId, key: linkKeyOf(invitation), sessionId: session.id, keyHash: session.keyHash };
  } finally {
    setClock(null);
  }
}

async function setStatus(interviewId: string, status: InterviewStatus) {
  const prisma = await db();
  await prisma.interview.update({ where: { id: interviewId }, data: { status } });
}

describe("resolveAccess with a malformed or unknown key", () => {
  it.each([
    ["nothing", undefined],
    ["null", null],
    ["a number", 42],
    ["an array of the key", () => [main.key]],
    ["an empty string", ""],
    ["42 characters", () => main.key.slice(0, 42)],
    ["44 characters", () => `${main.key}A`],
    ["the key with whitespace around it", () => ` ${main.key} `],
    ["43 unicode characters", "ü".repeat(43)],
    ["43 characters with one emoji", () => `${main.key.slice(0, 41)}😀`],
    ["SQL padded to 43 characters", "' OR 1=1 --".padEnd(43, "A")],
    ["standard base64 (+ and /)", () => `${main.key.slice(0, 41)}+/`],
    ["the session's keyHash itself", () => main.keyHash],
    ["the first 43 characters of the keyHash", () => main.keyHash.slice(0, 43)],
  ])("%s → invalid, without throwing", async (_label, value) => {
    const key = typeof value === "function" ? value() : value;
    await expect(resolveAccess(key, START)).resolves.toEqual({ state: "invalid" });
  });

  it("a well-formed key nobody issued → invalid", async () => {
    const key = newSecretToken();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await resolveAccess(key, START)).toEqual({ state: "invalid" });
  });

  it("the real key still opens (so the cases above fail for the key, not the setup)", async () => {
    expect(await resolveAccess(main.key, START)).toEqual({ state: "open", interviewId: main.interviewId, sessionId: main.sessionId });
  });
});

describe("resolveAccess at the window's edges (15 minutes either side)", () => {
  const opensAt = addMinutes(START, -15);
  const closesAt = addMinutes(START, 15);

  it.each([
    ["long before", "too_early", addMinutes(START, -120)],
    ["1 s before it opens", "too_early", addSeconds(opensAt, -1)],
    ["the moment it opens", "open", opensAt],
    ["the start", "open", START],
    ["the moment it closes", "open", closesAt],
    ["1 s after it closes", "expired", addSeconds(closesAt, 1)],
    ["the next day", "expired", addMinutes(START, 24 * 60)],
  ] as const)("%s → %s", async (_label, state, at) => {
    setClock(at);
    const access = await resolveAccess(main.key, now());
    expect(access.state).toBe(state);
    if (access.state === "too_early") expect(access).toEqual({ state, opensAt, startsAt: START });
    if (access.state === "open") expect(access).toEqual({ state, interviewId: main.interviewId, sessionId: main.sessionId });
  });

  it("uses the interview's own window lengths", async () => {
    const custom = await scheduled(addMinutes(START, 240));
    const prisma = await db();
    await prisma.interview.update({ where: { id: custom.interviewId }, data: { opensMinutesBefore: 0, closesMinutesAfter: 90 } });
    const start = addMinutes(START, 240);
    expect((await resolveAccess(custom.key, addSeconds(start, -1))).state).toBe("too_early");
    expect(await resolveAccess(custom.key, addSeconds(start, -1))).toMatchObject({ opensAt: start, startsAt: start });
    expect((await resolveAccess(custom.key, start)).state).toBe("open");
    expect((await resolveAccess(custom.key, addMinutes(start, 90))).state).toBe("open");
    expect((await resolveAccess(custom.key, addSeconds(addMinutes(start, 90), 1))).state).toBe("expired");
  });
});

describe("resolveAccess by interview status", () => {
  it("IN_PROGRESS → in_progress, even long after the window", async () => {
    const { interviewId, key, sessionId } = await scheduled();
    await setStatus(interviewId, InterviewStatus.IN_PROGRESS);
    for (const at of [addMinutes(START, -60), START, addMinutes(START, 16), addMinutes(START, 24 * 60)]) {
      expect(await resolveAccess(key, at)).toEqual({ state: "in_progress", interviewId, sessionId });
    }
  });

  it("COMPLETED → completed, inside the window too", async () => {
    const { interviewId, key } = await scheduled();
    await setStatus(interviewId, InterviewStatus.COMPLETED);
    expect(await resolveAccess(key, START)).toMatchObject({ state: "completed" });
  });

  it("EXPIRED → expired, inside the window too", async () => {
    const { interviewId, key } = await scheduled();
    await setStatus(interviewId, InterviewStatus.EXPIRED);
    expect(await resolveAccess(key, START)).toMatchObject({ state: "expired" });
  });

  it("revoked without a replacement (a cancelled interview) → cancelled", async () => {
    const { interviewId, key } = await scheduled();
    setClock(T0);
    await cancelInterview(org.scheduler, interviewId);
    const prisma = await db();
    const session = await prisma.interviewSession.findFirstOrThrow({ where: { interviewId } });
    expect(session).toMatchObject({ replacedById: null, revokedAt: T0 });
    for (const at of [T0, START]) expect(await resolveAccess(key, at)).toEqual({ state: "cancelled" });
  });

  it("revoked without a replacement on a scheduled interview → invalid, like an unknown key", async () => {
    const { interviewId, key } = await scheduled();
    const prisma = await db();
    await prisma.interviewSession.updateMany({ where: { interviewId }, data: { revokedAt: T0 } });
    expect(await resolveAccess(key, START)).toEqual({ state: "invalid" });
  });
});
