import "server-only";
import { Webhook } from "standardwebhooks";
import { z } from "zod";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import type { EmailKind } from "@/lib/generated/prisma/enums";
import { DeliveryState } from "@/lib/generated/prisma/enums";

const EVENT_STATES: Record<string, DeliveryState> = {
  "email.delivered": DeliveryState.DELIVERED,
  "email.delivery_delayed": DeliveryState.DELAYED,
  "email.bounced": DeliveryState.BOUNCED,
  "email.complained": DeliveryState.COMPLAINED,
};

export type WebhookOutcome = { status: 200 | 400 | 500; body: string };

/** What Kairos reads of a Resend event; any other field is ignored, a wrong type makes it malformed. */
const resendEvent = z.object({
  type: z.string().max(100),
  data: z
    .object({
      email_id: z.string().max(200).optional(),
      bounce: z.object({ message: z.string().max(2000).optional(), type: z.string().max(200).optional() }).optional(),
    })
    .optional(),
});

/** A delivery event for one of our emails, handed to the domain that queued it. */
export interface DeliveryEvent {
  email: { id: string; kind: EmailKind; organizationId: string | null; interviewId: string | null };
  state: DeliveryState;
  /** The provider's words for a bounce. */
  reason?: string;
  at: Date;
}

/** Called in the transaction that records the delivery state on the email. */
export type DeliveryEventHook = (tx: Tx, event: DeliveryEvent) => Promise<void>;

/**
 * Handles one Resend webhook delivery: verifies its svix signature over the raw body (and its
 * timestamp: at most 5 minutes old), ignores a replay of an id already processed, records the
 * delivery state on the email and hands the event to `onDeliveryEvent`. A signed event that is
 * not shaped as documented is logged and acknowledged: retrying it could never succeed.
 */
export async function handleResendWebhook(
  rawBody: string,
  headers: Headers,
  { onDeliveryEvent, secret = process.env.RESEND_WEBHOOK_SECRET }: { onDeliveryEvent: DeliveryEventHook; secret?: string },
): Promise<WebhookOutcome> {
  if (!secret) return { status: 500, body: "webhook secret not configured" };
  const id = headers.get("svix-id") ?? "";
  try {
    // Only the signature here: a body that is signed but not JSON is malformed, not forged.
    new Webhook(secret.startsWith("whsec_") ? secret : Buffer.from(secret).toString("base64")).verify(
      rawBody,
      { "webhook-id": id, "webhook-timestamp": headers.get("svix-timestamp") ?? "", "webhook-signature": headers.get("svix-signature") ?? "" },
      { jsonParse: false },
    );
  } catch {
    return { status: 400, body: "invalid signature" };
  }
  if (!id || id.length > 200) return { status: 400, body: "missing id" };
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    // The body is never quoted: it names recipients.
    console.warn("resend webhook: ignored a signed event that is not JSON", { id, bytes: Buffer.byteLength(rawBody) });
    return { status: 200, body: "ignored" };
  }
  const parsed = resendEvent.safeParse(payload);
  if (!parsed.success) {
    // zod's messages name paths and types, never the values received.
    console.warn("resend webhook: ignored a signed event of unexpected shape", { id, issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
    return { status: 200, body: "ignored" };
  }
  const event = parsed.data;

  const prisma = await db();
  const state = EVENT_STATES[event.type];
  const emailId = event.data?.email_id;
  await prisma.$transaction(async (tx) => {
    const fresh = await tx.webhookReceipt.createMany({ data: [{ id, type: event.type }], skipDuplicates: true });
    if (fresh.count === 0 || !state || !emailId) return; // a replay, or an event we do not track
    const email = await tx.outboxEmail.findUnique({
      where: { providerMessageId: emailId },
      select: { id: true, kind: true, organizationId: true, interviewId: true },
    });
    if (!email) return;
    const at = now();
    await tx.outboxEmail.update({ where: { id: email.id }, data: { deliveryState: state, deliveryAt: at } });
    const bounce = event.data?.bounce;
    await onDeliveryEvent(tx, { email, state, at, ...(bounce && { reason: bounce.message ?? bounce.type }) });
  });
  return { status: 200, body: "ok" };
}
