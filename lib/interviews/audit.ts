import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { insertRows, type ColumnTypes } from "@/lib/db-insert";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ActorType, EmailKind } from "@/lib/generated/prisma/enums";
import { enqueueGreenhouseCallbacks } from "@/lib/greenhouse/callbacks";
import { enqueueWebhookEvents, type WebhookEventInput, type WebhookEventType } from "@/lib/webhooks/events";

export interface Actor {
  type: ActorType;
  id?: string | null;
}

/** The clock's own changes (the sweep, retention). */
export const SYSTEM: Actor = { type: ActorType.SYSTEM };
/** Whoever holds the interview's key. */
export const CANDIDATE: Actor = { type: ActorType.CANDIDATE };
/** Whoever holds a share link (a hiring manager without an account). */
export const shareLinkHolder = (shareLinkId: string): Actor => ({ type: ActorType.SHARE_LINK, id: shareLinkId });
/** A signed-in member of the organisation. */
export const member = (userId: string): Actor => ({ type: ActorType.USER, id: userId });
/** Whoever made a member's change: the member, or the API key that acted as them. */
export const actorOf = (by: { userId: string; apiKeyId?: string }): Actor => (by.apiKeyId ? { type: ActorType.API_KEY, id: by.apiKeyId } : member(by.userId));

/** Every event the audit trail records; the interview page's timeline words each one. */
export const AUDIT_EVENT_TYPES = [
  "interview.scheduled",
  "interview.rescheduled",
  "deadline.extended",
  "answers.reopened",
  "invitation.resent",
  "interview.started",
  "question.opened",
  "interview.completed",
  "interview.expired",
  "interview.cancelled",
  "reschedule.requested",
  // Before scorecards (kept for the history): one shared rating per answer, one recommendation.
  "answer.rated",
  "interview.reviewed",
  "review.requested",
  "scorecard.submitted",
  "scorecard.reopened",
  "interview.decided",
  "share_link.created",
  "share_link.revoked",
  "share_link.scorecard_submitted",
  "accommodations.set",
  "accommodation.requested",
  "deletion.requested",
  "content.deleted",
  "retention.changed",
  "transcription.changed",
  // A recorded answer's transcript is written (data: answerId, number, status "done" or "failed").
  "transcript.ready",
  "member.role_changed",
  "member.removed",
  "email.sent",
  "email.failed",
  "email.delivered",
  "email.delayed",
  "email.bounced",
  "email.complained",
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** Records a state change in the caller's transaction. */
export async function recordEvent(tx: Tx, event: AuditEventInput): Promise<void> {
  await recordEvents(tx, [event]);
}

export interface AuditEventInput {
  organizationId: string;
  interviewId?: string | null;
  actor: Actor;
  type: AuditEventType;
  data?: Record<string, unknown>;
  at?: Date;
}

/** Records several state changes in one statement (a bulk invitation's interviews). */
export async function recordEvents(
  tx: Tx,
  events: AuditEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.auditEvent.createMany({ data: events.map((event) => ({ ...eventRow(event), ...(event.at && { createdAt: event.at }) })) });
  await enqueueWebhooksFor(tx, events);
}

/**
 * Records many events (a bulk invitation's thousands, a hundred per call) in one set-based
 * statement: the rows recordEvents writes, with the id and time Prisma would fill in given here.
 */
export async function recordEventBatch(tx: Tx, events: AuditEventInput[]): Promise<void> {
  // Without `at`, stamped as Prisma stamps @default(now()): when the statement is written.
  const written = new Date();
  await insertRows(tx, "AuditEvent", EVENT_COLUMNS, events.map((event) => ({ id: randomUUID(), ...eventRow(event), createdAt: event.at ?? written })));
  await enqueueWebhooksFor(tx, events);
}

// Which audit events an organisation's webhooks hear, under which name. Every state change records
// its audit event in its own transaction, so queuing the webhook here makes it commit (or roll
// back) with the change, for every caller — server actions, the API, the sweep — alike.
const WEBHOOK_TYPES: Partial<Record<AuditEventType, WebhookEventType>> = {
  "interview.scheduled": "interview.scheduled",
  "interview.rescheduled": "interview.rescheduled",
  // A deadline interview's new due date is its reschedule; data.change says which it was.
  "deadline.extended": "interview.rescheduled",
  "interview.cancelled": "interview.cancelled",
  "interview.started": "interview.started",
  "interview.completed": "interview.completed",
  "interview.expired": "interview.expired",
  "scorecard.submitted": "scorecard.submitted",
  "interview.decided": "decision.made",
  "transcript.ready": "transcript.ready",
};

/** Audit data safe and useful for an ATS (never an address the audit keeps, never a key). */
/** What a webhook passes on from its audit event, named and written as the API names and writes it (snake_case, lower-case values). */
const PASSED_ON = { decision: "decision", recommendation: "recommendation", scorecardId: "scorecard_id" } as const;

function webhookEventFor(event: AuditEventInput): WebhookEventInput | null {
  let type = WEBHOOK_TYPES[event.type];
  // A delivery event says something about the candidate only for the invitation itself.
  if (!type && (event.type === "email.delivered" || event.type === "email.bounced") && event.data?.kind === EmailKind.INVITATION) {
    type = event.type === "email.delivered" ? "invitation.delivered" : "invitation.bounced";
  }
  if (!type) return null;
  const data: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(PASSED_ON)) {
    const value = event.data?.[key];
    if (value !== undefined) data[name] = key === "scorecardId" || typeof value !== "string" ? value : value.toLowerCase();
  }
  if (event.type === "deadline.extended") data.change = "deadline_extended";
  if (type === "invitation.bounced" && typeof event.data?.reason === "string") data.reason = event.data.reason;
  // Which answer, by id and by its question's number (1-based), and how it ended; the text itself is read from the API.
  if (type === "transcript.ready") Object.assign(data, { answer_id: event.data?.answerId, question_number: event.data?.number, status: event.data?.status });
  return { organizationId: event.organizationId, interviewId: event.interviewId, type, data, at: event.at };
}

async function enqueueWebhooksFor(tx: Tx, events: AuditEventInput[]) {
  // The portal records question.opened on every question: no mapped type, no query at all.
  const mapped = events.flatMap((event) => webhookEventFor(event) ?? []);
  if (mapped.length > 0) await enqueueWebhookEvents(tx, mapped);
  // Greenhouse's callback is owed by the same changes (completion, scorecards, decision), so it
  // commits with them too; other events cost no query.
  await enqueueGreenhouseCallbacks(tx, events);
}

function eventRow(event: AuditEventInput) {
  return {
    organizationId: event.organizationId,
    interviewId: event.interviewId ?? null,
    actorType: event.actor.type,
    actorId: event.actor.id ?? null,
    type: event.type,
    data: (event.data ?? {}) as Prisma.InputJsonValue,
  };
}

const EVENT_COLUMNS: ColumnTypes<ReturnType<typeof eventRow> & { id: string; createdAt: Date }> = {
  id: "text",
  organizationId: "text",
  interviewId: "text",
  actorType: { enum: "ActorType" },
  actorId: "text",
  type: "text",
  data: "jsonb",
  createdAt: "timestamp",
};
