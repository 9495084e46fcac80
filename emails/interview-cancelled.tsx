import { Heading, Text } from "@react-email/components";
import { RecruiterContact } from "./_components/contact";
import { Details, Notice } from "./_components/details";
import { EmailLayout } from "./_components/layout";
import { heading, text } from "./_components/styles";
import { formatDateTime } from "./_components/time";

export type InterviewCancelledProps = {
  companyName: string;
  jobTitle: string;
  candidateName: string;
  recruiterName: string;
  /** Where the candidate reaches the recruiter (replies go there too); null: nobody to name. */
  recruiterEmail: string | null;
  /** What the recruiter wrote when cancelling, if anything. */
  reason: string | null;
  /** ISO 8601, UTC: the time that was cancelled. */
  startsAt: string;
  /** The candidate's IANA zone. */
  timeZone: string;
};

/** To the candidate: the interview is off. Deliberately carries no link. */
export default function InterviewCancelled({
  companyName,
  jobTitle,
  candidateName,
  recruiterName,
  recruiterEmail,
  reason,
  startsAt,
  timeZone,
}: InterviewCancelledProps) {
  return (
    <EmailLayout
      preview={`Your interview with ${companyName} for ${jobTitle} has been cancelled.`}
      sender={companyName}
      footer={
        <>
          {recruiterName} at {companyName} sent you this update through Kairos because your interview for {jobTitle}{" "}
          was cancelled.
        </>
      }
    >
      <Heading as="h1" style={heading}>
        Your interview has been cancelled
      </Heading>
      <Text style={text}>Hi {candidateName},</Text>
      <Text style={text}>
        {recruiterName} at {companyName} has cancelled your interview for the {jobTitle} role. You don&apos;t need to
        do anything, and links in earlier emails no longer work.
      </Text>
      {reason && (
        <Notice>
          <strong>{recruiterName} wrote:</strong> <span style={{ whiteSpace: "pre-wrap" }}>{reason}</span>
        </Notice>
      )}
      <Details
        items={[
          { label: "Company", value: companyName },
          { label: "Role", value: jobTitle },
          { label: "Was scheduled for", value: formatDateTime(startsAt, timeZone) },
        ]}
      />
      <Text style={text}>
        If you have questions, or would like to find another time, contact{" "}
        <RecruiterContact recruiterName={recruiterName} recruiterEmail={recruiterEmail} companyName={companyName} />, or reply to this
        email.
      </Text>
    </EmailLayout>
  );
}

export const PreviewProps: InterviewCancelledProps = {
  companyName: "Acme Robotics",
  jobTitle: "Robotics Software Engineer",
  candidateName: "Hana Sato",
  recruiterName: "Daniel Okafor",
  recruiterEmail: "daniel.okafor@acme-robotics.example",
  reason: "The role has been filled. Thank you for your time, and we will keep your details for future openings.",
  startsAt: "2026-12-01T06:00:00.000Z",
  timeZone: "Asia/Tokyo",
};

InterviewCancelled.PreviewProps = PreviewProps;
