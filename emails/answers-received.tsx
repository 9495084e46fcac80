import { Heading, Text } from "@react-email/components";
import { RecruiterContact } from "./_components/contact";
import { BulletList, Details } from "./_components/details";
import { EmailLayout } from "./_components/layout";
import { heading, text } from "./_components/styles";
import { formatDateTime } from "./_components/time";

export type AnswersReceivedProps = {
  companyName: string;
  jobTitle: string;
  candidateName: string;
  recruiterName: string;
  /** Where the candidate reaches the recruiter (replies go there too); null: nobody to name. */
  recruiterEmail: string | null;
  /** ISO 8601, UTC: when the interview was completed. */
  completedAt: string;
  /** The candidate's IANA zone. */
  timeZone: string;
  /** Days after the interview the organisation deletes answers and recordings. */
  retentionDays: number;
};

/** To the candidate once they finish: their answers arrived, what happens next, and whom to ask. Carries no link to the interview. */
export default function AnswersReceived({
  companyName,
  jobTitle,
  candidateName,
  recruiterName,
  recruiterEmail,
  completedAt,
  timeZone,
  retentionDays,
}: AnswersReceivedProps) {
  const contact = <RecruiterContact recruiterName={recruiterName} recruiterEmail={recruiterEmail} companyName={companyName} />;
  return (
    <EmailLayout
      preview={`Your answers for ${jobTitle} reached ${companyName}. Here is what happens next.`}
      sender={companyName}
      footer={
        <>
          {recruiterName} at {companyName} sent you this through Kairos because you completed your interview for {jobTitle}.
        </>
      }
    >
      <Heading as="h1" style={heading}>
        We received your answers
      </Heading>
      <Text style={text}>Hi {candidateName},</Text>
      <Text style={text}>
        Thank you for completing your interview for the {jobTitle} role. Your answers have reached the hiring team at {companyName}.
      </Text>
      <Details
        items={[
          { label: "Company", value: companyName },
          { label: "Role", value: jobTitle },
          { label: "Completed", value: formatDateTime(completedAt, timeZone) },
        ]}
      />
      <Text style={{ ...text, fontWeight: 600, margin: "0 0 8px" }}>What happens next</Text>
      <BulletList
        items={[
          `The team at ${companyName} reviews your answers. ${recruiterName === companyName ? "They" : recruiterName} will be in touch by email about next steps.`,
          "There is nothing more for you to do: your interview is complete, and it cannot be taken again from the same link.",
          `${companyName} deletes your answers and recordings ${retentionDays} days after the interview. You can ask for them to be deleted sooner.`,
        ]}
      />
      <Text style={text}>Questions, or want your answers deleted sooner? Contact {contact}, or reply to this email.</Text>
    </EmailLayout>
  );
}

export const PreviewProps: AnswersReceivedProps = {
  companyName: "Acme Robotics",
  jobTitle: "Robotics Software Engineer",
  candidateName: "Hana Sato",
  recruiterName: "Daniel Okafor",
  recruiterEmail: "daniel.okafor@acme-robotics.example",
  completedAt: "2026-12-01T06:41:00.000Z",
  timeZone: "Asia/Tokyo",
  retentionDays: 180,
};

AnswersReceived.PreviewProps = PreviewProps;
