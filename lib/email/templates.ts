import "server-only";
import { render } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import AccommodationRequested, {
  PreviewProps as accommodationRequestedPreview,
  type AccommodationRequestedProps,
} from "@/emails/accommodation-requested";
import AnswersReceived, { PreviewProps as answersReceivedPreview, type AnswersReceivedProps } from "@/emails/answers-received";
import CandidateCompleted, {
  PreviewProps as candidateCompletedPreview,
  type CandidateCompletedProps,
} from "@/emails/candidate-completed";
import { formatDue } from "@/emails/_components/interview";
import DeadlineReminder, { PreviewProps as deadlineReminderPreview, type DeadlineReminderProps } from "@/emails/deadline-reminder";
import AnswersReopened, { PreviewProps as answersReopenedPreview, type AnswersReopenedProps } from "@/emails/answers-reopened";
import DeadlineExtended, { PreviewProps as deadlineExtendedPreview, type DeadlineExtendedProps } from "@/emails/deadline-extended";
import DeletionRequested, { PreviewProps as deletionRequestedPreview, type DeletionRequestedProps } from "@/emails/deletion-requested";
import InterviewCancelled, {
  PreviewProps as interviewCancelledPreview,
  type InterviewCancelledProps,
} from "@/emails/interview-cancelled";
import InterviewInvitation, {
  PreviewProps as interviewInvitationPreview,
  type InterviewInvitationProps,
} from "@/emails/interview-invitation";
import InterviewReminder, {
  PreviewProps as interviewReminderPreview,
  type InterviewReminderProps,
} from "@/emails/interview-reminder";
import InterviewRescheduled, {
  PreviewProps as interviewRescheduledPreview,
  type InterviewRescheduledProps,
} from "@/emails/interview-rescheduled";
import InvitationBounced, {
  PreviewProps as invitationBouncedPreview,
  type InvitationBouncedProps,
} from "@/emails/invitation-bounced";
import RescheduleRequested, {
  PreviewProps as rescheduleRequestedPreview,
  type RescheduleRequestedProps,
} from "@/emails/reschedule-requested";
import EmailVerification, { PreviewProps as emailVerificationPreview, type EmailVerificationProps } from "@/emails/email-verification";
import PasswordChanged, { PreviewProps as passwordChangedPreview, type PasswordChangedProps } from "@/emails/password-changed";
import PasswordReset, { PreviewProps as passwordResetPreview, type PasswordResetProps } from "@/emails/password-reset";
import SignInAlert, { PreviewProps as signInAlertPreview, type SignInAlertProps } from "@/emails/sign-in-alert";
import SignUpConfirmation, { PreviewProps as signUpConfirmationPreview, type SignUpConfirmationProps } from "@/emails/sign-up-confirmation";
import SignUpExistingAccount, {
  PreviewProps as signUpExistingAccountPreview,
  type SignUpExistingAccountProps,
} from "@/emails/sign-up-existing-account";
import ShareLinkViewed, { PreviewProps as shareLinkViewedPreview, type ShareLinkViewedProps } from "@/emails/share-link-viewed";
import ReviewRequested, { PreviewProps as reviewRequestedPreview, reviewCount, type ReviewRequestedProps } from "@/emails/review-requested";
import WebhookDisabled, { PreviewProps as webhookDisabledPreview, type WebhookDisabledProps } from "@/emails/webhook-disabled";
import TeamInvitation, { PreviewProps as teamInvitationPreview, type TeamInvitationProps } from "@/emails/team-invitation";
import TeamInviteExistingAccount, {
  PreviewProps as teamInviteExistingAccountPreview,
  type TeamInviteExistingAccountProps,
} from "@/emails/team-invite-existing-account";

