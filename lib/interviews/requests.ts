import "server-only";
import { enqueueEmail, type Tx } from "@/lib/email/outbox";
import { renderEmail, type EmailMessage } from "@/lib/email/templates";
import type { EmailKind } from "@/lib/generated/prisma/enums";
import { Role } from "@/lib/generated/prisma/enums";

/** A candidate's request (accommodation, deletion) the interview's state or the limits refuse; `reason` picks the words. */
export class CandidateRequestError extends Error {
  constructor(
    readonly reason: "not_open" | "not_completed" | "too_soon" | "too_many" | "already_requested" | "already_deleted",
    /** For "too_soon": minutes until another request is accepted. */
    readonly retryInMinutes?: number,
  ) {
    super(reason);
    this.name = "CandidateRequestError";
  }
}

export interface Recipient {
  name: string;
  email: string;
  role: "scheduler" | "owner";
}

/**
 * Who hears about a candidate's request: the recruiter who scheduled the interview, or — when that
 * account is gone — the organisation's owners, so a request never goes unread.
 */
export async function requestRecipients(tx: Tx, interviewId: string): Promise<Recipient[]> {
  const { organizationId, createdBy } = await tx.interview.findUniqueOrThrow({
    where: { id: interviewId },
    select: { organizationId: true, createdBy: { select: { name: true, email: true } } },
  });
  if (createdBy) return [{ ...createdBy, role: "scheduler" }];
  const owners = await tx.user.findMany({
    where: { organizationId, role: Role.OWNER },
    orderBy: { createdAt: "asc" },
    select: { name: true, email: true },
  });
  return owners.map((owner) => ({ ...owner, role: "owner" as const }));
}

/** Queues one email per recipient, each rendered with its own greeting, in the caller's transaction. */
export async function notifyRecipients(
  tx: Tx,
  target: { organizationId: string; interviewId: string; kind: EmailKind },
  recipients: Recipient[],
  message: (recipient: Recipient) => EmailMessage,
): Promise<void> {
  for (const recipient of recipients) {
    const rendered = await renderEmail(message(recipient));
    await enqueueEmail(tx, { ...target, toEmail: recipient.email, toName: recipient.name, ...rendered });
  }
}
