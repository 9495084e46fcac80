import { randomBytes, randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
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
