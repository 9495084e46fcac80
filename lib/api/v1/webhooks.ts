import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { WEBHOOK_DESCRIPTION_MAX } from "@/lib/limits";
import { listEndpoints, createEndpoint, deleteEndpoint, findEndpoint, rotateSecret, updateEndpoint } from "@/lib/webhooks/endpoints";
import { redeliver, sendTestEvent } from "@/lib/webhooks/deliveries";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { defineOperation } from "../operation";
import { after, idParams, iso, listQuery, NEWEST_FIRST, page, pageOf, timestamp } from "./shared";

// Webhook endpoints through the API (webhooks:write): the same functions as Settings → Webhooks.
// The signing secret is returned when an endpoint is created and when it is rotated, never after.

const eventType = z.enum(WEBHOOK_EVENT_TYPES);

const endpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    disabled_at: timestamp.nullable(),
    disabled_reason: z.string().nullable(),
    failing_since: timestamp.nullable().meta({ description: "When deliveries started failing without a success since (3 days of that disables it)." }),
    previous_secret_expires_at: timestamp.nullable().meta({ description: "After a rotation: until when the old secret signs too." }),
    created_at: timestamp,
  })
  .meta({ id: "WebhookEndpoint" });

const withSecret = endpointSchema.extend({ secret: z.string().meta({ description: "whsec_…: verify signatures with it (Standard Webhooks). Shown now and on rotation only." }) }).meta({ id: "WebhookEndpointWithSecret" });

const endpointInput = z
  .object({
    url: z.string().trim().min(1).max(2000).meta({ description: "https, resolving to a public address (checked again at every send).", example: "https://ats.example.com/kairos/webhooks" }),
    events: z.array(eventType).min(1).meta({ description: "The event types to receive." }),
    description: z.string().trim().max(WEBHOOK_DESCRIPTION_MAX).optional(),
  })
  .meta({ id: "WebhookEndpointInput" });

const deliverySchema = z
  .object({
    id: z.string(),
    event: z.object({ id: z.string().meta({ description: "The event's id: the webhook-id header, the same on every attempt." }), type: z.string() }),
    status: z.enum(["pending", "sending", "delivered", "failed"]),
    attempts: z.number().int(),
    next_attempt_at: timestamp.nullable(),
    last_response_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    created_at: timestamp,
  })
  .meta({ id: "WebhookDelivery" });

type EndpointRow = Awaited<ReturnType<typeof listEndpoints>>[number];

function endpointJson(row: EndpointRow) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.enabled,
    disabled_at: iso(row.disabledAt),
    disabled_reason: row.disabledReason,
    failing_since: iso(row.failingSince),
    previous_secret_expires_at: iso(row.previousSecretUntil),
    created_at: iso(row.createdAt),
  };
}

const common = { scope: "webhooks:write" as const, tag: "Webhooks" };
const FIELDS = { url: "/url", events: "/events", description: "/description" };

export const listWebhookEndpointsOperation = defineOperation(
  { ...common, id: "listWebhookEndpoints", method: "GET", path: "/api/v1/webhook-endpoints", summary: "List webhook endpoints", success: { status: 200, description: "Every endpoint (an organisation has at most 20).", schema: z.object({ data: z.array(endpointSchema) }) }, problems: [] },
  async ({ caller }) => ({ body: { data: (await listEndpoints(caller)).map(endpointJson) } }),
);

export const createWebhookEndpointOperation = defineOperation(
  {
    ...common,
    id: "createWebhookEndpoint",
    method: "POST",
    path: "/api/v1/webhook-endpoints",
    summary: "Register a webhook endpoint",
    description: "Returns the endpoint with its signing secret, the one time the API shows it (Settings → Webhooks can reveal it to owners and admins).",
    body: endpointInput,
    success: { status: 201, description: "The endpoint and its secret.", schema: withSecret },
    problems: [400, 413, 415, 422],
    fields: FIELDS,
  },
  async ({ caller, body }) => {
    const { id, secret } = await createEndpoint(caller, { url: body.url, events: body.events, description: body.description ?? "" });
    const endpoint = await findEndpoint(caller, id);
    return { status: 201, body: { ...endpointJson(endpoint), secret } };
  },
);

export const getWebhookEndpointOperation = defineOperation(
  { ...common, id: "getWebhookEndpoint", method: "GET", path: "/api/v1/webhook-endpoints/{id}", summary: "Get a webhook endpoint", params: idParams, success: { status: 200, description: "The endpoint (without its secret).", schema: endpointSchema }, problems: [404] },
  async ({ caller, params }) => ({ body: endpointJson(await findEndpoint(caller, params.id)) }),
);

