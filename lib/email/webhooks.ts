import "server-only";
import { Webhook } from "standardwebhooks";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { ActorType, DeliveryState, EmailKind } from "@/lib/generated/prisma/enums";
import { recordEvent } from "@/lib/interviews/audit";
import { interviewDashboardUrl } from "@/lib/interviews/emails";
import { enqueueEmail } from "./outbox";
import { renderEmail } from "./templates";

const EVENT_STATES: Record<string, DeliveryState> = {
  "email.delivered": DeliveryState.DELIVERED,
  "email.delivery_delayed": DeliveryState.DELAYED,
  "email.bounced": DeliveryState.BOUNCED,
  "email.complained": DeliveryState.COMPLAINED,
};

export type WebhookOutcome = { status: 200 | 400 | 500; body: string };

interface ResendEvent {
  type: string;
  data?: { email_id?: string; bounce?: { message?: string; type?: string } };
}

/**
 * Handles one Resend webhook delivery: verifies its svix signature over the raw body (and its
 * timestamp: at most 5 minutes old), ignores a replay of an id already processed, and records
 * the delivery state on the email. A bounced invitation marks the interview and tells the recruiter.
 */
export async function handleResendWebhook(rawBody: string, headers: Headers, secret = process.env.RESEND_WEBHOOK_SECRET): Promise<WebhookOutcome> {
  if (!secret) return { status: 500, body: "webhook secret not configured" };
  const id = headers.get("svix-id") ?? "";
  let event: ResendEvent;
  try {
    event = new Webhook(secret.startsWith("whsec_") ? secret : Buffer.from(secret).toString("base64")).verify(rawBody, {
      "webhook-id": id,
      "webhook-timestamp": headers.get("svix-timestamp") ?? "",
      "webhook-signature": headers.get("svix-signature") ?? "",
    }) as ResendEvent;
  } catch {
    return { status: 400, body: "invalid signature" };
  }
  if (!id || id.length > 200) return { status: 400, body: "missing id" };

  const prisma = await db();
  const state = EVENT_STATES[event.type];
  const emailId = event.data?.email_id;
  await prisma.$transaction(async (tx) => {
    const fresh = await tx.webhookReceipt.createMany({ data: [{ id, type: String(event.type).slice(0, 100) }], skipDuplicates: true });
    if (fresh.count === 0 || !state || !emailId) return; // a replay, or an event we do not track
    const email = await tx.outboxEmail.findUnique({
      where: { providerMessageId: emailId },
      select: { id: true, kind: true, organizationId: true, interviewId: true },
    });
    if (!email) return;
    const at = now();
    await tx.outboxEmail.update({ where: { id: email.id }, data: { deliveryState: state, deliveryAt: at } });
    if (!email.interviewId) return;
    await recordEvent(tx, {
      organizationId: email.organizationId,
      interviewId: email.interviewId,
      actor: { type: ActorType.SYSTEM },
      type: `email.${state.toLowerCase()}`,
      data: { emailId: email.id, kind: email.kind, ...(event.data?.bounce && { reason: event.data.bounce.message ?? event.data.bounce.type }) },
      at,
    });
    if (state !== DeliveryState.BOUNCED || (email.kind !== EmailKind.INVITATION && email.kind !== EmailKind.RESCHEDULED)) return;
    const interview = await tx.interview.update({
      where: { id: email.interviewId },
      data: { bouncedAt: at },
      select: { id: true, candidate: { select: { name: true, email: true } }, job: { select: { title: true } }, createdBy: { select: { name: true, email: true } } },
    });
    if (!interview.createdBy) return;
    const rendered = await renderEmail({
      template: "invitation-bounced",
      props: {
        recruiterName: interview.createdBy.name,
        candidateName: interview.candidate.name,
        candidateEmail: interview.candidate.email,
        jobTitle: interview.job.title,
        reason: event.data?.bounce?.message ?? "The recipient's mail server refused the message.",
        interviewUrl: interviewDashboardUrl(interview.id),
      },
    });
    await enqueueEmail(tx, {
      organizationId: email.organizationId,
      interviewId: interview.id,
      kind: EmailKind.INVITATION_BOUNCED,
      toEmail: interview.createdBy.email,
      toName: interview.createdBy.name,
      ...rendered,
    });
  });
  return { status: 200, body: "ok" };
}
