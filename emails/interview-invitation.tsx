import { Heading, Text } from "@react-email/components";
import { InterviewDetails, WhatToExpect, type InterviewEmailProps } from "./_components/interview";
import { EmailLayout } from "./_components/layout";
import { LinkButton } from "./_components/link-button";
import { RecruiterContact } from "./_components/contact";
import { Notice } from "./_components/details";
import { heading, text } from "./_components/styles";
import { formatDate, formatTime, formatZone } from "./_components/time";
import { formatDue } from "./_components/interview";

export type InterviewInvitationProps = InterviewEmailProps;

/** To the candidate: their interview, when it is, what to expect, and their personal link. */
export default function InterviewInvitation(props: InterviewInvitationProps) {
  const { companyName, jobTitle, candidateName, recruiterName, recruiterEmail, startsAt, timeZone, interviewUrl, dueAt } = props;
  return (
    <EmailLayout
      preview={
        dueAt
          ? `${companyName} invited you to a one-way interview for ${jobTitle}. Complete by ${formatDue(dueAt, timeZone)}.`
          : `${companyName} invited you to interview for ${jobTitle} on ${formatDate(startsAt, timeZone)} at ${formatTime(startsAt, timeZone)} ${formatZone(startsAt, timeZone)}.`
      }
      sender={companyName}
      footer={
        <>
          {recruiterName} at {companyName} sent you this invitation through Kairos. If you weren&apos;t expecting it,
          you can ignore this email.
        </>
      }
    >
      <Heading as="h1" style={heading}>
        Your interview for {jobTitle}
      </Heading>
      <Text style={text}>Hi {candidateName},</Text>
      {dueAt ? (
        <Text style={text}>
          {recruiterName} at {companyName} has invited you to a one-way interview for the {jobTitle} role. You answer a
          few questions in your browser whenever suits you: complete by {formatDue(dueAt, timeZone)}. There is no one
          else on a call, and the team reviews your answers afterwards.
        </Text>
      ) : (
        <Text style={text}>
          {recruiterName} at {companyName} has invited you to a one-way interview for the {jobTitle} role. You answer a
          few questions in your browser at the time below; there is no one else on a call, and the team reviews your
          answers afterwards.
        </Text>
      )}
      <InterviewDetails {...props} />
      <WhatToExpect {...props} />
      <LinkButton href={interviewUrl}>Open your interview</LinkButton>
      <Notice>
        This link is personal: it is your key to the interview, so please don&apos;t forward it. If you need{" "}
        {dueAt ? "more time" : "a different time"}, or have a question, contact{" "}
        <RecruiterContact recruiterName={recruiterName} recruiterEmail={recruiterEmail} companyName={companyName} />, or reply to this
        email.
      </Notice>
    </EmailLayout>
  );
}

export const PreviewProps: InterviewInvitationProps = {
  companyName: "Acme Robotics",
  jobTitle: "Robotics Software Engineer",
  candidateName: "Hana Sato",
  recruiterName: "Daniel Okafor",
  recruiterEmail: "daniel.okafor@acme-robotics.example",
  startsAt: "2026-12-01T06:00:00.000Z",
  timeZone: "Asia/Tokyo",
  durationMinutes: 45,
  opensMinutesBefore: 15,
  questionCount: 6,
  answerTypes: ["VIDEO", "TEXT"],
  interviewUrl: "http://localhost:3000/interview?session_key=NUk0wFPkFDHe9eeK6PvCiW7879kn69f6cYYEfqD5qfM",
};

/** The same invitation for an interview to complete by a deadline (DEADLINE mode). */
export const DeadlinePreviewProps: InterviewInvitationProps = {
  ...PreviewProps,
  startsAt: "2026-11-28T01:00:00.000Z",
  opensMinutesBefore: 0,
  durationMinutes: 25,
  dueAt: "2026-12-05T08:00:00.000Z",
};

InterviewInvitation.PreviewProps = PreviewProps;
