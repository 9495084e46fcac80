import "server-only";
import { db } from "@/lib/db";
import { InterviewMode, InterviewStatus } from "@/lib/generated/prisma/enums";
import { hashToken } from "@/lib/tokens";
import { sessionKeySchema } from "../model/session-keys";
import { judgeInterview } from "../model/window";

/**
 * The candidate behind a request: the interview their key opens and the session (key) that opened
 * it. Every candidate step re-checks under the interview's lock that this session is still the
 * active one, so a step authorised by a key the recruiter has just replaced does not go through.
 */
export interface CandidateSession {
  interviewId: string;
  sessionId: string;
}

export type Access =
  | { state: "invalid" }
  | { state: "replaced" }
  | { state: "cancelled" }
  | { state: "completed"; interviewId: string; sessionId: string }
  | { state: "expired"; interviewId: string; sessionId: string; rescheduleRequested: boolean; deadline?: true }
  /** dueAt: a DEADLINE interview's due time (absent for SCHEDULED). */
  | { state: "too_early"; opensAt: Date; startsAt: Date; dueAt?: Date }
  | { state: "open" | "in_progress"; interviewId: string; sessionId: string };

/** One key's session and what its interview's window needs. */
interface SessionRow {
  id: string;
  revokedAt: Date | null;
  replacedById: string | null;
  interviewId: string;
  status: InterviewStatus;
  mode: InterviewMode;
  scheduledAt: Date;
  opensMinutesBefore: number;
  closesMinutesAfter: number;
  opensAt: Date | null;
  dueAt: Date | null;
  rescheduleRequestedAt: Date | null;
}

/**
 * What a key opens right now, decided on the server against `at`: unknown, malformed and revoked
 * keys are all simply "invalid"; a key replaced by a newer invitation says so.
 */
export async function resolveAccess(rawKey: unknown, at: Date): Promise<Access> {
  const parsed = sessionKeySchema.safeParse(rawKey);
  if (!parsed.success) return { state: "invalid" };
  const prisma = await db();
  // SQL rather than a Prisma query: this runs on every candidate request, and Prisma 6.19 compiles
  // each query on the event loop (no plan cache before Prisma 7.4; see README, Benchmarks).
  const [session] = await prisma.$queryRaw<SessionRow[]>`
    SELECT s.id, s."revokedAt", s."replacedById", i.id AS "interviewId", i.status, i.mode, i."scheduledAt",
      i."opensMinutesBefore", i."closesMinutesAfter", i."opensAt", i."dueAt", i."rescheduleRequestedAt"
    FROM "InterviewSession" s JOIN "Interview" i ON i.id = s."interviewId"
    WHERE s."keyHash" = ${hashToken(parsed.data)}`;
  if (!session) return { state: "invalid" };
  if (session.status === InterviewStatus.CANCELLED) return { state: "cancelled" };
  if (session.replacedById) return { state: "replaced" };
  if (session.revokedAt) return { state: "invalid" };
  const expired = {
    state: "expired" as const,
    interviewId: session.interviewId,
    sessionId: session.id,
    rescheduleRequested: Boolean(session.rescheduleRequestedAt),
    // The expired page asks for more time rather than a new time.
    ...(session.mode === InterviewMode.DEADLINE && { deadline: true as const }),
  };
  const verdict = judgeInterview(session, at);
  switch (verdict.state) {
    case "cancelled":
      return verdict;
    case "completed":
      return { state: "completed", interviewId: session.interviewId, sessionId: session.id };
    case "expired":
      return expired;
    case "too_early":
      return verdict;
    case "open":
    case "in_progress":
      return { state: verdict.state, interviewId: session.interviewId, sessionId: session.id };
  }
}

/** The verdict as a request header value (see ACCESS_HEADER). */
export function encodeAccess(access: Access): string {
  return JSON.stringify(access);
}

/** The verdict proxy.ts handed over, or null when there is none (or it is not one we wrote). */
export function decodeAccess(value: string | null): Access | null {
  if (!value) return null;
  try {
    const access = JSON.parse(value) as Access;
    if (access.state === "too_early") {
      return { state: "too_early", opensAt: new Date(access.opensAt), startsAt: new Date(access.startsAt), ...(access.dueAt && { dueAt: new Date(access.dueAt) }) };
    }
    return typeof access.state === "string" ? access : null;
  } catch {
    return null;
  }
}