/** Each template's props, keyed by its file name in emails/. */
export type TemplateProps = {
  "interview-invitation": InterviewInvitationProps;
  "interview-rescheduled": InterviewRescheduledProps;
  "deadline-extended": DeadlineExtendedProps;
  "answers-reopened": AnswersReopenedProps;
  "interview-cancelled": InterviewCancelledProps;
  "interview-reminder": InterviewReminderProps;
  "deadline-reminder": DeadlineReminderProps;
  "candidate-completed": CandidateCompletedProps;
  "answers-received": AnswersReceivedProps;
  "invitation-bounced": InvitationBouncedProps;
  "team-invitation": TeamInvitationProps;
  "reschedule-requested": RescheduleRequestedProps;
  "accommodation-requested": AccommodationRequestedProps;
  "deletion-requested": DeletionRequestedProps;
  "review-requested": ReviewRequestedProps;
  "share-link-viewed": ShareLinkViewedProps;
  "team-invite-existing-account": TeamInviteExistingAccountProps;
  "sign-up-confirmation": SignUpConfirmationProps;
  "sign-up-existing-account": SignUpExistingAccountProps;
  "email-verification": EmailVerificationProps;
  "password-reset": PasswordResetProps;
  "password-changed": PasswordChangedProps;
  "sign-in-alert": SignInAlertProps;
  "webhook-disabled": WebhookDisabledProps;
};

export type TemplateName = keyof TemplateProps;

/** One email to render: the template's name and its props (plain JSON, safe to store in the outbox). */
export type EmailMessage<K extends TemplateName = TemplateName> = {
  [P in K]: { template: P; props: TemplateProps[P] };
}[K];

export type RenderedEmail = { subject: string; html: string; text: string };

type Entry<P> = { component: (props: P) => ReactElement; subject: (props: P) => string; previewProps: P };

const templates: { [K in TemplateName]: Entry<TemplateProps[K]> } = {
  "interview-invitation": {
    component: InterviewInvitation,
    subject: (p) => `Your interview with ${p.companyName}: ${p.jobTitle}`,
    previewProps: interviewInvitationPreview,
  },
  "interview-rescheduled": {
    component: InterviewRescheduled,
    subject: (p) => `New time: your interview with ${p.companyName}: ${p.jobTitle}`,
    previewProps: interviewRescheduledPreview,
  },
  "deadline-extended": {
    component: DeadlineExtended,
    subject: (p) => `More time: your interview with ${p.companyName}: ${p.jobTitle}`,
    previewProps: deadlineExtendedPreview,
  },
  "answers-reopened": {
    component: AnswersReopened,
    subject: (p) => `Please answer ${p.questions.length === 1 ? "a question" : `${p.questions.length} questions`} again: your interview with ${p.companyName}: ${p.jobTitle}`,
    previewProps: answersReopenedPreview,
  },
  "interview-cancelled": {
    component: InterviewCancelled,
    subject: (p) => `Cancelled: your interview with ${p.companyName}: ${p.jobTitle}`,
    previewProps: interviewCancelledPreview,
  },
  "interview-reminder": {
    component: InterviewReminder,
    subject: (p) => `Reminder: your interview with ${p.companyName} ${p.hoursBefore === 1 ? "in 1 hour" : "tomorrow"}`,
    previewProps: interviewReminderPreview,
  },
  "deadline-reminder": {
    component: DeadlineReminder,
    subject: (p) => `Reminder: complete your interview with ${p.companyName} by ${formatDue(p.dueAt, p.timeZone)}`,
    previewProps: deadlineReminderPreview,
  },
  "candidate-completed": {
    component: CandidateCompleted,
    subject: (p) => `${p.candidateName} completed their interview for ${p.jobTitle}`,
    previewProps: candidateCompletedPreview,
  },
  "answers-received": {
    component: AnswersReceived,
    subject: (p) => `We received your answers: ${p.jobTitle} at ${p.companyName}`,
    previewProps: answersReceivedPreview,
  },
  "invitation-bounced": {
    component: InvitationBounced,
    subject: (p) => `Invitation to ${p.candidateName} bounced`,
    previewProps: invitationBouncedPreview,
  },
  "team-invitation": {
    component: TeamInvitation,
    subject: (p) => `Join ${p.organizationName} on Kairos`,
    previewProps: teamInvitationPreview,
  },
  "reschedule-requested": {
    component: RescheduleRequested,
    subject: (p) => (p.deadline ? `${p.candidateName} asks for more time for their interview` : `${p.candidateName} asks for a new interview time`),
    previewProps: rescheduleRequestedPreview,
  },
  "accommodation-requested": {
    component: AccommodationRequested,
    subject: (p) => `${p.candidateName} asks for an accommodation for their interview`,
    previewProps: accommodationRequestedPreview,
  },
  "deletion-requested": {
    component: DeletionRequested,
    subject: (p) => `${p.candidateName} asks you to delete their interview answers`,
    previewProps: deletionRequestedPreview,
  },
  "review-requested": {
    component: ReviewRequested,
    subject: (p) => {
      const due = p.dueAt ? `by ${formatDue(p.dueAt, p.timeZone)}` : "soon";
      const what = reviewCount(p) > 1 ? `${reviewCount(p)} interviews` : `${p.candidateName}'s interview`;
      if (p.reminder) return reviewCount(p) > 1 ? `Reminder: ${reviewCount(p)} reviews are due ${due}` : `Reminder: your review of ${p.candidateName} is due ${due}`;
      return `${p.requesterName ?? "Your team"} asks you to review ${what}`;
    },
    previewProps: reviewRequestedPreview,
  },
  "share-link-viewed": {
    component: ShareLinkViewed,
    subject: (p) => `Your link to ${p.candidateName}'s interview was opened`,
    previewProps: shareLinkViewedPreview,
  },
  "team-invite-existing-account": {
    component: TeamInviteExistingAccount,
    subject: (p) => `Join ${p.organizationName} on Kairos`,
    previewProps: teamInviteExistingAccountPreview,
  },
  "sign-up-confirmation": {
    component: SignUpConfirmation,
    subject: () => "Confirm your email address for Kairos",
    previewProps: signUpConfirmationPreview,
  },
  "sign-up-existing-account": {
    component: SignUpExistingAccount,
    subject: () => "You already have a Kairos account",
    previewProps: signUpExistingAccountPreview,
  },
  "email-verification": {
    component: EmailVerification,
    subject: () => "Confirm your email address for Kairos",
    previewProps: emailVerificationPreview,
  },
  "password-reset": {
    component: PasswordReset,
    subject: () => "Reset your Kairos password",
    previewProps: passwordResetPreview,
  },
  "password-changed": {
    component: PasswordChanged,
    subject: () => "Your Kairos password was changed",
    previewProps: passwordChangedPreview,
  },
  "sign-in-alert": {
    component: SignInAlert,
    subject: () => "Someone is trying to sign in to your Kairos account",
    previewProps: signInAlertPreview,
  },
  "webhook-disabled": {
    component: WebhookDisabled,
    subject: (p) => `Webhook endpoint disabled: ${p.url}`,
    previewProps: webhookDisabledPreview,
  },
};

