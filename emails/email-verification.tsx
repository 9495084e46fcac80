import { Heading, Text } from "@react-email/components";
import { accountFooter } from "./_components/account-footer";
import { EmailLayout } from "./_components/layout";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";

export type EmailVerificationProps = {
  name: string;
  verifyUrl: string;
  validHours: number;
};

/** To an account whose address was never confirmed: confirm it, so the account may email candidates and teammates. */
export default function EmailVerification({ name, verifyUrl, validHours }: EmailVerificationProps) {
  return (
    <EmailLayout preview="Confirm your email address to send interview invitations from Kairos." footer={accountFooter("account")}>
      <Heading as="h1" style={heading}>
        Confirm your email address
      </Heading>
      <Text style={text}>Hi {name},</Text>
      <Text style={text}>
        Confirm that this address is yours, and you can schedule interviews and invite teammates: Kairos emails them on your behalf.
      </Text>
      <LinkButton href={verifyUrl}>Confirm my address</LinkButton>
      <Text style={text}>The link works once, for {validHours} hours.</Text>
    </EmailLayout>
  );
}

export const PreviewProps: EmailVerificationProps = {
  name: "Riley Recruiter",
  verifyUrl: "http://localhost:3000/verify-email?token=Vx3kP9mQ2wR7tY1uB5nC8dF4gH6jK0lZ-aS_eDiOpNc",
  validHours: 24,
};

EmailVerification.PreviewProps = PreviewProps;
