import { randomBytes, randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/webhooks/resend/route";
import { db } from "@/lib/db";
import { handleResendWebhook } from "@/lib/email/webhooks";
import { DeliveryState, EmailKind, EmailStatus } from "@/lib/generated/prisma/enums";
import { makeInterviewRow, makeOrg } from "./support/factories";
import { auditEvents } from "./support/outbox";
import { onInterviewDeliveryEvent as onDeliveryEvent } from "@/lib/interviews/delivery";

// Webhook rows need no dispatcher: the emails here are written as already SENT, and the bounce
// notice they queue is only read, so this file shares a PostgreSQL with any other safely.
const secret = `whsec_${randomBytes(24).toString("base64")}`;
let org: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  org = await makeOrg("Webhooks");
});

afterEach(() => {
  delete process.env.RESEND_WEBHOOK_SECRET;
});

/** A delivery as Resend (via svix) sends it: the signature covers `${id}.${timestamp}.${body}`. */
function delivery(payload: unknown, { id = `msg_${randomUUID()}`, at = new Date(), signingSecret = secret } = {}) {
  const body = JSON.stringify(payload);
  const headers = new Headers({
    "svix-id": id,
    "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
    "svix-signature": new Webhook(signingSecret).sign(id, at, body),
  });
  return { id, body, headers };
}

const event = (type: string, emailId: string, extra: Record<string, unknown> = {}) => ({
  type,
  created_at: new Date().toISOString(),
  data: { email_id: emailId, to: ["candidate@example.test"], subject: "Your interview", ...extra },
});

/** An interview whose invitation Resend has accepted (so it has a provider message id). */
async function sentInvitation() {
  const prisma = await db();
  const { interviewId, candidate } = await makeInterviewRow(org);
  const providerMessageId = randomUUID();
  const email = await prisma.outboxEmail.create({
    data: {
      organizationId: org.organizationId,
      interviewId,
      kind: EmailKind.INVITATION,
      toEmail: candidate.email,
      subject: "Your interview",
      html: "<p>[redacted]</p>",
      text: "[redacted]",
      status: EmailStatus.SENT,
      sentAt: new Date(),
      providerMessageId,
    },
    select: { id: true },
  });
  return { interviewId, candidate, emailId: email.id, providerMessageId };
}

async function stored(emailId: string, svixId: string) {
  const prisma = await db();
  const [email, receipt] = await Promise.all([
    prisma.outboxEmail.findUniqueOrThrow({ where: { id: emailId }, select: { deliveryState: true, deliveryAt: true } }),
    prisma.webhookReceipt.findUnique({ where: { id: svixId } }),
  ]);
  return { ...email, receipt };
}

