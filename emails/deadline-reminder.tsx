import { Heading, Text } from "@react-email/components";
import { RecruiterContact } from "./_components/contact";
import { Details, Notice } from "./_components/details";
import { formatDue } from "./_components/interview";
import { EmailLayout } from "./_components/layout";
import { heading, text } from "./_components/styles";
import { formatDateTime, formatDuration, plural } from "./_components/time";

export type DeadlineReminderProps = {
  companyName: string;
  jobTitle: string;
  candidateName: string;
  recruiterName: string;
  recruiterEmail: string | null;
  /** ISO UTC: when the interview is due. */
  dueAt: string;
  /** The candidate's IANA zone. */
  timeZone: string;
  questionCount: number;
  /** Questions already answered (0 when not started). */
  answeredCount: number;
  /** About how long the questions still to answer take. */
  minutesLeft: number;
};

/**
 * To a candidate who has not finished an interview due by a deadline, 72, 24 and 2 hours before it:
 * what is left and by when. Composed when it is sent, so it says what is left then. Carries no link,
 * like every reminder: it points to the newest email that has one.
 */
export default function DeadlineReminder({
  companyName,
  jobTitle,
  candidateName,
  recruiterName,
  recruiterEmail,
  dueAt,
  timeZone,
  questionCount,
  answeredCount,
  minutesLeft,
}: DeadlineReminderProps) {
  const left = questionCount - answeredCount;
  const started = answeredCount > 0;
  const due = formatDue(dueAt, timeZone);
  const status = started
    ? `You have answered ${answeredCount} of ${plural(questionCount, "question")}; ${plural(left, "question")} ${left === 1 ? "is" : "are"} left, about ${formatDuration(minutesLeft)}.`
    : `You have not started it yet: ${plural(questionCount, "question")}, about ${formatDuration(minutesLeft)}.`;
  return (
    <EmailLayout
      preview={`Complete your interview with ${companyName} by ${due}. ${status}`}
      sender={companyName}
      footer={
        <>
          {companyName} sent you this reminder through Kairos because your interview for {jobTitle} is due soon and not finished yet.
        </>
      }
    >
      <Heading as="h1" style={heading}>
        {started ? "Finish your interview" : "Your interview is waiting for you"}
      </Heading>
      <Text style={text}>Hi {candidateName},</Text>
      <Text style={text}>
        A reminder that your interview with {companyName} for the {jobTitle} role is due by {due}. {status}
      </Text>
      <Details
        items={[
          { label: "Complete by", value: formatDateTime(dueAt, timeZone) },
          { label: "Left", value: `${plural(left, "question")}, about ${formatDuration(minutesLeft)}` },
        ]}
      />
      <Notice>
        <strong>How to {started ? "carry on" : "start"}:</strong> open the link in the most recent email from {companyName} that has one. For your
        security, reminders don&apos;t include the link. You can still pause between questions{started ? ", and your answers so far are kept" : ""}.
      </Notice>
      <Text style={text}>
        Need more time, or can&apos;t find the email? Contact{" "}
        <RecruiterContact recruiterName={recruiterName} recruiterEmail={recruiterEmail} companyName={companyName} /> by replying to this email.
      </Text>
    </EmailLayout>
  );
}

export const PreviewProps: DeadlineReminderProps = {
  companyName: "Acme Robotics",
  jobTitle: "Robotics Software Engineer",
  candidateName: "Hana Sato",
  recruiterName: "Daniel Okafor",
  recruiterEmail: "daniel.okafor@acme-robotics.example",
  dueAt: "2026-12-05T08:00:00.000Z",
  timeZone: "Asia/Tokyo",
  questionCount: 5,
  answeredCount: 2,
  minutesLeft: 12,
};

DeadlineReminder.PreviewProps = PreviewProps;
