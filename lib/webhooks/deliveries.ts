import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { NotFoundError, StateError } from "@/lib/errors";
import { WebhookDeliveryStatus } from "@/lib/generated/prisma/enums";
import { findEndpoint, type WebhookActor } from "./endpoints";
import { envelope, newEventId } from "./events";

export const DELIVERIES_PAGE_SIZE = 50;

/** An endpoint's deliveries, newest first, each with its latest attempt. */
export async function listDeliveries(actor: WebhookActor, endpointId: string, { take = DELIVERIES_PAGE_SIZE }: { take?: number } = {}) {
  await findEndpoint(actor, endpointId);
  const prisma = await db();
  const rows = await prisma.webhookDelivery.findMany({
    where: { endpointId, endpoint: { organizationId: actor.organizationId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastResponseCode: true,
      lastError: true,
      createdAt: true,
      event: { select: { id: true, type: true } },
      attemptLog: { orderBy: { at: "desc" }, take: 1, select: { at: true, statusCode: true, latencyMs: true, responseBody: true, error: true } },
    },
  });
  return rows.map(({ attemptLog, ...row }) => ({ ...row, lastAttempt: attemptLog[0] ?? null }));
}

/**
 * Queues a delivery again, now, with the same event id (receivers deduplicate on it) and a fresh
 * 3 days of retries. One being sent right now is left to finish.
 */
export async function redeliver(actor: WebhookActor, deliveryId: string): Promise<void> {
  const prisma = await db();
  const delivery = await prisma.webhookDelivery.findFirst({ where: { id: deliveryId, endpoint: { organizationId: actor.organizationId } }, select: { endpointId: true } });
  if (!delivery) throw new NotFoundError("Delivery");
  const endpoint = await findEndpoint(actor, delivery.endpointId);
  if (!endpoint.enabled) throw new StateError("Enable the endpoint before redelivering to it.");
  const at = now();
  const { count } = await prisma.webhookDelivery.updateMany({
    where: { id: deliveryId, status: { not: WebhookDeliveryStatus.SENDING } },
    data: { status: WebhookDeliveryStatus.PENDING, nextAttemptAt: at, dueSince: at, leaseUntil: null },
  });
  if (count === 0) throw new StateError("This delivery is being sent right now.");
}

/** Queues a webhook.test event for this endpoint alone (whatever it subscribes to). */
export async function sendTestEvent(actor: WebhookActor, endpointId: string): Promise<{ eventId: string }> {
  const endpoint = await findEndpoint(actor, endpointId);
  if (!endpoint.enabled) throw new StateError("Enable the endpoint before sending it a test event.");
  const prisma = await db();
  const id = newEventId();
  const at = now();
  await prisma.$transaction(async (tx) => {
    await tx.webhookEvent.create({ data: { id, organizationId: actor.organizationId, type: "webhook.test", createdAt: at, payload: envelope(id, "webhook.test", at, { message: "A test event from Kairos.", endpoint_id: endpointId }) } });
    await tx.webhookDelivery.create({ data: { eventId: id, endpointId, nextAttemptAt: at, dueSince: at } });
  });
  return { eventId: id };
}
