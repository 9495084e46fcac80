import "server-only";
import { addMilliseconds } from "date-fns";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { FieldError, NotFoundError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { WEBHOOK_DESCRIPTION_MAX } from "@/lib/limits";
import { checkEndpointUrl, WebhookAddressError } from "./address";
import { isWebhookEventType } from "./events";
import { newSecret, ROTATION_OVERLAP_MS } from "./signing";

// Managing an organisation's endpoints: what the Settings page's actions and the public API
// (acting as the key's owner or admin) both call. Every function takes who is acting, checks they
// manage the organisation, and puts the organisation into every where: another organisation's
// endpoint is "not found" like a missing one.

/** Who is acting: a member of the organisation (from the session, or an API key's creator). */
export interface WebhookActor {
  userId: string;
  organizationId: string;
}

export const ENDPOINTS_PER_ORGANIZATION = 20;
const DESCRIPTION_MAX = WEBHOOK_DESCRIPTION_MAX;

export interface EndpointInput {
  url: string;
  description: string;
  events: string[];
}

/** Owners and admins only; anyone else is told it is not found (there is nothing for them here). */
async function assertManages({ userId, organizationId }: WebhookActor) {
  const prisma = await db();
  const user = await prisma.user.findFirst({ where: { id: userId, organizationId, role: { in: [Role.OWNER, Role.ADMIN] } }, select: { id: true } });
  if (!user) throw new NotFoundError("Webhook endpoint");
}

function validated(input: EndpointInput): EndpointInput {
  let url: URL;
  try {
    url = checkEndpointUrl(input.url.trim());
  } catch (error) {
    if (error instanceof WebhookAddressError) throw new FieldError("url", error.message);
    throw error;
  }
  const events = [...new Set(input.events)];
  if (events.length === 0) throw new FieldError("events", "Choose at least one event.");
  if (!events.every(isWebhookEventType)) throw new FieldError("events", "Choose events from the list.");
  if (input.description.length > DESCRIPTION_MAX) throw new FieldError("description", `Use at most ${DESCRIPTION_MAX} characters.`);
  return { url: url.toString(), description: input.description.trim(), events };
}

const listed = {
  id: true,
  url: true,
  description: true,
  events: true,
  enabled: true,
  disabledAt: true,
  disabledReason: true,
  failingSince: true,
  previousSecretUntil: true,
  createdAt: true,
} as const;

/** Registers an endpoint with a fresh secret; returns its id and the secret. */
export async function createEndpoint(actor: WebhookActor, input: EndpointInput): Promise<{ id: string; secret: string }> {
  await assertManages(actor);
  const data = validated(input);
  const prisma = await db();
  const count = await prisma.webhookEndpoint.count({ where: { organizationId: actor.organizationId } });
  if (count >= ENDPOINTS_PER_ORGANIZATION) throw new FieldError("url", `An organisation can have at most ${ENDPOINTS_PER_ORGANIZATION} endpoints.`);
  const secret = newSecret();
  const created = await prisma.webhookEndpoint.create({ data: { ...data, organizationId: actor.organizationId, secret }, select: { id: true } });
  return { id: created.id, secret };
}

/** Changes an endpoint's URL, description, events, or whether it is enabled (enabling clears why it was disabled). */
export async function updateEndpoint(actor: WebhookActor, id: string, input: Partial<EndpointInput> & { enabled?: boolean }): Promise<void> {
  await assertManages(actor);
  const prisma = await db();
  const current = await prisma.webhookEndpoint.findFirst({ where: { id, organizationId: actor.organizationId }, select: { url: true, description: true, events: true } });
  if (!current) throw new NotFoundError("Webhook endpoint");
  const data = validated({ url: input.url ?? current.url, description: input.description ?? current.description, events: input.events ?? current.events });
  const enabled =
    input.enabled === undefined
      ? {}
      : input.enabled
        ? { enabled: true, disabledAt: null, disabledReason: null, failingSince: null }
        : { enabled: false, disabledAt: now(), disabledReason: "Disabled by an admin." };
  const { count } = await prisma.webhookEndpoint.updateMany({ where: { id, organizationId: actor.organizationId }, data: { ...data, ...enabled } });
  if (count === 0) throw new NotFoundError("Webhook endpoint");
}

/** Deletes an endpoint with its deliveries and their log. */
export async function deleteEndpoint(actor: WebhookActor, id: string): Promise<void> {
  await assertManages(actor);
  const prisma = await db();
  const { count } = await prisma.webhookEndpoint.deleteMany({ where: { id, organizationId: actor.organizationId } });
  if (count === 0) throw new NotFoundError("Webhook endpoint");
}

/**
 * A new secret; the old one keeps signing (beside the new) for 24 hours so receivers can switch
 * without dropping a message. Rotating again within the day drops the oldest.
 */
export async function rotateSecret(actor: WebhookActor, id: string): Promise<{ secret: string; previousSecretUntil: Date }> {
  await assertManages(actor);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findFirst({ where: { id, organizationId: actor.organizationId }, select: { secret: true } });
    if (!current) throw new NotFoundError("Webhook endpoint");
    const secret = newSecret();
    const previousSecretUntil = addMilliseconds(now(), ROTATION_OVERLAP_MS);
    await tx.webhookEndpoint.update({ where: { id }, data: { secret, previousSecret: current.secret, previousSecretUntil } });
    return { secret, previousSecretUntil };
  });
}

/** The organisation's endpoints, oldest first, without their secrets. */
export async function listEndpoints(actor: WebhookActor) {
  await assertManages(actor);
  const prisma = await db();
  return prisma.webhookEndpoint.findMany({ where: { organizationId: actor.organizationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: listed });
}

/** One endpoint with its secret (admins need it to verify signatures), or NotFoundError. */
export async function findEndpoint(actor: WebhookActor, id: string) {
  await assertManages(actor);
  const prisma = await db();
  const endpoint = await prisma.webhookEndpoint.findFirst({ where: { id, organizationId: actor.organizationId }, select: { ...listed, secret: true } });
  if (!endpoint) throw new NotFoundError("Webhook endpoint");
  return endpoint;
}
