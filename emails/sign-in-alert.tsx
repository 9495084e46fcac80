import { Heading, Text } from "@react-email/components";
import { accountFooter } from "./_components/account-footer";
import { Notice } from "./_components/details";
import { EmailLayout } from "./_components/layout";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";

export type SignInAlertProps = {
  name: string;
  /** Wrong passwords for this address within `windowMinutes`. */
  attempts: number;
  windowMinutes: number;
  /** The page that sends a password-reset link (it carries no secret itself). */
  resetUrl: string;
};

/** To an account's owner: many wrong passwords were tried for their address. */
export default function SignInAlert({ name, attempts, windowMinutes, resetUrl }: SignInAlertProps) {
  return (
    <EmailLayout preview="Someone is trying to sign in to your Kairos account." footer={accountFooter("account")}>
      <Heading as="h1" style={heading}>
        Someone is trying to sign in to your account
      </Heading>
      <Text style={text}>Hi {name},</Text>
      <Text style={text}>
        A wrong password was entered for your address {attempts} times in {windowMinutes} minutes. If that was you, you can set a new
        password with the link below.
      </Text>
      <Notice>
        If it wasn&apos;t you, your account is still safe unless your password is guessed: Kairos slows down and then refuses every
        address that keeps failing, and you can still sign in as usual. Choosing a long password you use nowhere else keeps it that way.
      </Notice>
      <LinkButton href={resetUrl}>Reset your password</LinkButton>
      <Text style={text}>We won&apos;t email you about this again today.</Text>
    </EmailLayout>
  );
}

export const PreviewProps: SignInAlertProps = {
  name: "Riley Recruiter",
  attempts: 10,
  windowMinutes: 15,
  resetUrl: "http://localhost:3000/forgot-password",
};

SignInAlert.PreviewProps = PreviewProps;
