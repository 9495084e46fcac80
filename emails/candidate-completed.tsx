import { Heading, Text } from "@react-email/components";
import { EmailLayout } from "./_components/layout";
import { recruiterFooter, type RecipientRole } from "./_components/recruiter-footer";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";
import { formatDateTime } from "./_components/time";

export type CandidateCompletedProps = {
  recruiterName: string;
  /** Why they get it: they scheduled the interview, or they own the account (the scheduler has left). */
  recipientRole: RecipientRole;
  candidateName: string;
  jobTitle: string;
  /** ISO 8601, UTC. */
  completedAt: string;
  /** The recruiter's IANA zone. */
  timeZone: string;
  reviewUrl: string;
};

/** To the recruiter: a candidate finished; their answers are ready to review. */
export default function CandidateCompleted({
  recruiterName,
  recipientRole,
  candidateName,
  jobTitle,
  completedAt,
  timeZone,
  reviewUrl,
}: CandidateCompletedProps) {
  return (
    <EmailLayout
      preview={`${candidateName}'s answers for ${jobTitle} are ready to review.`}
      footer={recruiterFooter(candidateName, recipientRole)}
    >
      <Heading as="h1" style={heading}>
        {candidateName} completed their interview
      </Heading>
      <Text style={text}>Hi {recruiterName},</Text>
      <Text style={text}>
        {candidateName} finished their interview for {jobTitle} on {formatDateTime(completedAt, timeZone)}. Their
        answers are ready to review.
      </Text>
      <LinkButton href={reviewUrl}>Review answers</LinkButton>
    </EmailLayout>
  );
}

export const PreviewProps: CandidateCompletedProps = {
  recruiterName: "Daniel Okafor",
  recipientRole: "scheduler",
  candidateName: "Hana Sato",
  jobTitle: "Robotics Software Engineer",
  completedAt: "2026-12-01T06:41:00.000Z",
  timeZone: "America/Los_Angeles",
  reviewUrl: "http://localhost:3000/interviews/cmf3k9x2a0001qz8r5t7y4b6n",
};

CandidateCompleted.PreviewProps = PreviewProps;