export const updateWebhookEndpointOperation = defineOperation(
  {
    ...common,
    id: "updateWebhookEndpoint",
    method: "PATCH",
    path: "/api/v1/webhook-endpoints/{id}",
    summary: "Change an endpoint's URL, events or description, or enable or disable it",
    description: "Enabling a disabled endpoint clears why it was disabled; deliveries queued since are not sent retroactively (redeliver them).",
    params: idParams,
    body: endpointInput.partial().extend({ enabled: z.boolean().optional() }).meta({ id: "WebhookEndpointUpdate" }),
    success: { status: 200, description: "The endpoint after the change.", schema: endpointSchema },
    problems: [400, 404, 413, 415, 422],
    fields: FIELDS,
  },
  async ({ caller, params, body }) => {
    await updateEndpoint(caller, params.id, body);
    return { body: endpointJson(await findEndpoint(caller, params.id)) };
  },
);

export const deleteWebhookEndpointOperation = defineOperation(
  { ...common, id: "deleteWebhookEndpoint", method: "DELETE", path: "/api/v1/webhook-endpoints/{id}", summary: "Delete a webhook endpoint and its delivery log", params: idParams, success: { status: 204, description: "Deleted." }, problems: [404] },
  async ({ caller, params }) => {
    await deleteEndpoint(caller, params.id);
    return { status: 204 };
  },
);

export const rotateWebhookSecretOperation = defineOperation(
  {
    ...common,
    id: "rotateWebhookSecret",
    method: "POST",
    path: "/api/v1/webhook-endpoints/{id}/rotate-secret",
    summary: "Rotate an endpoint's signing secret",
    description: "For 24 hours every message is signed with both the new and the old secret, so receivers can switch without dropping one.",
    params: idParams,
    success: { status: 200, description: "The new secret.", schema: z.object({ secret: z.string(), previous_secret_expires_at: timestamp }).meta({ id: "RotatedSecret" }) },
    problems: [404],
  },
  async ({ caller, params }) => {
    const { secret, previousSecretUntil } = await rotateSecret(caller, params.id);
    return { body: { secret, previous_secret_expires_at: iso(previousSecretUntil) } };
  },
);

export const testWebhookEndpointOperation = defineOperation(
  { ...common, id: "testWebhookEndpoint", method: "POST", path: "/api/v1/webhook-endpoints/{id}/test", summary: "Send a webhook.test event to this endpoint", params: idParams, success: { status: 202, description: "Queued.", schema: z.object({ event_id: z.string() }) }, problems: [404, 409] },
  async ({ caller, params }) => ({ status: 202, body: { event_id: (await sendTestEvent(caller, params.id)).eventId } }),
);

export const listWebhookDeliveriesOperation = defineOperation(
  {
    ...common,
    id: "listWebhookDeliveries",
    method: "GET",
    path: "/api/v1/webhook-endpoints/{id}/deliveries",
    summary: "List an endpoint's deliveries",
    description: "Newest first, with each one's status, attempts and last response code.",
    params: idParams,
    query: listQuery,
    success: { status: 200, description: "A page of deliveries.", schema: pageOf(deliverySchema, "WebhookDeliveryPage") },
    problems: [400, 404],
  },
  async ({ caller, params, query }) => {
    await findEndpoint(caller, params.id);
    const prisma = await db();
    const rows = await prisma.webhookDelivery.findMany({
      where: { endpointId: params.id, endpoint: { organizationId: caller.organizationId }, ...after(query.cursor) },
      orderBy: NEWEST_FIRST,
      take: query.limit + 1,
      select: { id: true, status: true, attempts: true, nextAttemptAt: true, lastResponseCode: true, lastError: true, createdAt: true, event: { select: { id: true, type: true } } },
    });
    const result = page(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    return {
      body: {
        ...result,
        data: result.data.map((row) => ({
          id: row.id,
          event: row.event,
          status: row.status.toLowerCase(),
          attempts: row.attempts,
          next_attempt_at: iso(row.nextAttemptAt),
          last_response_code: row.lastResponseCode,
          last_error: row.lastError,
          created_at: iso(row.createdAt),
        })),
      },
    };
  },
);

export const redeliverWebhookOperation = defineOperation(
  {
    ...common,
    id: "redeliverWebhook",
    method: "POST",
    path: "/api/v1/webhook-deliveries/{id}/redeliver",
    summary: "Deliver an event to its endpoint again",
    description: "Queued now with the same event id (receivers deduplicate on it) and three more days of retries.",
    params: idParams,
    success: { status: 202, description: "Queued.", schema: z.object({ queued: z.literal(true) }) },
    problems: [404, 409],
  },
  async ({ caller, params }) => {
    await redeliver(caller, params.id);
    return { status: 202, body: { queued: true } };
  },
);
