import { addDays, addHours, addMilliseconds, addMinutes } from "date-fns";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { EmailKind, Role, WebhookDeliveryStatus } from "@/lib/generated/prisma/enums";
import { cancelInterview } from "@/lib/interviews/recruiter/manage";
import { scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import { recordEvent, SYSTEM } from "@/lib/interviews/audit";
import { deleteCandidate } from "@/lib/candidates";
import { createEndpoint, deleteEndpoint, findEndpoint, rotateSecret, updateEndpoint } from "@/lib/webhooks/endpoints";
import { listDeliveries, redeliver, sendTestEvent } from "@/lib/webhooks/deliveries";
import { BACKOFF, GIVE_UP_AFTER_MS, LEASE_MS, sendDueWebhooks } from "@/lib/webhooks/sender";
import { anotherCandidate, makeMember, makeSchedulingOrg, scheduleInput } from "./support/factories";
import { startReceiver, verifyAt } from "./support/webhook-receiver";

const T0 = new Date("2026-06-01T08:00:00.000Z");
const START = new Date("2026-06-03T14:00:00.000Z");

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  // Tests share one database: what earlier tests left queued is not this test's to send.
  await (await db()).webhookDelivery.updateMany({ where: { status: { in: [WebhookDeliveryStatus.PENDING, WebhookDeliveryStatus.SENDING] } }, data: { status: WebhookDeliveryStatus.FAILED } });
  setClock(T0);
  receiver.received.length = 0;
  receiver.answer((_r, res) => res.end("ok"));
});
afterEach(() => setClock(null));

/** An organisation with one endpoint on the receiver, subscribed to `events`. */
async function orgWithEndpoint(events: string[] = ["interview.scheduled", "interview.cancelled", "candidate.deleted"], url = receiver.url) {
  const org = await makeSchedulingOrg("Webhooks");
  const actor = { userId: org.ownerId, organizationId: org.organizationId };
  const { id, secret } = await createEndpoint(actor, { url, description: "ATS", events });
  return { org, actor, endpointId: id, secret };
}

async function schedule(org: Awaited<ReturnType<typeof makeSchedulingOrg>>) {
  const candidate = await anotherCandidate(org);
  return scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: candidate.id }, { scheduledAt: START }));
}

async function deliveriesOf(endpointId: string) {
  return (await db()).webhookDelivery.findMany({ where: { endpointId }, include: { event: true, attemptLog: { orderBy: { at: "asc" } } }, orderBy: { createdAt: "asc" } });
}