describe("Resend webhooks", () => {
  it("refuses a delivery signed with another secret and records nothing", async () => {
    const sent = await sentInvitation();
    const { id, body, headers } = delivery(event("email.delivered", sent.providerMessageId), {
      signingSecret: `whsec_${randomBytes(24).toString("base64")}`,
    });

    expect(await handleResendWebhook(body, headers, { onDeliveryEvent, secret })).toEqual({ status: 400, body: "invalid signature" });
    expect(await stored(sent.emailId, id)).toEqual({ deliveryState: null, deliveryAt: null, receipt: null });
    expect(await auditEvents(sent.interviewId, "email.delivered")).toEqual([]);
  });

  it("refuses a correctly signed delivery that is 10 minutes old", async () => {
    const sent = await sentInvitation();
    const { id, body, headers } = delivery(event("email.delivered", sent.providerMessageId), { at: new Date(Date.now() - 10 * 60_000) });

    expect((await handleResendWebhook(body, headers, { onDeliveryEvent, secret })).status).toBe(400);
    expect(await stored(sent.emailId, id)).toEqual({ deliveryState: null, deliveryAt: null, receipt: null });
  });

  it("records a delivery once, and answers a replay of the same svix-id with 200 and no second event", async () => {
    const sent = await sentInvitation();
    const payload = event("email.delivered", sent.providerMessageId);
    const first = delivery(payload);
    process.env.RESEND_WEBHOOK_SECRET = secret; // the route passes no secret: the environment's is used

    expect(await handleResendWebhook(first.body, first.headers, { onDeliveryEvent })).toEqual({ status: 200, body: "ok" });
    const after = await stored(sent.emailId, first.id);
    expect(after.deliveryState).toBe(DeliveryState.DELIVERED);
    expect(after.receipt?.type).toBe("email.delivered");
    const events = await auditEvents(sent.interviewId, "email.delivered");
    expect(events.map((e) => e.data)).toEqual([{ emailId: sent.emailId, kind: EmailKind.INVITATION }]);

    // svix retries with the same id and a fresh timestamp and signature.
    const replay = delivery(payload, { id: first.id, at: new Date(Date.now() + 1_000) });
    expect(await handleResendWebhook(replay.body, replay.headers, { onDeliveryEvent })).toEqual({ status: 200, body: "ok" });
    expect(await auditEvents(sent.interviewId, "email.delivered")).toHaveLength(1);
    expect((await stored(sent.emailId, first.id)).deliveryAt).toEqual(after.deliveryAt);
  });

  it("marks a bounced invitation and tells the recruiter, naming the candidate's address", async () => {
    const sent = await sentInvitation();
    const reason = "The recipient's mailbox does not exist.";
    const { body, headers } = delivery(event("email.bounced", sent.providerMessageId, { bounce: { message: reason, type: "Permanent" } }));

    expect((await handleResendWebhook(body, headers, { onDeliveryEvent, secret })).status).toBe(200);

    const prisma = await db();
    expect((await stored(sent.emailId, "-")).deliveryState).toBe(DeliveryState.BOUNCED);
    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: sent.interviewId } });
    expect(interview.bouncedAt).toBeInstanceOf(Date);
    expect((await auditEvents(sent.interviewId, "email.bounced")).map((e) => e.data)).toEqual([
      { emailId: sent.emailId, kind: EmailKind.INVITATION, reason },
    ]);
    const notices = await prisma.outboxEmail.findMany({ where: { interviewId: sent.interviewId, kind: EmailKind.INVITATION_BOUNCED } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ toEmail: org.ownerEmail, organizationId: org.organizationId });
    expect(notices[0]!.text).toContain(sent.candidate.email);
    expect(notices[0]!.text).toContain(reason);
  });

  it("acknowledges an event type it does not track and changes nothing", async () => {
    const sent = await sentInvitation();
    const { body, headers } = delivery(event("email.opened", sent.providerMessageId));

    expect(await handleResendWebhook(body, headers, { onDeliveryEvent, secret })).toEqual({ status: 200, body: "ok" });
    expect((await stored(sent.emailId, "-")).deliveryState).toBeNull();
    expect(await (await db()).auditEvent.count({ where: { interviewId: sent.interviewId } })).toBe(0);
  });

  it("answers 500 when no webhook secret is configured", async () => {
    const sent = await sentInvitation();
    const { id, body, headers } = delivery(event("email.delivered", sent.providerMessageId));

    expect(await handleResendWebhook(body, headers, { onDeliveryEvent })).toEqual({ status: 500, body: "webhook secret not configured" });
    expect(await stored(sent.emailId, id)).toEqual({ deliveryState: null, deliveryAt: null, receipt: null });
  });
});

