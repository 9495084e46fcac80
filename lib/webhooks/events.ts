import "server-only";
import { randomBytes } from "node:crypto";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db";

// What an organisation's endpoints hear about, and the envelope they hear it in. Events are written
// in the transaction of the change they report (enqueueWebhookEvents), with a delivery row per
// subscribed endpoint: a change that rolls back leaves no event, one that commits cannot lose it.

/** Every event an endpoint may subscribe to (webhook.test is sent only by "Send test event"). */
export const WEBHOOK_EVENT_TYPES = [
  "interview.scheduled",
  "interview.rescheduled",
  "interview.cancelled",
  "interview.started",
  "interview.completed",
  "interview.expired",
  "invitation.delivered",
  "invitation.bounced",
  "scorecard.submitted",
  "decision.made",
  "candidate.deleted",
  // A recorded answer's transcript was written ("done") or given up on ("failed").
  "transcript.ready",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number] | "webhook.test";

export function isWebhookEventType(type: string): type is (typeof WEBHOOK_EVENT_TYPES)[number] {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);
}

export interface WebhookEventInput {
  organizationId: string;
  type: WebhookEventType;
  /** The interview it is about: its candidate, job, status and ids go into `data`. */
  interviewId?: string | null;
  /** Fields of the change itself (a decision, a recommendation), added to `data`. */
  data?: Record<string, unknown>;
  at?: Date;
}

/** A fresh event id: the webhook-id header, the same on every attempt of every endpoint. */
export function newEventId(): string {
  return `msg_${randomBytes(18).toString("base64url")}`;
}

const interviewFields = {
  id: true,
  status: true,
  mode: true,
  scheduledAt: true,
  dueAt: true,
  externalId: true,
  metadata: true,
  job: { select: { id: true, title: true } },
  candidate: { select: { id: true, name: true, email: true, externalId: true, metadata: true } },
} as const;

type CandidateRow = { id: string; name: string; email: string; externalId: string | null; metadata: unknown };

/** A candidate as payloads show them (never notes, phone or anything secret). */
export function candidateData(candidate: CandidateRow) {
  return { id: candidate.id, name: candidate.name, email: candidate.email, external_id: candidate.externalId, metadata: candidate.metadata ?? null };
}

/**
 * Queues events in the caller's transaction: one query for the organisations' enabled endpoints
 * subscribed to any of the types, and nothing more when there are none (the common case). Returns
 * how many deliveries were queued.
 */
export async function enqueueWebhookEvents(tx: Tx, events: WebhookEventInput[]): Promise<number> {
  if (events.length === 0) return 0;
  const orgIds = [...new Set(events.map((e) => e.organizationId))];
  const types = [...new Set(events.map((e) => e.type))];
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { organizationId: { in: orgIds }, enabled: true, events: { hasSome: types } },
    select: { id: true, organizationId: true, events: true },
  });
  if (endpoints.length === 0) return 0;

  const heard = events.filter((e) => endpoints.some((ep) => ep.organizationId === e.organizationId && ep.events.includes(e.type)));
  const interviewIds = [...new Set(heard.flatMap((e) => (e.interviewId ? [e.interviewId] : [])))];
  const interviews = interviewIds.length
    ? await tx.interview.findMany({ where: { id: { in: interviewIds } }, select: interviewFields })
    : [];
  const byId = new Map(interviews.map((i) => [i.id, i]));

  const at = now();
  const rows = heard.map((event) => {
    const interview = event.interviewId ? byId.get(event.interviewId) : undefined;
    const createdAt = event.at ?? at;
    const data = {
      ...(interview && {
        interview: {
          id: interview.id,
          // As the API writes them (lib/api/v1/interview-json.ts), so one parser reads both.
          status: interview.status.toLowerCase(),
          mode: interview.mode.toLowerCase(),
          starts_at: interview.scheduledAt.toISOString(),
          due_at: interview.dueAt?.toISOString() ?? null,
          external_id: interview.externalId,
          metadata: interview.metadata ?? null,
        },
        job: { id: interview.job.id, title: interview.job.title },
        candidate: candidateData(interview.candidate),
      }),
      ...event.data,
    };
    const id = newEventId();
    return { id, organizationId: event.organizationId, type: event.type, createdAt, payload: envelope(id, event.type, createdAt, data) };
  });
  await tx.webhookEvent.createMany({ data: rows });
  const deliveries = rows.flatMap((row) =>
    endpoints
      .filter((ep) => ep.organizationId === row.organizationId && ep.events.includes(row.type))
      .map((ep) => ({ eventId: row.id, endpointId: ep.id, nextAttemptAt: row.createdAt, dueSince: row.createdAt })),
  );
  await tx.webhookDelivery.createMany({ data: deliveries });
  return deliveries.length;
}

/** The envelope, serialised once: what is stored is exactly what is signed and sent. */
export function envelope(id: string, type: string, createdAt: Date, data: Record<string, unknown>): string {
  return JSON.stringify({ id, type, created_at: createdAt.toISOString(), data });
}