describe("events are queued with the change that causes them", () => {
  it("scheduling commits a signed interview.scheduled event the receiver verifies with standardwebhooks", async () => {
    const { org, endpointId, secret } = await orgWithEndpoint();
    const { interviewId } = await schedule(org);
    const [delivery] = await deliveriesOf(endpointId);
    expect(delivery).toMatchObject({ status: WebhookDeliveryStatus.PENDING, event: { type: "interview.scheduled" } });

    expect(await sendDueWebhooks()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(receiver.received).toHaveLength(1);
    const request = receiver.received[0];
    const verified = verifyAt(secret, request, T0) as { id: string; type: string; created_at: string; data: { interview: unknown; job: unknown; candidate: unknown } };
    expect(verified).toMatchObject({ id: delivery.eventId, type: "interview.scheduled", created_at: T0.toISOString() });
    expect(request.headers["webhook-id"]).toBe(delivery.eventId);
    expect(verified.data.interview).toMatchObject({ id: interviewId, status: "scheduled", external_id: null, metadata: null });
    expect(verified.data.job).toEqual({ id: org.job.id, title: org.job.title });
    expect(verified.data.candidate).toMatchObject({ name: expect.any(String), email: expect.stringContaining("@") });
    // The session key (a link's secret) is nowhere in what an ATS receives.
    const prisma = await db();
    const invitation = await prisma.outboxEmail.findFirstOrThrow({ where: { interviewId, kind: EmailKind.INVITATION } });
    expect(invitation.secret).toBeTruthy();
    expect(request.body).not.toContain(invitation.secret!);

    const after = await deliveriesOf(endpointId);
    expect(after[0]).toMatchObject({ status: WebhookDeliveryStatus.DELIVERED, attempts: 1, lastResponseCode: 200 });
    expect(after[0].attemptLog[0]).toMatchObject({ statusCode: 200, responseBody: "ok", error: null });
  });

  it("a tampered body and a stale timestamp fail verification", async () => {
    const { org, secret } = await orgWithEndpoint();
    await schedule(org);
    await sendDueWebhooks();
    const request = receiver.received[0];
    expect(() => verifyAt(secret, request, T0, request.body.replace("interview.scheduled", "interview.cancelled"))).toThrow(/signature/i);
    expect(() => verifyAt(secret, request, addMinutes(T0, 10))).toThrow(/timestamp/i);
    expect(() => verifyAt(secret, request, T0)).not.toThrow();
  });

  it("a change that rolls back leaves no event, and an unsubscribed type or another organisation queues none", async () => {
    const { org, endpointId } = await orgWithEndpoint(["interview.cancelled"]);
    const prisma = await db();
    const { interviewId } = await schedule(org); // not subscribed: nothing queued
    expect(await deliveriesOf(endpointId)).toHaveLength(0);
    await expect(
      prisma.$transaction(async (tx) => {
        await recordEvent(tx, { organizationId: org.organizationId, interviewId, actor: SYSTEM, type: "interview.cancelled" });
        expect(await tx.webhookDelivery.count({ where: { endpointId } })).toBe(1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await deliveriesOf(endpointId)).toHaveLength(0);
    expect(await prisma.webhookEvent.count({ where: { organizationId: org.organizationId } })).toBe(0);

    const other = await makeSchedulingOrg("Other");
    await cancelInterview(other.scheduler, (await schedule(other)).interviewId);
    expect(await deliveriesOf(endpointId)).toHaveLength(0);

    await cancelInterview(org.scheduler, interviewId);
    const [cancelled] = await deliveriesOf(endpointId);
    expect(JSON.parse(cancelled.event.payload)).toMatchObject({ type: "interview.cancelled", data: { interview: { id: interviewId, status: "cancelled" } } });
  });

  it("deleting a candidate commits candidate.deleted with their ids, external_id and metadata", async () => {
    const { org, endpointId } = await orgWithEndpoint(["candidate.deleted"]);
    const candidate = await anotherCandidate(org);
    const prisma = await db();
    await prisma.candidate.update({ where: { id: candidate.id }, data: { externalId: "gh-42", metadata: { stage: "onsite" } } });
    await deleteCandidate(org.organizationId, candidate.id);
    const [delivery] = await deliveriesOf(endpointId);
    expect(JSON.parse(delivery.event.payload)).toMatchObject({
      type: "candidate.deleted",
      data: { candidate: { id: candidate.id, external_id: "gh-42", metadata: { stage: "onsite" } }, interview_ids: [] },
    });
  });

  it("a transcript.ready audit event commits transcript.ready with the answer, its question's number and how it ended", async () => {
    const { org, endpointId } = await orgWithEndpoint(["transcript.ready"]);
    const { interviewId } = await schedule(org);
    const prisma = await db();
    const answerId = "cm0000000000000000000answ1";
    await prisma.$transaction(async (tx) => {
      await recordEvent(tx, { organizationId: org.organizationId, interviewId, actor: SYSTEM, type: "transcript.ready", data: { answerId, number: 2, status: "done" } });
    });
    // A rolled-back transaction queues nothing.
    await expect(
      prisma.$transaction(async (tx) => {
        await recordEvent(tx, { organizationId: org.organizationId, interviewId, actor: SYSTEM, type: "transcript.ready", data: { answerId, number: 2, status: "failed" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const deliveries = await deliveriesOf(endpointId);
    expect(deliveries).toHaveLength(1);
    const payload = JSON.parse(deliveries[0].event.payload);
    expect(payload).toMatchObject({
      type: "transcript.ready",
      data: { answer_id: answerId, question_number: 2, status: "done", interview: { id: interviewId, status: "scheduled" }, job: { id: org.job.id }, candidate: { email: expect.stringContaining("@") } },
    });
    // The audit event's camelCase names are not passed on beside the snake_case ones.
    expect(payload.data).not.toHaveProperty("answerId");
  });
});

describe("retries, 410 and giving up", () => {
  it("retries a 500 with backoff on the injected clock, with the same event id, until a 2xx", async () => {
    const { org, endpointId, secret } = await orgWithEndpoint();
    receiver.answer((_r, res) => {
      res.statusCode = 500;
      res.end("upstream down");
    });
    await schedule(org);
    expect(await sendDueWebhooks()).toMatchObject({ retried: 1 });
    let [delivery] = await deliveriesOf(endpointId);
    expect(delivery).toMatchObject({ status: WebhookDeliveryStatus.PENDING, attempts: 1, lastResponseCode: 500 });
    // First backoff: 5 s with 50–100 % jitter.
    const wait = delivery.nextAttemptAt.getTime() - T0.getTime();
    expect(wait).toBeGreaterThanOrEqual(BACKOFF.baseMs / 2);
    expect(wait).toBeLessThanOrEqual(BACKOFF.baseMs);
    expect(await sendDueWebhooks()).toMatchObject({ claimed: 0 }); // not due yet

    const t1 = addMilliseconds(delivery.nextAttemptAt, 1);
    setClock(t1);
    await sendDueWebhooks();
    [delivery] = await deliveriesOf(endpointId);
    expect(delivery.attempts).toBe(2);
    expect(delivery.nextAttemptAt.getTime() - t1.getTime()).toBeGreaterThanOrEqual(BACKOFF.baseMs); // doubled: 10 s × 50–100 %

    receiver.answer((_r, res) => res.end("fine"));
    const t2 = addMilliseconds(delivery.nextAttemptAt, 1);
    setClock(t2);
    await sendDueWebhooks();
    [delivery] = await deliveriesOf(endpointId);
    expect(delivery).toMatchObject({ status: WebhookDeliveryStatus.DELIVERED, attempts: 3 });
    expect(delivery.attemptLog.map((a) => a.statusCode)).toEqual([500, 500, 200]);
    expect(delivery.attemptLog[0].responseBody).toBe("upstream down");
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([delivery.eventId]));
    // Each attempt is signed afresh, with its own timestamp.
    expect(() => verifyAt(secret, receiver.received[2], t2)).not.toThrow();
    expect((await findEndpoint({ userId: org.ownerId, organizationId: org.organizationId }, endpointId)).failingSince).toBeNull();
  });

  it("a receiver that times out is retried", async () => {
    const { org, endpointId } = await orgWithEndpoint();
    receiver.answer(() => {}); // never answers
    await schedule(org);
    expect(await sendDueWebhooks({ timeoutMs: 300 })).toMatchObject({ retried: 1 });
    const [delivery] = await deliveriesOf(endpointId);
    expect(delivery).toMatchObject({ status: WebhookDeliveryStatus.PENDING, lastResponseCode: null, lastError: "timed out after 300 ms" });
    expect(delivery.attemptLog[0]).toMatchObject({ statusCode: null });
  });

  it("a 410 disables the endpoint at once, without emailing anyone", async () => {
    const { org, endpointId, actor } = await orgWithEndpoint();
    receiver.answer((_r, res) => {
      res.statusCode = 410;
      res.end();
    });
    await schedule(org);
    await schedule(org);
    expect(await sendDueWebhooks({ limit: 1 })).toMatchObject({ failed: 1 });
    const endpoint = await findEndpoint(actor, endpointId);
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("410") });
    const deliveries = await deliveriesOf(endpointId);
    expect(deliveries.map((d) => d.status)).toEqual([WebhookDeliveryStatus.FAILED, WebhookDeliveryStatus.FAILED]);
    expect(receiver.received).toHaveLength(1); // the second was never sent
    // Disabled: new events are not queued for it, and redelivering is refused until it is enabled.
    await schedule(org);
    expect(await deliveriesOf(endpointId)).toHaveLength(2);
    await expect(redeliver(actor, deliveries[0].id)).rejects.toThrow(/Enable the endpoint/);
    expect(await (await db()).outboxEmail.count({ where: { organizationId: org.organizationId, kind: EmailKind.WEBHOOK_DISABLED } })).toBe(0);
  });

  it("an endpoint failing for 3 days is disabled and its owners and admins are emailed once", async () => {
    const { org, endpointId, actor } = await orgWithEndpoint();
    const admin = await makeMember(org, Role.ADMIN);
    await makeMember(org, Role.RECRUITER);
    receiver.answer((_r, res) => {
      res.statusCode = 503;
      res.end();
    });
    await schedule(org);
    let at = T0;
    for (let i = 0; i < 200; i++) {
      const [delivery] = await deliveriesOf(endpointId);
      if (delivery.status !== WebhookDeliveryStatus.PENDING) break;
      at = addMilliseconds(delivery.nextAttemptAt, 1);
      setClock(at);
      await sendDueWebhooks();
    }
    const [delivery] = await deliveriesOf(endpointId);
    expect(delivery.status).toBe(WebhookDeliveryStatus.FAILED);
    expect(delivery.lastError).toMatch(/^gave up after 3 days: HTTP 503/);
    expect(at.getTime() - T0.getTime()).toBeGreaterThanOrEqual(GIVE_UP_AFTER_MS);
    expect(at.getTime() - T0.getTime()).toBeLessThan(GIVE_UP_AFTER_MS + BACKOFF.capMs + 1000);
    expect(delivery.attemptLog.length).toBeGreaterThan(60);
    expect(await findEndpoint(actor, endpointId)).toMatchObject({ enabled: false, disabledReason: "It failed every delivery for 3 days." });
    const emails = await (await db()).outboxEmail.findMany({ where: { organizationId: org.organizationId, kind: EmailKind.WEBHOOK_DISABLED }, select: { toEmail: true, text: true } });
    expect(emails.map((e) => e.toEmail).sort()).toEqual([org.ownerEmail, admin.email].sort());
    expect(emails[0].text).toContain(receiver.url);
    // One email each, however many more failures there are.
    setClock(addDays(at, 1));
    await sendDueWebhooks();
    expect(await (await db()).outboxEmail.count({ where: { organizationId: org.organizationId, kind: EmailKind.WEBHOOK_DISABLED } })).toBe(2);
  });
});

describe("who may manage endpoints", () => {
  it("another organisation's owner and a recruiter or reviewer of this one are told 'not found' by every function, and nothing changes", async () => {
    const { org, endpointId, actor } = await orgWithEndpoint();
    const other = await makeSchedulingOrg("Other");
    const recruiter = await makeMember(org, Role.RECRUITER);
    const reviewer = await makeMember(org, Role.REVIEWER);
    const before = await findEndpoint(actor, endpointId);
    for (const outsider of [
      { userId: other.ownerId, organizationId: other.organizationId },
      { userId: recruiter.id, organizationId: org.organizationId },
      { userId: reviewer.id, organizationId: org.organizationId },
      // A user of another organisation naming this one: the session decides the organisation, never the caller.
      { userId: other.ownerId, organizationId: org.organizationId },
    ]) {
      await expect(findEndpoint(outsider, endpointId)).rejects.toThrow(/not found/);
      await expect(updateEndpoint(outsider, endpointId, { enabled: false })).rejects.toThrow(/not found/);
      await expect(rotateSecret(outsider, endpointId)).rejects.toThrow(/not found/);
      await expect(sendTestEvent(outsider, endpointId)).rejects.toThrow(/not found/);
      await expect(listDeliveries(outsider, endpointId)).rejects.toThrow(/not found/);
      await expect(deleteEndpoint(outsider, endpointId)).rejects.toThrow(/not found/);
      // Another organisation's owner may of course create endpoints in their own organisation.
      if (outsider.organizationId === org.organizationId) {
        await expect(createEndpoint(outsider, { url: receiver.url, description: "", events: ["interview.scheduled"] })).rejects.toThrow(/not found/);
      }
    }
    expect(await (await db()).webhookEndpoint.count({ where: { organizationId: org.organizationId } })).toBe(1);
    expect(await findEndpoint(actor, endpointId)).toEqual(before);
    expect(await deliveriesOf(endpointId)).toHaveLength(0);
  });

  it("refuses a URL or events it cannot use, on the field", async () => {
    const { actor } = await orgWithEndpoint();
    await expect(createEndpoint(actor, { url: "ftp://example.com", description: "", events: ["interview.scheduled"] })).rejects.toMatchObject({ field: "url" });
    await expect(createEndpoint(actor, { url: receiver.url, description: "", events: [] })).rejects.toMatchObject({ field: "events" });
    await expect(createEndpoint(actor, { url: receiver.url, description: "", events: ["interview.exploded"] })).rejects.toMatchObject({ field: "events" });
  });
});

describe("a sender that dies", () => {
  it("loses nothing: a claimed delivery whose sender died is claimed again after its lease, with the same event id", async () => {
    const { org, endpointId, secret } = await orgWithEndpoint();
    await schedule(org);
    const prisma = await db();
    // A sender claimed it (SENDING, leased) and died before recording anything.
    const [queued] = await deliveriesOf(endpointId);
    await prisma.webhookDelivery.update({ where: { id: queued.id }, data: { status: WebhookDeliveryStatus.SENDING, attempts: 1, leaseUntil: addMilliseconds(T0, LEASE_MS) } });
    expect(await sendDueWebhooks()).toMatchObject({ claimed: 0 }); // still leased
    const later = addMilliseconds(T0, LEASE_MS + 1);
    setClock(later);
    expect(await sendDueWebhooks()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([queued.eventId]);
    expect(() => verifyAt(secret, receiver.received[0], later)).not.toThrow();
    expect((await deliveriesOf(endpointId))[0]).toMatchObject({ status: WebhookDeliveryStatus.DELIVERED, attempts: 2 });
  });
});

describe("rotation, test events and redelivery", () => {
  it("signs with the old and the new secret for 24 hours, then with the new alone", async () => {
    const { org, actor, endpointId, secret: oldSecret } = await orgWithEndpoint();
    const { secret: newSecret } = await rotateSecret(actor, endpointId);
    expect(newSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await schedule(org);
    await sendDueWebhooks();
    const during = receiver.received[0];
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(() => verifyAt(oldSecret, during, T0)).not.toThrow();
    expect(() => verifyAt(newSecret, during, T0)).not.toThrow();

    const later = addHours(T0, 25);
    setClock(later);
    await sendTestEvent(actor, endpointId);
    await sendDueWebhooks();
    const after = receiver.received[1];
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(() => verifyAt(newSecret, after, later)).not.toThrow();
    expect(() => verifyAt(oldSecret, after, later)).toThrow(/signature/i);
    expect(JSON.parse(after.body)).toMatchObject({ type: "webhook.test" });
  });

  it("redeliver sends the same event id again", async () => {
    const { org, actor, endpointId } = await orgWithEndpoint();
    await schedule(org);
    await sendDueWebhooks();
    const [delivery] = await deliveriesOf(endpointId);
    await redeliver(actor, delivery.id);
    await sendDueWebhooks();
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([delivery.eventId, delivery.eventId]);
    expect((await deliveriesOf(endpointId))[0]).toMatchObject({ status: WebhookDeliveryStatus.DELIVERED, attempts: 2 });
    // Another organisation's delivery id is "not found".
    const other = await makeSchedulingOrg("Other");
    await expect(redeliver({ userId: other.ownerId, organizationId: other.organizationId }, delivery.id)).rejects.toThrow(/not found/);
  });
});
