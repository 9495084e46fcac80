import { Heading, Text } from "@react-email/components";
import { EmailLayout } from "./_components/layout";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";
import { formatDateTime } from "./_components/time";

export type CandidateCompletedProps = {
  recruiterName: string;
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
  candidateName,
  jobTitle,
  completedAt,
  timeZone,
  reviewUrl,
}: CandidateCompletedProps) {
  return (
    <EmailLayout
      preview={`${candidateName}'s answers for ${jobTitle} are ready to review.`}
      footer={<>Kairos sent you this because you scheduled {candidateName}&apos;s interview.</>}
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
  candidateName: "Hana Sato",
  jobTitle: "Robotics Software Engineer",
  completedAt: "2026-12-01T06:41:00.000Z",
  timeZone: "America/Los_Angeles",
  reviewUrl: "http://localhost:3000/interviews/cmf3k9x2a0001qz8r5t7y4b6n",
};

CandidateCompleted.PreviewProps = PreviewProps;
