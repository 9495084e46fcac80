import { Heading, Text } from "@react-email/components";
import { accountFooter } from "./_components/account-footer";
import { EmailLayout } from "./_components/layout";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";

export type PasswordResetProps = {
  name: string;
  resetUrl: string;
  validMinutes: number;
};

/** To an account's owner who asked for it: a link to choose a new password. */
export default function PasswordReset({ name, resetUrl, validMinutes }: PasswordResetProps) {
  return (
    <EmailLayout preview="Choose a new password for your Kairos account." footer={accountFooter("account")}>
      <Heading as="h1" style={heading}>
        Reset your password
      </Heading>
      <Text style={text}>Hi {name},</Text>
      <Text style={text}>Someone — hopefully you — asked to reset the password of your Kairos account. Follow the link to choose a new one.</Text>
      <LinkButton href={resetUrl}>Choose a new password</LinkButton>
      <Text style={text}>
        The link works once, for {validMinutes} minutes. Setting a new password signs you out everywhere. If you didn&apos;t ask for this,
        ignore this email: your password stays as it is.
      </Text>
    </EmailLayout>
  );
}

export const PreviewProps: PasswordResetProps = {
  name: "Riley Recruiter",
  resetUrl: "http://localhost:3000/reset-password?token=Rz8mN3qW6eT1yU4iO7pA2sD5fG9hJ0kL-xC_vBnMqWe",
  validMinutes: 60,
};

PasswordReset.PreviewProps = PreviewProps;
