import { Heading, Text } from "@react-email/components";
import { Details, Notice } from "./_components/details";
import { EmailLayout } from "./_components/layout";
import { recruiterFooter, type RecipientRole } from "./_components/recruiter-footer";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";
import { formatDate, formatDateTime } from "./_components/time";

export type DeletionRequestedProps = {
  recruiterName: string;
  /** Why this recipient: they scheduled the interview, or (nobody did any more) they own the account. */
  recipientRole: RecipientRole;
  candidateName: string;
  candidateEmail: string;
  jobTitle: string;
  /** ISO UTC: when the candidate completed the interview. */
  completedAt: string;
  /** ISO UTC: when the retention policy would delete the answers anyway. */
  retentionEndsAt: string;
  /** The candidate's IANA zone. */
  timeZone: string;
  /** The interview's page in the dashboard, where the answers can be deleted. */
  interviewUrl: string;
};

/** To the recruiter: a candidate asks for their answers and recordings to be deleted. */
export default function DeletionRequested({
  recruiterName,
  recipientRole,
  candidateName,
  candidateEmail,
  jobTitle,
  completedAt,
  retentionEndsAt,
  timeZone,
  interviewUrl,
}: DeletionRequestedProps) {
  return (
    <EmailLayout
      preview={`${candidateName} asks you to delete their interview answers.`}
      footer={recruiterFooter(candidateName, recipientRole)}
    >
      <Heading as="h1" style={heading}>
        {candidateName} asks you to delete their answers
      </Heading>
      <Text style={text}>Hi {recruiterName},</Text>
      <Text style={text}>
        {candidateName} has asked for the answers and recordings of their interview for {jobTitle} to be deleted.
      </Text>
      <Details
        items={[
          { label: "Candidate", value: `${candidateName} (${candidateEmail})` },
          { label: "Role", value: jobTitle },
          { label: "Completed", value: formatDateTime(completedAt, timeZone) },
        ]}
      />
      <Notice>
        Your retention policy deletes them on {formatDate(retentionEndsAt, timeZone)} in any case. To honour the request sooner, delete them
        from the interview&apos;s page; this cannot be undone.
      </Notice>
      <LinkButton href={interviewUrl}>Open the interview</LinkButton>
    </EmailLayout>
  );
}

export const PreviewProps: DeletionRequestedProps = {
  recruiterName: "Riley Recruiter",
  recipientRole: "scheduler",
  candidateName: "Hana Sato",
  candidateEmail: "hana.sato@example.com",
  jobTitle: "Robotics Software Engineer",
  completedAt: "2026-12-01T06:24:00.000Z",
  retentionEndsAt: "2027-05-30T06:24:00.000Z",
  timeZone: "Asia/Tokyo",
  interviewUrl: "http://localhost:3000/interviews/cmf3k9x2a0001qz8r5t7y4b6n",
};

DeletionRequested.PreviewProps = PreviewProps;
