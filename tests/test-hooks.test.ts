import { randomUUID } from "node:crypto";
import { addDays } from "date-fns";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { wakeDispatcher } from "@/lib/background";
import { EmailKind, EmailStatus } from "@/lib/generated/prisma/enums";
import { anotherCandidate, makeSchedulingOrg } from "./support/factories";
import { findSessionMember } from "@/lib/accounts/members";

// The route hands its post-commit work to next/server's after(), which needs a request scope:
// capture the callback instead, to check it is the dispatcher's wake.
const afterCallbacks: Array<() => unknown> = [];
vi.mock("next/server", () => ({ after: (callback: () => unknown) => void afterCallbacks.push(callback) }));
const { POST } = await import("@/app/api/test/schedule/route");

let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
beforeAll(async () => {
  org = await makeSchedulingOrg("Test hooks");
});
afterEach(() => {
  delete process.env.KAIROS_TEST_HOOKS;
  delete process.env.KAIROS_TEST_WAKE_DELAY_MS;
  afterCallbacks.length = 0;
});

const request = (body: unknown) => new Request("http://127.0.0.1/api/test/schedule", { method: "POST", body: JSON.stringify(body) });
// A candidate of its own per request: a candidate has at most one open interview per job.
const valid = async () => ({
  organizationId: org.organizationId,
  userId: org.ownerId,
  jobId: org.job.id,
  candidateId: (await anotherCandidate(org)).id,
  requestToken: randomUUID(),
  scheduledAt: addDays(new Date(), 2).toISOString(),
});

describe("POST /api/test/schedule", () => {
  it("does not exist without KAIROS_TEST_HOOKS=1, and schedules nothing", async () => {
    const input = await valid();
    const response = await POST(request(input));
    expect(response.status).toBe(404);
    const prisma = await db();
    expect(await prisma.interview.count({ where: { organizationId: org.organizationId, requestToken: input.requestToken } })).toBe(0);
    expect(afterCallbacks).toHaveLength(0);
  });

  it("schedules through scheduleInterview and wakes the dispatcher after the response, as the server action does", async () => {
    process.env.KAIROS_TEST_HOOKS = "1";
    const input = await valid();
    const response = await POST(request(input));
    expect(response.status).toBe(201);
    const { interviewId, created } = (await response.json()) as { interviewId: string; created: boolean };
    expect(created).toBe(true);
    const prisma = await db();
    const invitation = await prisma.outboxEmail.findFirstOrThrow({ where: { interviewId, kind: EmailKind.INVITATION } });
    expect(invitation.status).toBe(EmailStatus.PENDING);
    expect(afterCallbacks).toEqual([wakeDispatcher]);

    // The same request token again: the same interview, as a resubmitted form.
    const again = await POST(request(input));
    expect(again.status).toBe(200);
    expect(((await again.json()) as { interviewId: string }).interviewId).toBe(interviewId);
  });

  it("holds the wake back by KAIROS_TEST_WAKE_DELAY_MS, only with test hooks on", async () => {
    process.env.KAIROS_TEST_HOOKS = "1";
    process.env.KAIROS_TEST_WAKE_DELAY_MS = "60000";
    expect((await POST(request(await valid()))).status).toBe(201);
    expect(afterCallbacks).toHaveLength(1);
    expect(afterCallbacks[0]).not.toBe(wakeDispatcher);
  });

  it("refuses a malformed body and another organisation's job", async () => {
    process.env.KAIROS_TEST_HOOKS = "1";
    expect((await POST(request({ organizationId: org.organizationId }))).status).toBe(400);
    const other = await makeSchedulingOrg("Test hooks other");
    expect((await POST(request({ ...(await valid()), jobId: other.job.id }))).status).toBe(422);
    expect(afterCallbacks).toHaveLength(0);
  });
});

const { POST: addMember } = await import("@/app/api/test/members/route");

describe("POST /api/test/members", () => {
  const post = (body: unknown) => addMember(new Request("http://127.0.0.1/api/test/members", { method: "POST", body: JSON.stringify(body) }));
  const member = () => ({ ownerEmail: org.ownerEmail, role: "REVIEWER", name: "Rita Reviewer", email: `rita-${randomUUID()}@example.test`, password: "reviewer-password" });

  it("does not exist without KAIROS_TEST_HOOKS=1, and adds no one", async () => {
    const input = member();
    expect((await post(input)).status).toBe(404);
    expect(await (await db()).user.count({ where: { email: input.email } })).toBe(0);
  });

  it("adds a member with the role to the owner's organisation, signed in; an unknown owner or role is refused", async () => {
    process.env.KAIROS_TEST_HOOKS = "1";
    const input = member();
    const response = await post(input);
    expect(response.status).toBe(201);
    const { userId, sessionId } = (await response.json()) as { userId: string; sessionId: string };
    expect(await findSessionMember(userId, sessionId)).toMatchObject({ role: "REVIEWER", organizationId: org.organizationId, email: input.email });
    expect((await post({ ...member(), ownerEmail: `nobody-${randomUUID()}@example.test` })).status).toBe(404);
    expect((await post({ ...member(), role: "SUPERUSER" })).status).toBe(400);
  });
});
