import { describeEmailEvent } from "@/lib/interviews/model/email-labels";

/** Words for the audit trail (emails in the Emails table's words); unknown types fall back to their raw name. */
export function describeEvent(type: string, data: Record<string, unknown>): string {
  const email = describeEmailEvent(type, data);
  if (email) return email;
  switch (type) {
    case "interview.scheduled":
      return "Interview scheduled; invitation queued";
    case "interview.rescheduled":
      return "Rescheduled; new time and link queued";
    case "deadline.extended":
      return "Deadline extended; new due date and link queued";
    case "answers.reopened": {
      const numbers = Array.isArray(data.numbers) ? data.numbers.map(Number) : [];
      return `${numbers.length === 1 ? "Question" : "Questions"} ${numbers.join(", ")} reopened; new due date and link queued`;
    }
    case "invitation.resent":
      return "Invitation resent with a new link";
    case "interview.started":
      return "The candidate started the interview";
    case "question.opened":
      return `The candidate came back and opened question ${Number(data.number)}`;
    case "interview.completed":
      return "The candidate completed the interview";
    case "interview.expired":
      return data.deadline === true ? "Expired: not started by the due date" : "Expired: not started before the link closed";
    case "reschedule.requested":
      return "The candidate asked for a new time";
    case "interview.cancelled":
      return data.withReason === true ? "Interview cancelled, with a reason for the candidate" : "Interview cancelled";
    case "answer.rated":
      return `Question ${Number(data.position) + 1} ${typeof data.rating === "number" ? `rated ${data.rating} of 5` : "rating cleared"}`;
    case "interview.reviewed":
      return `Reviewed: ${capitalise(String(data.recommendation ?? "").toLowerCase())}`;
    // Without the recommendation: the timeline is on the page of reviewers who have not submitted theirs.
    case "scorecard.submitted":
      return "Scorecard submitted";
    case "scorecard.reopened":
      return "Scorecard reopened";
    case "share_link.created":
      return `Share link created (${Number(data.questions)} ${Number(data.questions) === 1 ? "question" : "questions"}${data.blind ? ", blind" : ""})`;
    case "share_link.revoked":
      return "Share link revoked";
    case "share_link.scorecard_submitted":
      return `External scorecard submitted by ${String(data.reviewerName ?? "a hiring manager")}`;
    case "interview.decided":
      return `Decision: ${capitalise(String(data.decision ?? "").toLowerCase())}`;
    case "accommodations.set":
      return Number(data.extraTimePercent) > 0 || Number(data.extraRetakes) > 0
        ? `Accommodations set: ${Number(data.extraTimePercent)}% extra time, ${Number(data.extraRetakes)} extra ${Number(data.extraRetakes) === 1 ? "retake" : "retakes"}`
        : "Accommodations removed";
    case "review.requested": {
      const reviewers = Array.isArray(data.reviewers) ? data.reviewers.map(String) : [];
      return `Review requested from ${reviewers.join(", ")}`;
    }
    case "accommodation.requested":
      return "The candidate asked for an accommodation";
    case "deletion.requested":
      return "The candidate asked for their answers to be deleted";
    case "content.deleted":
      return `Answers and recordings deleted${data.reason === "retention" ? " (retention policy)" : data.reason === "candidate request" ? " at the candidate's request" : ""}`;
    case "transcript.ready":
      return data.status === "failed" ? `Question ${Number(data.number)} could not be transcribed` : `Question ${Number(data.number)} transcribed`;
    default:
      return type;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
