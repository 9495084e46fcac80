import { Heading, Text } from "@react-email/components";
import { accountFooter } from "./_components/account-footer";
import { Notice } from "./_components/details";
import { EmailLayout } from "./_components/layout";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";

export type PasswordChangedProps = {
  name: string;
  /** How: from the account's settings while signed in, or with a reset link. */
  how: "settings" | "reset";
  resetUrl: string;
};

/** To an account's owner: their password was just changed. */
export default function PasswordChanged({ name, how, resetUrl }: PasswordChangedProps) {
  return (
    <EmailLayout preview="The password of your Kairos account was changed." footer={accountFooter("account")}>
      <Heading as="h1" style={heading}>
        Your password was changed
      </Heading>
      <Text style={text}>Hi {name},</Text>
      <Text style={text}>
        {how === "reset"
          ? "The password of your Kairos account was just reset with a link sent to this address, and every browser signed in to it was signed out."
          : "The password of your Kairos account was just changed from its settings, and every other browser signed in to it was signed out."}
      </Text>
      <Notice>If this wasn&apos;t you, reset your password now: the link goes to this address only.</Notice>
      <LinkButton href={resetUrl}>Reset your password</LinkButton>
    </EmailLayout>
  );
}

export const PreviewProps: PasswordChangedProps = {
  name: "Riley Recruiter",
  how: "settings",
  resetUrl: "http://localhost:3000/forgot-password",
};

PasswordChanged.PreviewProps = PreviewProps;
