import { addDays, addHours, addMilliseconds, addMinutes, addSeconds } from "date-fns";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { now, setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { dispatchDue, drainOutbox, LEASE_MS } from "@/lib/email/dispatcher";
import type { Attachment } from "@/lib/email/outbox";
import { reserveSendSlot, slotSpacingMs, waitForSlot } from "@/lib/email/pace";
import { devMailboxTransport, resendTransport, type SendResult, type Transport } from "@/lib/email/transports";
import { cancelPendingEmails } from "@/lib/email/outbox";
import { DeliveryState, EmailKind, EmailStatus, InterviewStatus } from "@/lib/generated/prisma/enums";
import { interviewUrl } from "@/lib/interviews/model/session-keys";
import { makeInterviewRow, makeOrg } from "./support/factories";
import { expectScrubbed, icsText } from "./support/interviews";
import {
  auditEvents,
  countAccepted,
  dispatchAt,
  dispatchWindows,
  emailRow,
  emailRows,
  holdDispatchLock,
  queueCancellation,
  queueEmail,
  queueEmails,
  queueInvitation,
  stubbedResend,
} from "./support/outbox";
import { randomFaults, rollingRateLimit, type ResendStub } from "@/scripts/support/resend-stub";
import { interviewDelivery } from "@/lib/interviews/delivery";

// Every test dispatches inside its own window before 1970: see tests/support/outbox.ts.
const nextWindow = dispatchWindows(new Date("1969-12-01T09:00:00Z"));
let stub: ResendStub;
let resend: Transport;
let org: Awaited<ReturnType<typeof makeOrg>>;
let releaseLock: () => Promise<void>;

beforeAll(async () => {
  releaseLock = await holdDispatchLock();
  ({ stub, resend } = await stubbedResend());
  org = await makeOrg("Outbox");
}, 120_000);

afterEach(() => {
  stub.clearFaults();
  setClock(null);
  delete process.env.EMAIL_SEND_TIMEOUT_MS;
});

afterAll(async () => {
  await stub?.stop();
  await releaseLock?.();
});

/** What each stub request for `id` turned into, in order. */
const outcomes = (id: string) => stub.requestsFor(id).map((r) => r.outcome);

describe("dispatching through Resend", () => {
  it("sends a queued invitation, stores the message id and keeps no copy of its key", async () => {
    const at = nextWindow();
    const { interviewId, candidate } = await makeInterviewRow(org);
    const { id, key } = await queueInvitation(at, interviewId);

    await dispatchAt(at, resend);

    const row = await emailRow(id);
    expect(row).toMatchObject({ status: EmailStatus.SENT, attempts: 1, lastError: null, leaseUntil: null, sentAt: at });
    expect(row.providerMessageId).toBe(stub.messages.get(id));
    expectScrubbed(row, key);

    const [request, ...more] = stub.requestsFor(id);
    expect(more).toHaveLength(0);
    expect(request!.outcome).toBe("accepted");
    expect(request!.body.to).toEqual([`"${candidate.name}" <${candidate.email}>`]);
    expect(request!.body.tags).toEqual([{ name: "kind", value: "INVITATION" }]);
    expect(request!.body.html).toContain(interviewUrl(key));
    expect(request!.body.text).toContain(interviewUrl(key));
    expect(request!.body.attachments).toEqual([
      expect.objectContaining({ filename: "interview.ics", content_type: "text/calendar; charset=utf-8; method=REQUEST" }),
    ]);
    expect(icsText(request!.body.attachments![0]! as unknown as Attachment)).toContain(`URL:${interviewUrl(key)}`);

    const events = await auditEvents(interviewId, "email.sent");
    expect(events.map((e) => e.data)).toEqual([{ emailId: id, kind: "INVITATION", to: candidate.email, attempts: 1 }]);
  });

  it("gives a candidate's email the scheduling recruiter's address as Reply-To, and other email none", async () => {
    const at = nextWindow();
    const invitation = await queueInvitation(at, (await makeInterviewRow(org)).interviewId);
    const cancellation = await queueCancellation(at, (await makeInterviewRow(org, InterviewStatus.CANCELLED)).interviewId);
    const other = await queueEmail(at, { organizationId: org.organizationId });

    await dispatchAt(at, resend);

    expect(stub.requestsFor(invitation.id)[0]!.body.reply_to).toBe(org.ownerEmail);
    expect(stub.requestsFor(cancellation)[0]!.body.reply_to).toBe(org.ownerEmail);
    expect(stub.requestsFor(other)[0]!.body).not.toHaveProperty("reply_to");
  });

  it("retries a 500 after its backoff, and the provider accepts the email once", async () => {
    const at = nextWindow();
    const id = await queueEmail(at, { organizationId: org.organizationId });
    stub.failNext(id, { status: 500 });

    await dispatchAt(at, resend);
    const failed = await emailRow(id);
    expect(failed).toMatchObject({ status: EmailStatus.PENDING, attempts: 1, leaseUntil: null });
    expect(failed.lastError).toMatch(/^500 internal_server_error/);
    // First backoff: 2 s with 50–100 % jitter.
    const delay = failed.nextAttemptAt.getTime() - at.getTime();
    expect(delay).toBeGreaterThanOrEqual(1_000);
    expect(delay).toBeLessThanOrEqual(2_000);

    await dispatchAt(addMilliseconds(failed.nextAttemptAt, -1), resend);
    expect(outcomes(id)).toEqual(["500"]);

    await dispatchAt(failed.nextAttemptAt, resend);
    expect(await emailRow(id)).toMatchObject({ status: EmailStatus.SENT, attempts: 2, lastError: null, secret: null });
    expect(outcomes(id)).toEqual(["500", "accepted"]);
    expect(stub.accepts.get(id)).toBe(1);
  });

  it("sends every email waiting out a backoff as soon as one retry gets through", async () => {
    const at = nextWindow();
    const [first, second] = await queueEmails(2, at, org.organizationId);
    const later = await queueEmail(addHours(at, 1), { organizationId: org.organizationId }); // a reminder, not due yet
    stub.failNext(first!, { status: 500 });
    stub.failNext(second!, { status: 500 });
    await dispatchAt(at, resend);
    // The second has backed off much further, as after many failed attempts in a long outage.
    await (await db()).outboxEmail.update({ where: { id: second }, data: { nextAttemptAt: addMinutes(at, 10) } });
    const retryAt = (await emailRow(first!)).nextAttemptAt;

    setClock(retryAt);
    await drainOutbox({ policy: interviewDelivery, transport: resend });

    expect(await emailRow(first!)).toMatchObject({ status: EmailStatus.SENT, attempts: 2 });
    expect(await emailRow(second!)).toMatchObject({ status: EmailStatus.SENT, attempts: 2, sentAt: retryAt });
    expect(outcomes(second!)).toEqual(["500", "accepted"]);
    expect(await emailRow(later)).toMatchObject({ status: EmailStatus.PENDING, attempts: 0, nextAttemptAt: addHours(at, 1) });
  });

  it("leaves backoffs alone when an email goes out at its first attempt", async () => {
    const at = nextWindow();
    const failing = await queueEmail(at, { organizationId: org.organizationId });
    stub.failNext(failing, { status: 500 });
    await dispatchAt(at, resend);
    const backedOff = (await emailRow(failing)).nextAttemptAt;
    const fresh = await queueEmail(addMilliseconds(at, 500), { organizationId: org.organizationId });

    await dispatchAt(addMilliseconds(at, 500), resend);

    expect(await emailRow(fresh)).toMatchObject({ status: EmailStatus.SENT, attempts: 1 });
    // One email getting through says nothing about the one that failed: it keeps its own backoff.
    expect(await emailRow(failing)).toMatchObject({ status: EmailStatus.PENDING, attempts: 1, nextAttemptAt: backedOff });
  });

  it("waits out a 429's retry-after before sending again", async () => {
    const at = nextWindow();
    const id = await queueEmail(at, { organizationId: org.organizationId });
    stub.failNext(id, { status: 429, retryAfter: 30 });

    await dispatchAt(at, resend);
    const limited = await emailRow(id);
    expect(limited.status).toBe(EmailStatus.PENDING);
    expect(limited.lastError).toMatch(/^429 rate_limit_exceeded/);
    expect(limited.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(addSeconds(at, 30).getTime());

    await dispatchAt(addSeconds(at, 29), resend);
    expect(await emailRow(id)).toMatchObject({ status: EmailStatus.PENDING, attempts: 1 });
    expect(outcomes(id)).toEqual(["429"]);

    await dispatchAt(limited.nextAttemptAt, resend);
    expect(await emailRow(id)).toMatchObject({ status: EmailStatus.SENT, attempts: 2 });
    expect(outcomes(id)).toEqual(["429", "accepted"]);
  });

  it("stops a batch at the first 429 and hands the rest back untouched, due when the provider said", async () => {
    const at = nextWindow();
    const ids = await queueEmails(5, at, org.organizationId);
    for (const id of ids) stub.failNext(id, { status: 429, retryAfter: 2 });

    const before = stub.requests.length;
    await dispatchAt(at, resend);
    // One request reached the provider; the other four were not sent into a known limit.
    expect(stub.requests.length - before).toBe(1);
    const rows = await emailRows(ids);
    expect(rows.every((r) => r.status === EmailStatus.PENDING)).toBe(true);
    expect(rows.map((r) => r.attempts).sort()).toEqual([0, 0, 0, 0, 1]);
    for (const row of rows) expect(row.nextAttemptAt.getTime()).toBe(addSeconds(at, 2).getTime());
  });

  it("retries a send that timed out, and the idempotency key makes the provider keep one message", async () => {
    const at = nextWindow();
    const id = await queueEmail(at, { organizationId: org.organizationId });
    process.env.EMAIL_SEND_TIMEOUT_MS = "200";
    stub.failNext(id, { hang: true }); // the provider takes the email, the answer never comes

    const started = Date.now();
    await dispatchAt(at, resend);
    expect(Date.now() - started).toBeLessThan(5_000);
    const timedOut = await emailRow(id);
    expect(timedOut).toMatchObject({ status: EmailStatus.PENDING, attempts: 1, providerMessageId: null });
    expect(timedOut.lastError).toMatch(/^network /);
    const messageId = stub.messages.get(id);
    expect(messageId).toBeDefined();

    await dispatchAt(timedOut.nextAttemptAt, resend);
    expect(await emailRow(id)).toMatchObject({ status: EmailStatus.SENT, attempts: 2, providerMessageId: messageId });
    expect(outcomes(id)).toEqual(["hang", "replayed"]);
    expect(stub.accepts.get(id)).toBe(1);
  });

  it("keeps retrying while Resend still works on a timed-out send (409 concurrent_idempotent_requests)", async () => {
    const at = nextWindow();
    const id = await queueEmail(at, { organizationId: org.organizationId });
    process.env.EMAIL_SEND_TIMEOUT_MS = "200";
    stub.failNext(id, { hang: true, stillProcessing: true });

    await dispatchAt(at, resend);
    const timedOut = await emailRow(id);
    await dispatchAt(timedOut.nextAttemptAt, resend);
    // Resend: "safe to retry this request later". The email is on its way; it has not failed.
    const overtaken = await emailRow(id);
    expect(overtaken).toMatchObject({ status: EmailStatus.PENDING, attempts: 2 });
    expect(overtaken.lastError).toMatch(/^409 concurrent_idempotent_requests/);

    stub.inProgress.delete(id);
    await dispatchAt(overtaken.nextAttemptAt, resend);
    expect(await emailRow(id)).toMatchObject({ status: EmailStatus.SENT, attempts: 3, providerMessageId: stub.messages.get(id) });
    expect(outcomes(id)).toEqual(["hang", "409 concurrent", "replayed"]);
  });

  it("treats an empty EMAIL_SEND_TIMEOUT_MS as unset, not as a 0 ms timeout", async () => {
    const at = nextWindow();
    const id = await queueEmail(at, { organizationId: org.organizationId });
    process.env.EMAIL_SEND_TIMEOUT_MS = ""; // what `EMAIL_SEND_TIMEOUT_MS: ${EMAIL_SEND_TIMEOUT_MS}` in a compose file gives

    await dispatchAt(at, resend);
    expect(await emailRow(id)).toMatchObject({ status: EmailStatus.SENT, attempts: 1, lastError: null });
  });

  it("fails a 422 at once with the provider's reason, scrubbed, and never retries it", async () => {
    const at = nextWindow();
    const { interviewId } = await makeInterviewRow(org);
    const { id, key } = await queueInvitation(at, interviewId);
    stub.failNext(id, { status: 422, message: "Invalid `to` field. The email address needs to follow the `email@example.com` format." });

    await dispatchAt(at, resend);
    const row = await emailRow(id);
    const reason = "422 validation_error: Invalid `to` field. The email address needs to follow the `email@example.com` format.";
    expect(row).toMatchObject({ status: EmailStatus.FAILED, attempts: 1, lastError: reason, leaseUntil: null, providerMessageId: null });
    expectScrubbed(row, key);
    expect((await auditEvents(interviewId, "email.failed")).map((e) => e.data)).toEqual([{ emailId: id, kind: "INVITATION", reason }]);

    await dispatchAt(addDays(at, 2), resend);
    expect(outcomes(id)).toEqual(["422"]);
    expect((await emailRow(id)).status).toBe(EmailStatus.FAILED);
  });

  it("gives up on a retryable failure more than 24 h after the email became due", async () => {
    const at = nextWindow();
    const id = await queueEmail(at, { organizationId: org.organizationId });
    stub.failNext(id, { status: 500 }, { status: 500 }, { status: 500 });

    await dispatchAt(at, resend);
    await dispatchAt(addHours(at, 23), resend);
    expect(await emailRow(id)).toMatchObject({ status: EmailStatus.PENDING, attempts: 2 });

    await dispatchAt(addMinutes(addHours(at, 24), 1), resend);
    const row = await emailRow(id);
    expect(row).toMatchObject({ status: EmailStatus.FAILED, attempts: 3, secret: null });
    expect(row.lastError).toMatch(/^gave up after 24 h: 500 internal_server_error/);
    expect(outcomes(id)).toEqual(["500", "500", "500"]);
  });
});

describe("the interview's status decides whether an email goes out", () => {
  const notSent: Record<InterviewStatus, string | null> = {
    [InterviewStatus.SCHEDULED]: null,
    [InterviewStatus.IN_PROGRESS]: "not sent: the interview is in progress",
    [InterviewStatus.COMPLETED]: "not sent: the interview is completed",
    [InterviewStatus.CANCELLED]: "not sent: the interview is cancelled",
    [InterviewStatus.EXPIRED]: "not sent: the interview is expired",
  };

  it.each(Object.values(InterviewStatus))("an invitation for a %s interview", async (status) => {
    const at = nextWindow();
    const { interviewId } = await makeInterviewRow(org, status);
    const { id, key } = await queueInvitation(at, interviewId);

    await dispatchAt(at, resend);
    const row = await emailRow(id);
    expectScrubbed(row, key);
    if (notSent[status] === null) {
      expect(row.status).toBe(EmailStatus.SENT);
      expect(outcomes(id)).toEqual(["accepted"]);
    } else {
      expect(row).toMatchObject({ status: EmailStatus.CANCELLED, lastError: notSent[status], leaseUntil: null });
      expect(outcomes(id)).toEqual([]);
    }
  });

  it("a cancellation email for a CANCELLED interview is sent", async () => {
    const at = nextWindow();
    const { interviewId } = await makeInterviewRow(org, InterviewStatus.CANCELLED);
    const id = await queueCancellation(at, interviewId);

    await dispatchAt(at, resend);
    expect(await emailRow(id)).toMatchObject({ status: EmailStatus.SENT, lastError: null });
    expect(stub.requestsFor(id)[0]?.body.attachments?.[0]?.content_type).toBe("text/calendar; charset=utf-8; method=CANCEL");
  });
});

describe("emails composed as they are sent", () => {
  it("one whose composing fails is retried later like a failed send, and goes out once it can be composed", async () => {
    const at = nextWindow();
    const { interviewId } = await makeInterviewRow(org);
    const prisma = await db();
    const { id } = await prisma.outboxEmail.create({
      data: { organizationId: org.organizationId, interviewId, kind: "DEADLINE_REMINDER", toEmail: "composed@example.test", subject: "Queued subject", html: "", text: "", composeOnSend: true, nextAttemptAt: at },
    });
    let broken = true;
    const policy = {
      ...interviewDelivery,
      async compose(emails: ReadonlyArray<{ id: string }>) {
        if (broken) throw new Error("the template is broken");
        return new Map(emails.map((e) => [e.id, { subject: "Composed subject", html: "<p>Composed</p>", text: "Composed" }]));
      },
    };
    const sent: string[] = [];
    const capture: Transport = { name: "capture", send: async (m) => (sent.push(`${m.subject}|${m.text}`), { ok: true, providerMessageId: `msg-${m.id}` }) };

    setClock(at);
    await dispatchDue({ policy, transport: capture });
    const failed = await emailRow(id);
    expect(failed).toMatchObject({ status: EmailStatus.PENDING, attempts: 1, html: "", lastError: "could not compose the email: the template is broken" });
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(at.getTime());
    expect(sent).toEqual([]);

    broken = false;
    setClock(failed.nextAttemptAt);
    await dispatchDue({ policy, transport: capture });
    expect(sent).toEqual(["Composed subject|Composed"]);
    expect(await emailRow(id)).toMatchObject({ status: EmailStatus.SENT, attempts: 2, subject: "Composed subject", html: "<p>Composed</p>", text: "Composed", lastError: null });
  });
});

describe("recovery and the development mailbox", () => {
  it("sends what a dispatcher that died mid-send had claimed, once its lease has passed", async () => {
    const at = nextWindow();
    const ids = await queueEmails(3, at, org.organizationId);
    // A dispatcher that claims the rows and never finishes: its send never resolves.
    let sending!: () => void;
    const claimed = new Promise<void>((resolve) => (sending = resolve));
    setClock(at);
    void dispatchDue({ policy: interviewDelivery, transport: { name: "stuck", send: () => (sending(), new Promise(() => {})) } });
    await claimed;
    for (const row of await emailRows(ids)) {
      expect(row).toMatchObject({ status: EmailStatus.SENDING, attempts: 1, leaseUntil: addMilliseconds(at, LEASE_MS) });
    }

    await dispatchAt(addMilliseconds(at, LEASE_MS - 1_000), resend);
    expect(ids.flatMap(outcomes)).toEqual([]);

    await dispatchAt(addMilliseconds(at, LEASE_MS + 1), resend);
    for (const row of await emailRows(ids)) expect(row).toMatchObject({ status: EmailStatus.SENT, attempts: 2, leaseUntil: null });
    expect(ids.map(outcomes)).toEqual(ids.map(() => ["accepted"]));
  });

  it("sends a claimed row only while its lease still covers a whole send, and hands the rest back", async () => {
    const at = nextWindow();
    const ids = await queueEmails(10, at, org.organizationId);
    // A slow provider: each send takes 15 s (under the 10 s timeout's worst case of a hung call, 20
    // rows take far longer than the 60 s lease). Past the lease another dispatcher may claim a row,
    // so the claimant must not send it any more.
    const sendsAt: number[] = [];
    const slow: Transport = {
      name: "slow",
      async send() {
        sendsAt.push((now().getTime() - at.getTime()) / 1000);
        setClock(addSeconds(now(), 15));
        return { ok: true, providerMessageId: null };
      },
    };
    await dispatchAt(at, slow);

    // Sends starting at 0, 15, 30 and 45 s end within the lease (45 + 10 s timeout < 60 s); at 60 s none could.
    expect(sendsAt).toEqual([0, 15, 30, 45]);
    const rows = await emailRows(ids);
    expect(rows.filter((r) => r.status === EmailStatus.SENT)).toHaveLength(4);
    const handedBack = rows.filter((r) => r.status !== EmailStatus.SENT);
    expect(handedBack).toHaveLength(6);
    for (const row of handedBack) {
      expect(row).toMatchObject({ status: EmailStatus.PENDING, attempts: 0, leaseUntil: null, nextAttemptAt: addSeconds(at, 60) });
    }
  });

  it.each([
    ["fails", { ok: false, retryable: true, error: "network: connection reset" }, EmailStatus.CANCELLED],
    ["never returns (its dispatcher died)", null, EmailStatus.CANCELLED],
    ["goes out", { ok: true, providerMessageId: "msg_1" }, EmailStatus.SENT],
  ] as const)("an invitation withdrawn while its send is in flight keeps no key when the send %s, and is never retried", async (_, result, status) => {
    const at = nextWindow();
    const { interviewId } = await makeInterviewRow(org);
    const { id, key } = await queueInvitation(at, interviewId);
    // The send starts, then the recruiter resends (withdrawing this invitation) before it returns.
    let started!: () => void;
    let finish!: (result: SendResult) => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const held: Transport = { name: "held", send: () => (started(), new Promise((resolve) => (finish = resolve))) };
    setClock(at);
    const dispatching = result ? dispatchDue({ policy: interviewDelivery, transport: held }) : null;
    if (!result) {
      // Claimed by a dispatcher that died before sending it.
      await (await db()).outboxEmail.update({ where: { id }, data: { status: EmailStatus.SENDING, attempts: 1, leaseUntil: addMilliseconds(at, LEASE_MS) } });
    } else await inFlight;
    const withdrawn = await (await db()).$transaction((tx) => cancelPendingEmails(tx, interviewId, [EmailKind.INVITATION], "replaced by a newer invitation"));
    expect(withdrawn).toBe(0);
    if (result) {
      finish(result);
      await dispatching;
    } else {
      // Its lease runs out: the next dispatcher finds it withdrawn and sends nothing.
      await dispatchAt(addMilliseconds(at, LEASE_MS + 1), resend);
      expect(outcomes(id)).toEqual([]);
    }
    const row = await emailRow(id);
    expectScrubbed(row, key);
    expect(row).toMatchObject({ status, leaseUntil: null, ...(status === EmailStatus.CANCELLED && { lastError: "replaced by a newer invitation" }) });

    // Nothing is left to retry.
    await dispatchAt(addMinutes(at, 30), resend);
    expect(outcomes(id)).toEqual([]);
  });

  it("delivers into the development mailbox with the link intact and scrubs the outbox copy", async () => {
    const at = nextWindow();
    const { interviewId } = await makeInterviewRow(org);
    const { id, key } = await queueInvitation(at, interviewId);

    await dispatchAt(at, devMailboxTransport());

    const row = await emailRow(id);
    expect(row).toMatchObject({ status: EmailStatus.SENT, deliveryState: DeliveryState.DELIVERED, deliveryAt: at, providerMessageId: null });
    expectScrubbed(row, key);
    const message = await (await db()).devMailboxMessage.findUniqueOrThrow({ where: { outboxEmailId: id } });
    expect(message.html).toContain(interviewUrl(key));
    expect(message.text).toContain(interviewUrl(key));
    expect(icsText((message.attachments as unknown as Attachment[])[0]!)).toContain(interviewUrl(key));
    expect(outcomes(id)).toEqual([]);
  });
});

describe("pacing to the provider's rate limit", () => {
  /** When the stub accepted each of `ids` (ms), in order. */
  const acceptTimes = (ids: string[]) =>
    ids
      .flatMap((id) => stub.requestsFor(id))
      .filter((r) => r.outcome === "accepted")
      .map((r) => r.at)
      .sort((a, b) => a - b);
  const rateLimited = (ids: string[]) => ids.flatMap((id) => stub.requestsFor(id)).filter((r) => r.outcome === "429").length;

  it("reserves slots 1/N s apart (plus headroom) and banks no burst from idle time", async () => {
    const name = `pace-test-${crypto.randomUUID()}`;
    const spacing = slotSpacingMs(10);
    expect(spacing).toBeCloseTo(102, 5);
    const waits = [];
    for (let i = 0; i < 4; i++) waits.push(await reserveSendSlot(name, 10));
    // Each reservation comes a few ms after the last, so its wait is its slot minus that time.
    waits.forEach((wait, i) => {
      expect(wait).toBeLessThanOrEqual(Math.ceil(i * spacing));
      expect(wait).toBeGreaterThan(i * spacing - 60);
    });
    await waitForSlot(waits.at(-1)! + spacing + 50);
    // The budget has been idle for a while: the next send goes at once, and the one after waits a slot.
    expect(await reserveSendSlot(name, 10)).toBe(0);
    expect(await reserveSendSlot(name, 10)).toBeGreaterThan(spacing - 60);
  });

  it("sends at the configured rate, so a provider limiting at that rate never answers 429", async () => {
    const at = nextWindow();
    const ids = await queueEmails(25, at, org.organizationId);
    // The stub allows 10 requests in any rolling second; Kairos is told 8 (a margin for a loaded test machine).
    stub.fault = rollingRateLimit(10).fault;

    setClock(at);
    const stats = await drainOutbox({ policy: interviewDelivery, transport: resendTransport("re_test", 8) });

    expect(stats).toMatchObject({ sent: 25, retried: 0 });
    expect(rateLimited(ids)).toBe(0);
    const times = acceptTimes(ids);
    expect(times).toHaveLength(25);
    // 24 gaps of 1/8 s (+2 %): never faster than the configured rate.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(24 * slotSpacingMs(8) - 50);
  });

  it("shares one budget between dispatchers running at once", async () => {
    const at = nextWindow();
    const ids = await queueEmails(24, at, org.organizationId);
    stub.fault = rollingRateLimit(10).fault;

    setClock(at);
    const transport = resendTransport("re_test", 8);
    const [a, b] = await Promise.all([dispatchDue({ policy: interviewDelivery, transport, limit: 12 }), dispatchDue({ policy: interviewDelivery, transport, limit: 12 })]);

    // Each claimed half; together they still kept to 8 requests a second, not 8 each.
    expect([a.sent, b.sent]).toEqual([12, 12]);
    expect(rateLimited(ids)).toBe(0);
    const times = acceptTimes(ids);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(23 * slotSpacingMs(8) - 50);
  });

  it("hands a batch back rather than wait for a slot past its lease", async () => {
    const at = nextWindow();
    const ids = await queueEmails(3, at, org.organizationId);
    // One send every 50 s, on a budget of its own: the second slot (50 s) plus a 10 s send would outlast the 60 s lease.
    const slow: Transport = { ...resendTransport("re_test", 1 / 50), name: `slow-pace-${crypto.randomUUID()}` };

    const stats = await dispatchAt(at, slow);

    expect(stats).toMatchObject({ claimed: 3, sent: 1 });
    const rows = await emailRows(ids);
    const waiting = rows.filter((r) => r.status !== EmailStatus.SENT);
    expect(waiting).toHaveLength(2);
    for (const row of waiting) {
      expect(row).toMatchObject({ status: EmailStatus.PENDING, attempts: 0, leaseUntil: null });
      // Due when its slot comes, not before (and not an attempt used up).
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(addSeconds(at, 49).getTime());
      expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(addSeconds(at, 51).getTime());
    }
  });
});

describe("a provider outage is logged", () => {
  /** Runs one dispatch at `at` through `transport` with console.warn captured; returns the warnings, one string each. */
  async function warningsOf(at: Date, transport: Transport): Promise<string[]> {
    const spy = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await dispatchAt(at, transport);
      return spy.mock.calls.map((args) => args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    } finally {
      spy.mockRestore();
    }
  }

  it("warns once a minute at most while sends fail, with counts and the last error, never a key or an address", async () => {
    const at = nextWindow();
    const { interviewId, candidate } = await makeInterviewRow(org);
    const { id, key } = await queueInvitation(at, interviewId);
    const others = await queueEmails(2, at, org.organizationId);
    // A provider whose errors quote what it was sent, as some do (the address, even the link).
    const down: Transport = {
      name: "down",
      async send(request) {
        if (request.id === others[1]) throw new Error(`socket hang up while sending to ${request.to}`);
        return { ok: false, retryable: true, error: `503 service_unavailable: could not deliver to ${request.to}: ${request.text.slice(0, 300)}` };
      },
    };

    const first = await warningsOf(at, down);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/email/i);
    expect(first[0]).toContain('"failed":3');
    expect(first[0]).toContain('"claimed":3');
    // The last error of the round, whichever email failed last, its address masked.
    expect(first[0]).toMatch(/"lastError":"(503 service_unavailable: could not deliver to \[address\]|transport error: socket hang up while sending to \[address\])/);
    const rows = await emailRows([id, ...others]);
    // Half a minute later the same outage, no second warning; past the minute, one more, counting both rounds.
    expect(await warningsOf(addSeconds(at, 30), down)).toEqual([]);
    const later = await warningsOf(addSeconds(at, 61), down);
    expect(later).toHaveLength(1);
    expect(later[0]).toContain('"failedSinceLastWarning":6');

    for (const warning of [...first, ...later]) {
      expect(warning.includes(key), "the key in the warning").toBe(false);
      for (const row of rows) expect(warning.includes(row.toEmail), "an address in the warning").toBe(false);
      expect(warning).not.toContain(candidate.email);
      expect(warning).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    }
    // A round that sends everything warns about nothing.
    expect(await warningsOf(addSeconds(at, 200), resend)).toEqual([]);
    expect((await emailRow(id)).status).toBe(EmailStatus.SENT);
  });
});

describe("fault injection", () => {
  it("drains 200 emails through 30 % random 500s, 429s and timeouts, each accepted exactly once", async () => {
    const at = nextWindow();
    const ids = await queueEmails(200, at, org.organizationId);
    process.env.EMAIL_SEND_TIMEOUT_MS = "150";
    stub.fault = randomFaults(0.3, [{ status: 500 }, { status: 429, retryAfter: 5 }, { hang: true }]);

    const { transport, accepted } = countAccepted(resend);
    let passes = 0;
    // Past the longest backoff (10 min) each pass; 100 passes stay far inside the 24 h give-up.
    for (let clock = at; passes < 100; clock = addMinutes(clock, 11)) {
      passes++;
      setClock(clock);
      await drainOutbox({ policy: interviewDelivery, transport, budgetMs: 60_000 });
      if ((await emailRows(ids)).every((row) => row.status !== EmailStatus.PENDING)) break;
    }

    const rows = await emailRows(ids);
    expect(rows.filter((row) => row.status !== EmailStatus.SENT)).toEqual([]);
    for (const row of rows) expect(row.providerMessageId).toBe(stub.messages.get(row.id));
    const requests = ids.flatMap((id) => stub.requestsFor(id));
    const unique = ids.filter((id) => stub.messages.has(id)).length;
    // Taken by the provider once each, and reported accepted to the dispatcher exactly once each.
    expect(unique).toBe(200);
    expect(ids.filter((id) => accepted.get(id) !== 1)).toEqual([]);
    expect(requests.length).toBeGreaterThan(200); // the faults did happen
  });
});
