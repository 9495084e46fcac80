import { Heading, Text } from "@react-email/components";
import { Details } from "./_components/details";
import { EmailLayout } from "./_components/layout";
import { recruiterFooter, type RecipientRole } from "./_components/recruiter-footer";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";
import { formatDateTime } from "./_components/time";

export type RescheduleRequestedProps = {
  recruiterName: string;
  /** Why they get it: they scheduled the interview, or they own the account (the scheduler has left). */
  recipientRole: RecipientRole;
  candidateName: string;
  candidateEmail: string;
  jobTitle: string;
  /** ISO UTC: the start the candidate missed. */
  missedStartsAt: string;
  /** The candidate's IANA zone. */
  timeZone: string;
  /** The interview's page in the dashboard, where the recruiter picks a new time. */
  interviewUrl: string;
  /** Taken by a deadline: `missedStartsAt` is the due time it was not started by, and they ask for more time. */
  deadline?: boolean;
};

/** To the recruiter: a candidate who missed their interview's window asks for a new time. */
export default function RescheduleRequested({
  recruiterName,
  recipientRole,
  candidateName,
  candidateEmail,
  jobTitle,
  missedStartsAt,
  timeZone,
  interviewUrl,
  deadline = false,
}: RescheduleRequestedProps) {
  if (deadline) {
    return (
      <EmailLayout preview={`${candidateName} missed their interview's due date and asks for more time.`} footer={recruiterFooter(candidateName, recipientRole)}>
        <Heading as="h1" style={heading}>
          {candidateName} asks for more time
        </Heading>
        <Text style={text}>Hi {recruiterName},</Text>
        <Text style={text}>
          {candidateName} did not start their interview for {jobTitle} by its due date, and has asked for more time.
        </Text>
        <Details
          items={[
            { label: "Candidate", value: `${candidateName} (${candidateEmail})` },
            { label: "Role", value: jobTitle },
            { label: "Was due", value: formatDateTime(missedStartsAt, timeZone) },
          ]}
        />
        <Text style={text}>Give them a new due date with Extend deadline on the interview&apos;s page; they will get an email with a new link.</Text>
        <LinkButton href={interviewUrl}>Open the interview</LinkButton>
      </EmailLayout>
    );
  }
  return (
    <EmailLayout
      preview={`${candidateName} missed their interview and asks for a new time.`}
      footer={recruiterFooter(candidateName, recipientRole)}
    >
      <Heading as="h1" style={heading}>
        {candidateName} asks for a new time
      </Heading>
      <Text style={text}>Hi {recruiterName},</Text>
      <Text style={text}>
        {candidateName} did not start their interview for {jobTitle} before its link closed, and has asked for another time.
      </Text>
      <Details
        items={[
          { label: "Candidate", value: `${candidateName} (${candidateEmail})` },
          { label: "Role", value: jobTitle },
          { label: "Missed start", value: formatDateTime(missedStartsAt, timeZone) },
        ]}
      />
      <Text style={text}>Pick a new time on the interview&apos;s page; they will get a new invitation with a new link.</Text>
      <LinkButton href={interviewUrl}>Choose a new time</LinkButton>
    </EmailLayout>
  );
}

export const PreviewProps: RescheduleRequestedProps = {
  recruiterName: "Riley Recruiter",
  recipientRole: "scheduler",
  candidateName: "Hana Sato",
  candidateEmail: "hana.sato@example.com",
  jobTitle: "Robotics Software Engineer",
  missedStartsAt: "2026-12-01T06:00:00.000Z",
  timeZone: "Asia/Tokyo",
  interviewUrl: "http://localhost:3000/interviews/cmf3k9x2a0001qz8r5t7y4b6n",
};

RescheduleRequested.PreviewProps = PreviewProps;
