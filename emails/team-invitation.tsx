import { Heading, Text } from "@react-email/components";
import { EmailLayout } from "./_components/layout";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";
import { formatDateTime } from "./_components/time";

export type TeamInvitationProps = {
  organizationName: string;
  inviterName: string;
  acceptUrl: string;
  /** ISO 8601, UTC. */
  expiresAt: string;
  /** The zone to show the expiry in (the inviter's, as the invitee's is unknown). */
  timeZone: string;
};

/** To a future teammate: join the organisation on Kairos. */
export default function TeamInvitation({ organizationName, inviterName, acceptUrl, expiresAt, timeZone }: TeamInvitationProps) {
  return (
    <EmailLayout
      preview={`${inviterName} invited you to join ${organizationName} on Kairos.`}
      sender={organizationName}
      footer={
        <>
          {inviterName} invited this address to {organizationName} on Kairos. If you weren&apos;t expecting it, you can
          ignore this email; the invitation expires on its own.
        </>
      }
    >
      <Heading as="h1" style={heading}>
        Join {organizationName} on Kairos
      </Heading>
      <Text style={text}>
        {inviterName} invited you to join {organizationName} on Kairos, where the team schedules one-way interviews
        and reviews candidates&apos; answers together.
      </Text>
      <LinkButton href={acceptUrl}>Accept the invitation</LinkButton>
      <Text style={text}>
        The invitation expires on {formatDateTime(expiresAt, timeZone)}, and the link works once.
      </Text>
    </EmailLayout>
  );
}

export const PreviewProps: TeamInvitationProps = {
  organizationName: "Acme Robotics",
  inviterName: "Daniel Okafor",
  acceptUrl: "http://localhost:3000/invite?token=pX4mQ8rT2vB6nY0cL3kH7jD1sF5gW9zA-eU_oIiRtNc",
  expiresAt: "2026-12-08T18:00:00.000Z",
  timeZone: "America/Los_Angeles",
};

TeamInvitation.PreviewProps = PreviewProps;
