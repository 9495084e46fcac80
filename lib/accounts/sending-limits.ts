import "server-only";
import { subHours } from "date-fns";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { ExpectedError } from "@/lib/errors";
import { EmailKind } from "@/lib/generated/prisma/enums";

// Kairos sends email on an account's behalf to people outside its organisation: candidates
// (invitations, new times, reminders, cancellations) and future teammates. Before it does, this one
// function asks two things: has the acting user proven their address is theirs (so nobody can sign
// up as new.hire@yourcompany.com and write to candidates in its name), and is the organisation
// within its day's cap (so a brand-new organisation cannot use Kairos as a relay for spam)?

export const DAILY_EMAIL_CAP_ENV = "KAIROS_ORG_EMAILS_PER_DAY";
const DEFAULT_DAILY_EMAIL_CAP = 1000;

/** The emails that go to people outside the organisation; notices to its own members do not count. */
export const OUTSIDE_EMAIL_KINDS = [
  EmailKind.INVITATION,
  EmailKind.RESCHEDULED,
  EmailKind.DEADLINE_EXTENDED,
  EmailKind.ANSWERS_REOPENED,
  EmailKind.CANCELLED,
  EmailKind.REMINDER_24H,
  EmailKind.REMINDER_1H,
  EmailKind.DEADLINE_REMINDER,
  EmailKind.ANSWERS_RECEIVED,
  EmailKind.TEAM_INVITE,
  EmailKind.TEAM_INVITE_EXISTING_ACCOUNT,
];

/** Emails to people outside it one organisation may cause in any 24 hours (KAIROS_ORG_EMAILS_PER_DAY; 0 turns the cap off). */
export function orgDailyEmailCap(): number {
  const raw = process.env[DAILY_EMAIL_CAP_ENV];
  if (raw === undefined || raw.trim() === "") return DEFAULT_DAILY_EMAIL_CAP;
  const cap = Number(raw);
  return Number.isInteger(cap) && cap >= 0 ? cap : DEFAULT_DAILY_EMAIL_CAP;
}

/** Why an account may not email outsiders yet; the dashboard shows how to get past it. */
export class SendingRefusedError extends ExpectedError {
  constructor(message: string, reason: "unverified" | "daily_cap") {
    super(message, reason);
    this.name = "SendingRefusedError";
  }
}

/**
 * Refuses, before anything is written, an action of `by` that would email `emails` people outside
 * the organisation: when the user's address is unverified, or the organisation's emails to
 * outsiders in the last 24 hours plus these would pass the day's cap. Checked before the
 * transaction, so requests racing each other may pass the cap by the few in flight.
 */
export async function assertMayEmailOutsiders(by: { userId: string; organizationId: string }, emails: number): Promise<void> {
  const prisma = await db();
  const cap = orgDailyEmailCap();
  const at = now();
  const [user, sent] = await Promise.all([
    prisma.user.findFirst({ where: { id: by.userId, organizationId: by.organizationId }, select: { email: true, emailVerifiedAt: true } }),
    cap > 0 ? countOutsideEmails(by.organizationId, subHours(at, 24), cap) : Promise.resolve(0),
  ]);
  if (user && !user.emailVerifiedAt) {
    throw new SendingRefusedError(
      `Confirm your email address first: Kairos emails candidates and teammates on your behalf, so it must know ${user.email} is yours. Use “Send confirmation email” at the top of the page, then follow the link in it.`,
      "unverified",
    );
  }
  if (cap > 0 && sent + emails > cap) {
    throw new SendingRefusedError(
      `Your organisation has reached its limit of ${cap.toLocaleString("en-US")} emails to candidates and invitees in 24 hours. Nothing was sent; try again later, or ask your Kairos administrator to raise the limit.`,
      "daily_cap",
    );
  }
}

/** Emails to outsiders the organisation queued after `since`, counted up to `upTo` (no need to count further). */
async function countOutsideEmails(organizationId: string, since: Date, upTo: number): Promise<number> {
  const prisma = await db();
  // SQL: the LIMIT stops the count at the cap, and the (organizationId, createdAt) index finds the rows.
  const [row] = await prisma.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "OutboxEmail"
      WHERE "organizationId" = ${organizationId} AND "createdAt" > ${since} AND kind::text = ANY(${OUTSIDE_EMAIL_KINDS as string[]})
      LIMIT ${upTo + 1}
    ) AS recent`;
  return Number(row?.n ?? 0);
}
