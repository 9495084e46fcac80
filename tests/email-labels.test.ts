import { describe, expect, it } from "vitest";
import { describeEvent } from "@/app/(dashboard)/interviews/[id]/timeline";
import { DeliveryState, EmailKind, EmailStatus, InterviewStatus } from "@/lib/generated/prisma/enums";
import { deliveryLabel, emailBadge } from "@/lib/interviews/model/email-labels";

// One vocabulary: the badge, the Emails table and the timeline describe an email with the same words.

const sent = { status: EmailStatus.SENT, deliveryState: null, attempts: 1 };
const delivered = { status: EmailStatus.SENT, deliveryState: DeliveryState.DELIVERED, attempts: 1 };

describe("the timeline speaks the Emails table's words", () => {
  it("calls an email the provider took 'sent', as the table does, and one delivered at once 'delivered'", () => {
    expect(describeEvent("email.sent", { kind: EmailKind.INVITATION, attempts: 1 })).toBe(`Invitation ${deliveryLabel(sent)}`);
    expect(describeEvent("email.sent", { kind: EmailKind.INVITATION, attempts: 1, delivered: true })).toBe(`Invitation ${deliveryLabel(delivered)}`);
    expect(describeEvent("email.sent", { kind: EmailKind.REMINDER_24H, attempts: 3 })).toBe("Reminder (24 h) sent after 3 attempts");
  });

  it("names kinds as the table does, for every provider event", () => {
    expect(describeEvent("email.delivered", { kind: EmailKind.RESCHEDULED })).toBe("New time delivered");
    expect(describeEvent("email.bounced", { kind: EmailKind.INVITATION, reason: "550 no such user" })).toBe("Invitation bounced: 550 no such user");
    expect(describeEvent("email.complained", { kind: EmailKind.CANCELLED })).toBe("Cancellation marked as spam");
    expect(describeEvent("email.failed", { kind: EmailKind.ANSWERS_RECEIVED, reason: "422 invalid" })).toBe("Answers received failed: 422 invalid");
  });
});

describe("the interview's email badge follows the interview", () => {
  const invitation = { kind: EmailKind.INVITATION, ...delivered };
  it("shows the link email's state while the interview waits for the candidate", () => {
    expect(emailBadge({ status: InterviewStatus.SCHEDULED, bouncedAt: null, email: invitation })).toEqual({ text: "Invitation delivered", tone: "success" });
    expect(emailBadge({ status: InterviewStatus.SCHEDULED, bouncedAt: new Date(), email: invitation })).toEqual({ text: "Invitation bounced", tone: "danger" });
    expect(emailBadge({ status: InterviewStatus.EXPIRED, bouncedAt: null, email: { kind: EmailKind.RESCHEDULED, ...sent } })).toEqual({ text: "New time sent", tone: "accent" });
  });

  it("no longer shows the invitation once the candidate has started or finished", () => {
    expect(emailBadge({ status: InterviewStatus.IN_PROGRESS, bouncedAt: null, email: invitation })).toBeNull();
    expect(emailBadge({ status: InterviewStatus.COMPLETED, bouncedAt: null, email: invitation })).toBeNull();
  });

  it("shows the cancellation's state once cancelled, never the invitation's", () => {
    const cancellation = { kind: EmailKind.CANCELLED, status: EmailStatus.PENDING, deliveryState: null, attempts: 0 };
    expect(emailBadge({ status: InterviewStatus.CANCELLED, bouncedAt: null, email: cancellation })).toEqual({ text: "Cancellation queued", tone: "neutral" });
    expect(emailBadge({ status: InterviewStatus.CANCELLED, bouncedAt: null, email: invitation })).toBeNull();
  });
});
