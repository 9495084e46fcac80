import { Heading, Text } from "@react-email/components";
import { accountFooter } from "./_components/account-footer";
import { EmailLayout } from "./_components/layout";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";

export type SignUpExistingAccountProps = {
  /** The account owner's name, as stored (never what the sign-up form was given). */
  name: string;
  signInUrl: string;
  resetUrl: string;
};

/** To an account's owner: someone tried to sign up with their address. */
export default function SignUpExistingAccount({ name, signInUrl, resetUrl }: SignUpExistingAccountProps) {
  return (
    <EmailLayout preview="Someone tried to create a Kairos account with your address." footer={accountFooter("account")}>
      <Heading as="h1" style={heading}>
        You already have a Kairos account
      </Heading>
      <Text style={text}>Hi {name},</Text>
      <Text style={text}>
        Someone tried to create a new Kairos account with this address. An address can hold one account, and this one already does, so
        nothing was created.
      </Text>
      <Text style={text}>If it was you, sign in to your account instead:</Text>
      <LinkButton href={signInUrl}>Sign in</LinkButton>
      <Text style={text}>
        Forgotten your password? Set a new one at {resetUrl}. If it wasn&apos;t you, you can ignore this email: your account is unchanged.
      </Text>
    </EmailLayout>
  );
}

export const PreviewProps: SignUpExistingAccountProps = {
  name: "Riley Recruiter",
  signInUrl: "http://localhost:3000/sign-in",
  resetUrl: "http://localhost:3000/forgot-password",
};

SignUpExistingAccount.PreviewProps = PreviewProps;
