import type { DeliveryState, EmailStatus } from "@/lib/generated/prisma/enums";
import { EmailKind, InterviewStatus } from "@/lib/generated/prisma/enums";

// One vocabulary for an interview's emails, wherever a recruiter reads about them: the badge on
// the interview (list and page), the Emails table and the timeline all say "sent", "delivered",
// "bounced"… from the functions below, about emails named by EMAIL_KIND_LABELS.

/** What each kind of email is called on the recruiter's pages. */
export const EMAIL_KIND_LABELS: Record<EmailKind, string> = {
  INVITATION: "Invitation",
  RESCHEDULED: "New time",
  DEADLINE_EXTENDED: "New due date",
  ANSWERS_REOPENED: "Questions reopened",
  CANCELLED: "Cancellation",
  REMINDER_24H: "Reminder (24 h)",
  REMINDER_1H: "Reminder (1 h)",
  DEADLINE_REMINDER: "Reminder (due date)",
  ANSWERS_RECEIVED: "Answers received",
  CANDIDATE_COMPLETED: "Completed (to you)",
  INVITATION_BOUNCED: "Bounce notice (to you)",
  TEAM_INVITE: "Team invitation",
  RESCHEDULE_REQUESTED: "New time request (to you)",
  ACCOMMODATION_REQUESTED: "Accommodation request (to you)",
  DELETION_REQUESTED: "Deletion request (to you)",
  REVIEW_REQUESTED: "Review request (to a teammate)",
  REVIEW_REMINDER: "Review reminder (to a teammate)",
  SHARE_LINK_VIEWED: "Share link opened (to whoever shared it)",
  SIGN_UP_CONFIRMATION: "Sign-up confirmation",
  SIGN_UP_EXISTING_ACCOUNT: "Sign-up attempt",
  EMAIL_VERIFICATION: "Address confirmation",
  PASSWORD_RESET: "Password reset",
  PASSWORD_CHANGED: "Password changed",
  SIGN_IN_ALERT: "Sign-in alert",
  TEAM_INVITE_EXISTING_ACCOUNT: "Team invitation",
  WEBHOOK_DISABLED: "Webhook endpoint disabled (to owners and admins)",
};

/** An email's state in words: where it is between the outbox and the recipient's inbox. */
export type DeliveryLabel = "queued" | "sending" | "retrying" | "sent" | "delivered" | "delayed" | "bounced" | "marked as spam" | "failed" | "withdrawn";

const DELIVERY_STATE_LABELS: Record<DeliveryState, DeliveryLabel> = { DELIVERED: "delivered", DELAYED: "delayed", BOUNCED: "bounced", COMPLAINED: "marked as spam" };

/** The state of one email: what the provider last reported, else how far the outbox got. */
export function deliveryLabel(email: { status: EmailStatus; deliveryState: DeliveryState | null; attempts: number }): DeliveryLabel {
  if (email.deliveryState) return DELIVERY_STATE_LABELS[email.deliveryState];
  switch (email.status) {
    case "PENDING":
      return email.attempts > 0 ? "retrying" : "queued";
    case "SENDING":
      return "sending";
    case "SENT":
      return "sent";
    case "FAILED":
      return "failed";
    case "CANCELLED":
      return "withdrawn";
  }
}

/** The timeline's words for an email event (recorded by lib/interviews/delivery.ts), in the same vocabulary. */
export function describeEmailEvent(type: string, data: Record<string, unknown>): string | null {
  const email = typeof data.kind === "string" && Object.hasOwn(EMAIL_KIND_LABELS, data.kind) ? EMAIL_KIND_LABELS[data.kind as EmailKind] : "Email";
  const attempts = Number(data.attempts) > 1 ? ` after ${Number(data.attempts)} attempts` : "";
  const reason = data.reason ? `: ${String(data.reason)}` : "";
  switch (type) {
    case "email.sent":
      // The development mailbox delivers as it accepts; a provider reports delivery later (email.delivered).
      return `${email} ${data.delivered === true ? "delivered" : "sent"}${attempts}`;
    case "email.failed":
      return `${email} failed${reason || ": unknown reason"}`;
    case "email.delivered":
      return `${email} delivered`;
    case "email.delayed":
      return `${email} delayed`;
    case "email.bounced":
      return `${email} bounced${reason}`;
    case "email.complained":
      return `${email} marked as spam`;
    default:
      return null;
  }
}

export type BadgeTone = "neutral" | "accent" | "success" | "warning" | "danger";

export const DELIVERY_TONES: Record<DeliveryLabel, BadgeTone> = {
  queued: "neutral",
  sending: "neutral",
  retrying: "warning",
  sent: "accent",
  delivered: "success",
  delayed: "warning",
  bounced: "danger",
  "marked as spam": "danger",
  failed: "danger",
  withdrawn: "neutral",
};

/** The interview's latest candidate email of the kinds its badge can describe (link emails and the cancellation). */
export const BADGE_EMAIL_KINDS: EmailKind[] = [EmailKind.INVITATION, EmailKind.RESCHEDULED, EmailKind.DEADLINE_EXTENDED, EmailKind.CANCELLED];

/**
 * The email badge an interview shows, or null when no email is worth a badge: while it is scheduled
 * (or expired) the state of its newest link email, once cancelled that of the cancellation; once the
 * candidate has started, the invitation has done its job and no badge is shown.
 */
export function emailBadge(interview: {
  status: InterviewStatus;
  bouncedAt: Date | null;
  /** The newest email of BADGE_EMAIL_KINDS. */
  email: { kind: EmailKind; status: EmailStatus; deliveryState: DeliveryState | null; attempts: number } | null;
}): { text: string; tone: BadgeTone } | null {
  const { status, email } = interview;
  const badge = (kind: EmailKind, label: DeliveryLabel) => ({ text: `${EMAIL_KIND_LABELS[kind]} ${label}`, tone: DELIVERY_TONES[label] });
  switch (status) {
    case InterviewStatus.SCHEDULED:
    case InterviewStatus.EXPIRED: {
      const link = email && email.kind !== EmailKind.CANCELLED ? email : null;
      if (!link) return { text: "No invitation", tone: "neutral" };
      return badge(link.kind, interview.bouncedAt ? "bounced" : deliveryLabel(link));
    }
    case InterviewStatus.CANCELLED:
      return email?.kind === EmailKind.CANCELLED ? badge(email.kind, deliveryLabel(email)) : null;
    case InterviewStatus.IN_PROGRESS:
    case InterviewStatus.COMPLETED:
      return null;
  }
}
