import { Heading, Text } from "@react-email/components";
import { Details, Notice } from "./_components/details";
import { EmailLayout } from "./_components/layout";
import { recruiterFooter, type RecipientRole } from "./_components/recruiter-footer";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";

export type InvitationBouncedProps = {
  recruiterName: string;
  /** Why they get it: they scheduled the interview, or they own the account (the scheduler has left). */
  recipientRole: RecipientRole;
  candidateName: string;
  candidateEmail: string;
  jobTitle: string;
  /** The provider's bounce reason, shown as given. */
  reason: string;
  /** The interview's page in the dashboard. */
  interviewUrl: string;
};

/** To the recruiter: the candidate's invitation could not be delivered. */
export default function InvitationBounced({
  recruiterName,
  recipientRole,
  candidateName,
  candidateEmail,
  jobTitle,
  reason,
  interviewUrl,
}: InvitationBouncedProps) {
  return (
    <EmailLayout
      preview={`The invitation to ${candidateName} (${candidateEmail}) could not be delivered.`}
      footer={recruiterFooter(candidateName, recipientRole)}
    >
      <Heading as="h1" style={heading}>
        An invitation bounced
      </Heading>
      <Text style={text}>Hi {recruiterName},</Text>
      <Text style={text}>
        The interview invitation to {candidateName} for {jobTitle} could not be delivered, so they have no link to
        their interview yet.
      </Text>
      <Details
        items={[
          { label: "Candidate", value: candidateName },
          { label: "Email address", value: candidateEmail },
          { label: "Role", value: jobTitle },
        ]}
      />
      <Notice tone="danger">
        <strong>Reason given by the mail server:</strong> {reason}
      </Notice>
      <Text style={text}>
        Check the address for typos, or reach {candidateName} another way to confirm it.
      </Text>
      <LinkButton href={interviewUrl}>Open the interview</LinkButton>
    </EmailLayout>
  );
}

export const PreviewProps: InvitationBouncedProps = {
  recruiterName: "Daniel Okafor",
  recipientRole: "scheduler",
  candidateName: "Hana Sato",
  candidateEmail: "hana.sato@exmaple.jp",
  jobTitle: "Robotics Software Engineer",
  reason: "550 5.1.1 The email account that you tried to reach does not exist.",
  interviewUrl: "http://localhost:3000/interviews/cmf3k9x2a0001qz8r5t7y4b6n",
};

InvitationBounced.PreviewProps = PreviewProps;
