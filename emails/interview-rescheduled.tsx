import { Heading, Text } from "@react-email/components";
import { RecruiterContact } from "./_components/contact";
import { Notice } from "./_components/details";
import { InterviewDetails, WhatToExpect, type InterviewEmailProps } from "./_components/interview";
import { EmailLayout } from "./_components/layout";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";
import { formatDate, formatDateTime, formatTime, formatZone } from "./_components/time";
import { PreviewProps as invitation } from "./interview-invitation";

export type InterviewRescheduledProps = InterviewEmailProps & {
  /** ISO 8601, UTC: the time that no longer applies. */
  previousStartsAt: string;
};

/** To the candidate: the interview moved; the old time and every earlier link no longer apply. */
export default function InterviewRescheduled(props: InterviewRescheduledProps) {
  const { companyName, jobTitle, candidateName, recruiterName, recruiterEmail, startsAt, previousStartsAt, timeZone, interviewUrl } = props;
  return (
    <EmailLayout
      preview={`New time: ${formatDate(startsAt, timeZone)} at ${formatTime(startsAt, timeZone)} ${formatZone(startsAt, timeZone)}. Your earlier link no longer works.`}
      sender={companyName}
      footer={
        <>
          {recruiterName} at {companyName} sent you this update through Kairos because your interview for {jobTitle}{" "}
          was moved.
        </>
      }
    >
      <Heading as="h1" style={heading}>
        Your interview has a new time
      </Heading>
      <Text style={text}>Hi {candidateName},</Text>
      <Text style={text}>
        {recruiterName} at {companyName} moved your interview for the {jobTitle} role. The new details are below.
      </Text>
      <Notice>
        <strong>The previous time no longer applies:</strong> {formatDateTime(previousStartsAt, timeZone)}. Links in
        earlier emails have stopped working; use the link in this email instead.
      </Notice>
      <InterviewDetails {...props} />
      <WhatToExpect {...props} />
      <LinkButton href={interviewUrl}>Open your interview</LinkButton>
      <Text style={text}>
        This link is personal: please don&apos;t forward it. If the new time doesn&apos;t suit you, contact{" "}
        <RecruiterContact recruiterName={recruiterName} recruiterEmail={recruiterEmail} companyName={companyName} />, or reply to this
        email.
      </Text>
    </EmailLayout>
  );
}

export const PreviewProps: InterviewRescheduledProps = {
  ...invitation,
  startsAt: "2026-12-03T01:30:00.000Z",
  previousStartsAt: invitation.startsAt,
  interviewUrl: "http://localhost:3000/interview?session_key=7Qm2cV9xLr4TnB8wYe1KpZ3sDf6HgJ0aUo5iXt-_NcE",
};

InterviewRescheduled.PreviewProps = PreviewProps;
