import "server-only";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { ExpectedError, NotFoundError } from "@/lib/errors";
import type { InterviewStatus } from "@/lib/generated/prisma/enums";

/**
 * Whose change it is. A recruiter's is scoped to their organisation: another organisation's
 * interview is "not found", exactly like one that does not exist. The candidate's is scoped to the
 * session (key) that authorised it, which must still be the interview's active one. The clock's
 * (the sweep, retention) is not scoped.
 */
export type LockScope = { organizationId: string } | { sessionId: string } | "unscoped";

/** The key that authorised a candidate's step was replaced or revoked while the step waited. */
export class SessionEndedError extends ExpectedError {
  constructor() {
    super("This link no longer works: a newer invitation may have been sent. Check your latest email from the recruiter.", "link_ended");
    this.name = "SessionEndedError";
  }
}

/** What the lock reads of the interview, for the status check and the change itself. */
export interface LockedInterview {
  id: string;
  organizationId: string;
  status: InterviewStatus;
}

/**
 * Takes the interview's row lock for the rest of the transaction, so that changes to one interview
 * (the candidate's steps, a recruiter's, the background round's) apply one after the other and each
 * reads what the last one wrote.
 */
export async function lockInterview(tx: Tx, interviewId: string, scope: LockScope): Promise<LockedInterview> {
  const [locked] =
    typeof scope === "object" && "organizationId" in scope
      ? await tx.$queryRaw<LockedInterview[]>`
          SELECT id, "organizationId", status FROM "Interview"
          WHERE id = ${interviewId} AND "organizationId" = ${scope.organizationId} FOR UPDATE`
      : await tx.$queryRaw<LockedInterview[]>`
          SELECT id, "organizationId", status FROM "Interview" WHERE id = ${interviewId} FOR UPDATE`;
  if (!locked) throw new NotFoundError("Interview");
  if (typeof scope === "object" && "sessionId" in scope) {
    // A statement of its own, after the lock: it sees a rotation committed while this one waited.
    const [active] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "InterviewSession" WHERE id = ${scope.sessionId} AND "interviewId" = ${interviewId} AND "revokedAt" IS NULL`;
    if (!active) throw new SessionEndedError();
  }
  return locked;
}

/**
 * The one way to change an interview: one transaction, the interview's row lock, `check` on the
 * locked row (it throws to refuse), then `fn` with the time read once the lock is held — so a
 * change that waited for another sees that change, and its timestamps come after it. `at` pins
 * the time instead (tests); production callers leave it out.
 */
export async function withInterviewLock<T>(
  interviewId: string,
  scope: LockScope,
  check: (interview: LockedInterview) => void,
  fn: (tx: Tx, interview: LockedInterview, at: Date) => Promise<T>,
  at?: Date,
): Promise<T> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const interview = await lockInterview(tx, interviewId, scope);
    check(interview);
    return fn(tx, interview, at ?? now());
  });
}

/** A check that lets every status through (the change decides for itself, e.g. a settle first). */
export const anyStatus = () => {};

/** A check that refuses every status but `allowed`, with the error `refuse` makes for the status found. */
export function statusIn(allowed: readonly InterviewStatus[], refuse: (status: InterviewStatus) => Error) {
  return (interview: LockedInterview) => {
    if (!allowed.includes(interview.status)) throw refuse(interview.status);
  };
}
