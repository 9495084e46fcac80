import { ExpectedError } from "@/lib/errors";

const ACTION_MESSAGES = {
  not_open: "This interview cannot be started now.",
  consent_required: "Please agree before you start.",
  time_up: "Time is up for this question. Your last saved answer was kept.",
  not_current: "This question is no longer open.",
  not_in_progress: "This interview is not in progress.",
  past_due: "The time to complete this interview has passed. Your answers so far were kept.",
} as const;

/** A candidate step the interview's state does not allow; `reason` tells the page what happened. */
export class CandidateActionError extends ExpectedError {
  constructor(readonly reason: keyof typeof ACTION_MESSAGES) {
    super(ACTION_MESSAGES[reason], reason);
    this.name = "CandidateActionError";
  }
}

type RequestReason = "not_open" | "not_completed" | "too_soon" | "too_many" | "already_requested" | "already_deleted" | "already_asked_new_time";

function requestMessage(reason: RequestReason, retryInMinutes?: number): string {
  switch (reason) {
    case "too_soon":
      return `You sent a request a few minutes ago. You can send another in ${retryInMinutes === 1 ? "1 minute" : `${retryInMinutes} minutes`}.`;
    case "too_many":
      return "You have sent as many requests as we can pass on. To add anything, reply to the recruiter's email.";
    case "not_open":
      return "This interview can no longer take requests. To ask for something, reply to the recruiter's email.";
    case "not_completed":
      return "You can ask for this once your interview is complete.";
    case "already_requested":
      return "You have already asked for your answers to be deleted. The hiring team has been told.";
    case "already_deleted":
      return "Your answers and recordings have already been deleted.";
    case "already_asked_new_time":
      return "You have already asked for a new time.";
  }
}

/** A candidate's request (accommodation, deletion, a new time) the interview's state or the limits refuse. */
export class CandidateRequestError extends ExpectedError {
  constructor(
    readonly reason: RequestReason,
    /** For "too_soon": minutes until another request is accepted. */
    readonly retryInMinutes?: number,
  ) {
    super(requestMessage(reason, retryInMinutes), reason);
    this.name = "CandidateRequestError";
  }
}
