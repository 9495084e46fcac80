import { Heading, Section, Text } from "@react-email/components";
import { Fragment } from "react";
import { Details } from "./_components/details";
import { EmailLayout } from "./_components/layout";
import { recruiterFooter, type RecipientRole } from "./_components/recruiter-footer";
import { LinkButton } from "./_components/link-button";
import { colors, heading, text } from "./_components/styles";
import { formatDateTime } from "./_components/time";

export type AccommodationRequestedProps = {
  recruiterName: string;
  /** Why this recipient: they scheduled the interview, or (nobody did any more) they own the account. */
  recipientRole: RecipientRole;
  candidateName: string;
  candidateEmail: string;
  jobTitle: string;
  /** ISO UTC: the interview's start. */
  startsAt: string;
  /** The candidate's IANA zone. */
  timeZone: string;
  /** What the candidate wrote, as they wrote it (plain text; line breaks kept). */
  message: string;
  /** The interview's page in the dashboard, where the accommodations are set. */
  interviewUrl: string;
};

/** To the recruiter: a candidate asks for an accommodation (more time, more retakes, …) from the lobby. */
export default function AccommodationRequested({
  recruiterName,
  recipientRole,
  candidateName,
  candidateEmail,
  jobTitle,
  startsAt,
  timeZone,
  message,
  interviewUrl,
}: AccommodationRequestedProps) {
  return (
    <EmailLayout
      // The preview line stays generic: what the candidate wrote may be private.
      preview={`${candidateName} asks for an accommodation for their interview.`}
      footer={recruiterFooter(candidateName, recipientRole)}
    >
      <Heading as="h1" style={heading}>
        {candidateName} asks for an accommodation
      </Heading>
      <Text style={text}>Hi {recruiterName},</Text>
      <Text style={text}>{candidateName} wrote this from the page of their interview for {jobTitle}:</Text>
      <Section style={{ borderLeft: `4px solid ${colors.border}`, padding: "4px 0 4px 16px", margin: "0 0 24px" }}>
        {/* Line breaks as <br>: the plain-text part keeps them too (white-space would not survive). */}
        <Text style={{ ...text, margin: 0 }}>
          {message.split(/\r?\n/).map((line, i) => (
            <Fragment key={i}>
              {i > 0 && <br />}
              {line}
            </Fragment>
          ))}
        </Text>
      </Section>
      <Details
        items={[
          { label: "Candidate", value: `${candidateName} (${candidateEmail})` },
          { label: "Role", value: jobTitle },
          { label: "Starts", value: formatDateTime(startsAt, timeZone) },
        ]}
      />
      <Text style={text}>
        Until the interview starts you can give them extra time on every question and extra retakes on recorded answers from the
        interview&apos;s page. For anything else, reply to them at {candidateEmail}.
      </Text>
      <LinkButton href={interviewUrl}>Set accommodations</LinkButton>
    </EmailLayout>
  );
}

export const PreviewProps: AccommodationRequestedProps = {
  recruiterName: "Riley Recruiter",
  recipientRole: "scheduler",
  candidateName: "Hana Sato",
  candidateEmail: "hana.sato@example.com",
  jobTitle: "Robotics Software Engineer",
  startsAt: "2026-12-01T06:00:00.000Z",
  timeZone: "Asia/Tokyo",
  message: "I have dyslexia and read questions slowly.\nCould I have extra time to read each question?",
  interviewUrl: "http://localhost:3000/interviews/cmf3k9x2a0001qz8r5t7y4b6n",
};

AccommodationRequested.PreviewProps = PreviewProps;
