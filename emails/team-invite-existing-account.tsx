import { Heading, Text } from "@react-email/components";
import { EmailLayout } from "./_components/layout";
import { heading, text } from "./_components/styles";

export type TeamInviteExistingAccountProps = {
  organizationName: string;
  inviterName: string;
};

/**
 * To an address that already has a Kairos account elsewhere, instead of an invitation it could not
 * accept. The inviter is told "Invitation sent" as for any address, so inviting reveals nothing.
 */
export default function TeamInviteExistingAccount({ organizationName, inviterName }: TeamInviteExistingAccountProps) {
  return (
    <EmailLayout
      preview={`${inviterName} invited you to join ${organizationName} on Kairos.`}
      sender={organizationName}
      footer={<>{inviterName} invited this address to {organizationName} on Kairos. If you weren&apos;t expecting it, you can ignore this email.</>}
    >
      <Heading as="h1" style={heading}>
        {inviterName} invited you to {organizationName}
      </Heading>
      <Text style={text}>
        {inviterName} invited this address to join {organizationName} on Kairos. This address already belongs to a Kairos account in
        another organisation, and an account belongs to one organisation, so the invitation cannot be accepted with it.
      </Text>
      <Text style={text}>
        To join {organizationName}, ask {inviterName} to invite another address of yours. Your existing account is unchanged.
      </Text>
    </EmailLayout>
  );
}

export const PreviewProps: TeamInviteExistingAccountProps = {
  organizationName: "Acme Robotics",
  inviterName: "Daniel Okafor",
};

TeamInviteExistingAccount.PreviewProps = PreviewProps;
