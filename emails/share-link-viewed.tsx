import { Heading, Text } from "@react-email/components";
import { Details } from "./_components/details";
import { EmailLayout } from "./_components/layout";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";
import { formatDateTime } from "./_components/time";

export type ShareLinkViewedProps = {
  recipientName: string;
  organizationName: string;
  candidateName: string;
  jobTitle: string;
  /** How many answers the link shows. */
  questionCount: number;
  /** Shared in blind mode (the viewer sees initials only). */
  blind: boolean;
  /** ISO UTC: when the link was created. */
  sharedAt: string;
  /** ISO UTC: when it was first opened. */
  viewedAt: string;
  /** The recipient's IANA zone. */
  timeZone: string;
  /** The interview's page, where the link's views and any scorecard left through it are listed. Never the share link itself. */
  interviewUrl: string;
};

/** To whoever shared an interview: the link was opened for the first time. */
export default function ShareLinkViewed({ recipientName, organizationName, candidateName, jobTitle, questionCount, blind, sharedAt, viewedAt, timeZone, interviewUrl }: ShareLinkViewedProps) {
  return (
    <EmailLayout
      preview={`The link to ${candidateName}'s interview was opened.`}
      footer={<>Kairos sent you this because you shared this interview at {organizationName}. You hear about the first opening only.</>}
    >
      <Heading as="h1" style={heading}>
        Your shared link was opened
      </Heading>
      <Text style={text}>Hi {recipientName},</Text>
      <Text style={text}>
        The link you shared to {candidateName}&apos;s interview for {jobTitle} was opened for the first time. Whoever holds it can leave a
        scorecard, which joins the interview&apos;s summary marked as external. You can see every opening, and revoke the link, on the
        interview&apos;s page.
      </Text>
      <Details
        items={[
          { label: "Candidate", value: candidateName },
          { label: "Role", value: jobTitle },
          { label: "Answers shared", value: `${questionCount}${blind ? " (blind: initials only)" : ""}` },
          { label: "Shared", value: formatDateTime(sharedAt, timeZone) },
          { label: "First opened", value: formatDateTime(viewedAt, timeZone) },
        ]}
      />
      <LinkButton href={interviewUrl}>See the interview</LinkButton>
    </EmailLayout>
  );
}

export const PreviewProps: ShareLinkViewedProps = {
  recipientName: "Riley Recruiter",
  organizationName: "Acme Robotics",
  candidateName: "Amara Okafor",
  jobTitle: "Robotics Software Engineer",
  questionCount: 2,
  blind: false,
  sharedAt: "2026-12-02T09:00:00.000Z",
  viewedAt: "2026-12-02T14:30:00.000Z",
  timeZone: "Europe/Berlin",
  interviewUrl: "http://localhost:3000/interviews/cmf3k9x2a0001qz8r5t7y4b6n",
};

ShareLinkViewed.PreviewProps = PreviewProps;
