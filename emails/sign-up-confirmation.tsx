import { Heading, Text } from "@react-email/components";
import { accountFooter } from "./_components/account-footer";
import { EmailLayout } from "./_components/layout";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";

// Nothing the person signing up typed (a name, a company) appears here: this email can be sent to
// any address, and what a stranger types must not travel in it.
export type SignUpConfirmationProps = {
  confirmUrl: string;
  validHours: number;
};

/** To an address someone entered on the sign-up form: follow the link to create the account. */
export default function SignUpConfirmation({ confirmUrl, validHours }: SignUpConfirmationProps) {
  return (
    <EmailLayout preview="Confirm your email address to finish creating your Kairos account." footer={accountFooter("sign-up")}>
      <Heading as="h1" style={heading}>
        Confirm your email address
      </Heading>
      <Text style={text}>
        Someone — hopefully you — started creating a Kairos account with this address. Follow the link to confirm it is yours and finish
        creating the account.
      </Text>
      <LinkButton href={confirmUrl}>Confirm and create my account</LinkButton>
      <Text style={text}>The link works once, for {validHours} hours.</Text>
    </EmailLayout>
  );
}

export const PreviewProps: SignUpConfirmationProps = {
  confirmUrl: "http://localhost:3000/sign-up/confirm?token=Qm7tV2xK9pR4sW8yB1nD6fH3jL0cZ5gA-eU_oIiRtNc",
  validHours: 24,
};

SignUpConfirmation.PreviewProps = PreviewProps;
