import { Heading, Text } from "@react-email/components";
import { RecruiterContact } from "./_components/contact";
import { Details, Notice } from "./_components/details";
import { formatDue } from "./_components/interview";
import { EmailLayout } from "./_components/layout";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";
import { formatDateTime, formatDuration } from "./_components/time";

export type DeadlineExtendedProps = {
  companyName: string;
  jobTitle: string;
  candidateName: string;
  recruiterName: string;
  recruiterEmail: string | null;
  /** ISO UTC: the new due time. */
  dueAt: string;
  /** ISO UTC: the due time that no longer applies. */
  previousDueAt: string;
  /** The candidate's IANA zone. */
  timeZone: string;
  durationMinutes: number;
  interviewUrl: string;
};

/** To the candidate: more time for an interview to complete by a deadline, with a new link. */
export default function DeadlineExtended({ companyName, jobTitle, candidateName, recruiterName, recruiterEmail, dueAt, previousDueAt, timeZone, durationMinutes, interviewUrl }: DeadlineExtendedProps) {
  return (
    <EmailLayout
      preview={`More time: complete your interview by ${formatDue(dueAt, timeZone)}. Your earlier link no longer works.`}
      sender={companyName}
      footer={
        <>
          {recruiterName} at {companyName} sent you this update through Kairos because the date for your interview for {jobTitle} changed.
        </>
      }
    >
      <Heading as="h1" style={heading}>
        You have more time for your interview
      </Heading>
      <Text style={text}>Hi {candidateName},</Text>
      <Text style={text}>
        {recruiterName} at {companyName} gave you until {formatDue(dueAt, timeZone)} to complete your interview for the {jobTitle} role. Answers you
        have already given are kept; you carry on where you left off, and you can still pause between questions.
      </Text>
      <Details
        items={[
          { label: "Complete by", value: formatDateTime(dueAt, timeZone) },
          { label: "Takes", value: `About ${formatDuration(durationMinutes)}` },
        ]}
      />
      <Notice>
        <strong>The earlier date no longer applies:</strong> {formatDateTime(previousDueAt, timeZone)}. Links in earlier emails have stopped working;
        use the link in this email instead.
      </Notice>
      <LinkButton href={interviewUrl}>Open your interview</LinkButton>
      <Text style={text}>
        This link is personal: please don&apos;t forward it. Questions? Contact{" "}
        <RecruiterContact recruiterName={recruiterName} recruiterEmail={recruiterEmail} companyName={companyName} />, or reply to this email.
      </Text>
    </EmailLayout>
  );
}

export const PreviewProps: DeadlineExtendedProps = {
  companyName: "Acme Robotics",
  jobTitle: "Robotics Software Engineer",
  candidateName: "Hana Sato",
  recruiterName: "Daniel Okafor",
  recruiterEmail: "daniel.okafor@acme-robotics.example",
  dueAt: "2026-12-09T08:00:00.000Z",
  previousDueAt: "2026-12-05T08:00:00.000Z",
  timeZone: "Asia/Tokyo",
  durationMinutes: 25,
  interviewUrl: "http://localhost:3000/interview?session_key=Zp4cV9xLr4TnB8wYe1KpZ3sDf6HgJ0aUo5iXt-_NcE7",
};

DeadlineExtended.PreviewProps = PreviewProps;
