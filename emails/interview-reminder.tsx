import { Heading, Text } from "@react-email/components";
import { RecruiterContact } from "./_components/contact";
import { Details, Notice } from "./_components/details";
import { EmailLayout } from "./_components/layout";
import { heading, text } from "./_components/styles";
import { formatDateTime, formatDuration, formatTime, formatZone } from "./_components/time";

export type InterviewReminderProps = {
  companyName: string;
  jobTitle: string;
  candidateName: string;
  recruiterName: string;
  /** Where the candidate reaches the recruiter (replies go there too); null: nobody to name. */
  recruiterEmail: string | null;
  /** ISO 8601, UTC. */
  startsAt: string;
  /** The candidate's IANA zone. */
  timeZone: string;
  durationMinutes: number;
  hoursBefore: 24 | 1;
};

/**
 * To the candidate, 24 hours or 1 hour ahead. Deliberately carries no link: a reminder must not
 * hold a session key, so it points to the most recent invitation instead.
 */
export default function InterviewReminder({
  companyName,
  jobTitle,
  candidateName,
  recruiterName,
  recruiterEmail,
  startsAt,
  timeZone,
  durationMinutes,
  hoursBefore,
}: InterviewReminderProps) {
  const when = hoursBefore === 1 ? "in 1 hour" : "tomorrow";
  const at = `${formatTime(startsAt, timeZone)} ${formatZone(startsAt, timeZone)}`;
  return (
    <EmailLayout
      preview={`Your interview with ${companyName} for ${jobTitle} starts ${when}, at ${at}.`}
      sender={companyName}
      footer={
        <>
          {companyName} sent you this reminder through Kairos because you have an interview scheduled for {jobTitle}.
        </>
      }
    >
      <Heading as="h1" style={heading}>
        {hoursBefore === 1 ? "Your interview starts in 1 hour" : "Your interview is tomorrow"}
      </Heading>
      <Text style={text}>Hi {candidateName},</Text>
      <Text style={text}>
        A reminder that your interview with {companyName} for the {jobTitle} role starts {when}, at {at}.
      </Text>
      <Details
        items={[
          { label: "Company", value: companyName },
          { label: "Role", value: jobTitle },
          { label: "Starts", value: formatDateTime(startsAt, timeZone) },
          { label: "Duration", value: `About ${formatDuration(durationMinutes)}` },
        ]}
      />
      <Notice>
        <strong>How to join:</strong> open the link in the most recent invitation email from {companyName}. For your
        security, reminders don&apos;t include the link. If the interview was moved, only the newest email&apos;s link
        works.
      </Notice>
      <Text style={text}>
        Can&apos;t find the email? Check your spam folder, or contact{" "}
        <RecruiterContact recruiterName={recruiterName} recruiterEmail={recruiterEmail} companyName={companyName} /> by replying to this
        email.
      </Text>
    </EmailLayout>
  );
}

export const PreviewProps: InterviewReminderProps = {
  companyName: "Acme Robotics",
  jobTitle: "Robotics Software Engineer",
  candidateName: "Hana Sato",
  recruiterName: "Daniel Okafor",
  recruiterEmail: "daniel.okafor@acme-robotics.example",
  startsAt: "2026-12-01T06:00:00.000Z",
  timeZone: "Asia/Tokyo",
  durationMinutes: 45,
  hoursBefore: 24,
};

InterviewReminder.PreviewProps = PreviewProps;