describe("malformed Resend webhooks", () => {
  /** Runs `fn` with console.warn captured; returns what it returned and every warning, as one string each. */
  async function capturingWarnings<T>(fn: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
    const spy = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const result = await fn();
      return { result, warnings: spy.mock.calls.map((args) => args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ")) };
    } finally {
      spy.mockRestore();
    }
  }

  /** Nothing of a delivery was written: no receipt, no delivery state, no audit event, no notice. */
  async function expectNothingWritten(sent: Awaited<ReturnType<typeof sentInvitation>>, svixId: string) {
    const prisma = await db();
    expect(await stored(sent.emailId, svixId)).toEqual({ deliveryState: null, deliveryAt: null, receipt: null });
    expect(await prisma.auditEvent.count({ where: { interviewId: sent.interviewId } })).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { interviewId: sent.interviewId, kind: EmailKind.INVITATION_BOUNCED } })).toBe(0);
    expect((await prisma.interview.findUniqueOrThrow({ where: { id: sent.interviewId } })).bouncedAt).toBeNull();
  }

  // A marker in each body shows whether the warning quoted what was sent.
  const MARKER = "body-marker-7f3a";
  const shapes: Array<[string, (providerMessageId: string) => unknown]> = [
    ["null", () => null],
    ["a string", () => `${MARKER}`],
    ["an array", () => [MARKER]],
    ["no type", (id) => ({ data: { email_id: id, note: MARKER } })],
    ["a numeric type", (id) => ({ type: 42, data: { email_id: id, note: MARKER } })],
    ["data as a string", () => ({ type: "email.bounced", data: MARKER })],
    ["a numeric email_id", () => ({ type: "email.bounced", data: { email_id: 12345, note: MARKER } })],
    ["an object email_id", (id) => ({ type: "email.bounced", data: { email_id: { id, note: MARKER } } })],
    ["an object bounce.message", (id) => ({ type: "email.bounced", data: { email_id: id, bounce: { message: { text: MARKER }, type: "Permanent" } } })],
    ["a bounce that is a string", (id) => ({ type: "email.bounced", data: { email_id: id, bounce: MARKER } })],
  ];

  it.each(shapes)("acknowledges a signed body with %s as ignored: 200, nothing written, a warning without the body", async (_, shape) => {
    const sent = await sentInvitation();
    const { id, body, headers } = delivery(shape(sent.providerMessageId));

    const { result, warnings } = await capturingWarnings(() => handleResendWebhook(body, headers, { onDeliveryEvent, secret }));

    expect(result).toEqual({ status: 200, body: "ignored" });
    await expectNothingWritten(sent, id);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("resend webhook");
    expect(warnings[0]).toContain(id);
    expect(warnings[0]).not.toContain(MARKER);
    expect(warnings[0]).not.toContain(sent.providerMessageId);
  });

  it("acknowledges a signed body that is not JSON as ignored, without quoting it", async () => {
    const sent = await sentInvitation();
    const id = `msg_${randomUUID()}`;
    const at = new Date();
    const body = `{"type":"email.bounced","data":{"email_id":"${sent.providerMessageId}","note":"${MARKER}"`; // cut short
    const headers = new Headers({ "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": new Webhook(secret).sign(id, at, body) });

    const { result, warnings } = await capturingWarnings(() => handleResendWebhook(body, headers, { onDeliveryEvent, secret }));

    expect(result).toEqual({ status: 200, body: "ignored" });
    await expectNothingWritten(sent, id);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).not.toContain(MARKER);
  });

  it("still refuses an unsigned body that is not JSON with 400", async () => {
    const headers = new Headers({ "svix-id": "msg_x", "svix-timestamp": String(Math.floor(Date.now() / 1000)), "svix-signature": "v1,AAAA" });
    expect(await handleResendWebhook("not json", headers, { onDeliveryEvent, secret })).toEqual({ status: 400, body: "invalid signature" });
  });

  it("tells the recruiter once when two bounces with different ids arrive for one invitation", async () => {
    const sent = await sentInvitation();
    const bounce = (message: string) => event("email.bounced", sent.providerMessageId, { bounce: { message, type: "Permanent" } });
    const first = delivery(bounce("Mailbox does not exist."));
    const second = delivery(bounce("Mailbox does not exist (again)."));

    expect(await handleResendWebhook(first.body, first.headers, { onDeliveryEvent, secret })).toEqual({ status: 200, body: "ok" });
    expect(await handleResendWebhook(second.body, second.headers, { onDeliveryEvent, secret })).toEqual({ status: 200, body: "ok" });

    const prisma = await db();
    // Both are on the timeline; the recruiter hears about it once.
    expect(await auditEvents(sent.interviewId, "email.bounced")).toHaveLength(2);
    expect(await prisma.outboxEmail.count({ where: { interviewId: sent.interviewId, kind: EmailKind.INVITATION_BOUNCED } })).toBe(1);
  });
});

describe("POST /api/webhooks/resend", () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://localhost/api/webhooks/resend", { method: "POST", body, headers, ...(body instanceof ReadableStream && { duplex: "half" }) });

  it("answers a body that is not JSON and not signed with 400, not 500", async () => {
    process.env.RESEND_WEBHOOK_SECRET = secret;
    const response = await POST(post("<html>not json</html>", { "svix-id": "msg_1", "svix-timestamp": "1", "svix-signature": "v1,x" }));
    expect(response.status).toBe(400);
  });

  it("answers a signed malformed body with 200 through the route", async () => {
    process.env.RESEND_WEBHOOK_SECRET = secret;
    const { body, headers } = delivery(null);
    const spy = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const response = await POST(post(body, Object.fromEntries(headers)));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("ignored");
    } finally {
      spy.mockRestore();
    }
  });

  it("refuses a body over 256 KiB with 413, counting bytes (not characters), before verifying anything", async () => {
    process.env.RESEND_WEBHOOK_SECRET = secret;
    // 100,000 three-byte characters: 300,000 bytes in 100,000 UTF-16 units.
    const wide = "€".repeat(100_000);
    expect((await POST(post(wide))).status).toBe(413);
    expect((await POST(post("x".repeat(300 * 1024)))).status).toBe(413);
  });

  it("stops reading a streamed body once it passes the limit", async () => {
    process.env.RESEND_WEBHOOK_SECRET = secret;
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    expect((await POST(post(endless))).status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });

  it("refuses a declared Content-Length over the limit at once", async () => {
    process.env.RESEND_WEBHOOK_SECRET = secret;
    expect((await POST(post("{}", { "content-length": String(10 * 1024 * 1024) }))).status).toBe(413);
  });
});