/** Every template name, in a stable order. */
export const templateNames = Object.keys(templates) as TemplateName[];

/** True when `name` is a known template (for names read back from the database or a URL). */
export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name);
}

/** The realistic example props a template is previewed and tested with. */
export function previewMessage<K extends TemplateName>(template: K): EmailMessage<K> {
  return { template, props: templates[template].previewProps } as EmailMessage<K>;
}

// Names and titles come from users; a line break in a subject would be a header injection.
function oneLine(subject: string): string {
  return subject.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
}

// Headings keep their case in the text part (html-to-text would shout them).
const textOptions = {
  selectors: ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } })),
};

/** A template's subject alone, without rendering it (an email queued now and composed when it is sent). */
export function emailSubject<K extends TemplateName>(message: EmailMessage<K>): string {
  const entry: Entry<TemplateProps[K]> = templates[message.template];
  return oneLine(entry.subject(message.props));
}

/** Renders a template to subject, HTML and plain text; the outbox stores all three. */
export async function renderEmail<K extends TemplateName>(message: EmailMessage<K>): Promise<RenderedEmail> {
  const entry: Entry<TemplateProps[K]> | undefined = templates[message.template];
  if (!entry) throw new Error(`Unknown email template: ${JSON.stringify(message.template)}`);
  const element = createElement(entry.component, message.props);
  const [html, text] = await Promise.all([
    render(element),
    render(element, { plainText: true, htmlToTextOptions: textOptions }),
  ]);
  return { subject: oneLine(entry.subject(message.props)), html, text };
}
