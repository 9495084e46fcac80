import "server-only";
import type { Tx } from "@/lib/email/outbox";
import type { ActorType, Prisma } from "@/lib/generated/prisma/client";

export interface Actor {
  type: ActorType;
  id?: string | null;
}

/** Records a state change in the caller's transaction. */
export async function recordEvent(
  tx: Tx,
  event: { organizationId: string; interviewId?: string | null; actor: Actor; type: string; data?: Record<string, unknown>; at?: Date },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: event.organizationId,
      interviewId: event.interviewId ?? null,
      actorType: event.actor.type,
      actorId: event.actor.id ?? null,
      type: event.type,
      data: (event.data ?? {}) as Prisma.InputJsonValue,
      ...(event.at && { createdAt: event.at }),
    },
  });
}
