import { Heading, Text } from "@react-email/components";
import { accountFooter } from "./_components/account-footer";
import { Details, Notice } from "./_components/details";
import { EmailLayout } from "./_components/layout";
import { LinkButton } from "./_components/link-button";
import { heading, text } from "./_components/styles";

export type WebhookDisabledProps = {
  organizationName: string;
  /** The endpoint's URL (never its secret). */
  url: string;
  description: string;
  /** Why it was disabled, in a sentence (3 days of failures, or a 410). */
  reason: string;
  /** The last failure the endpoint answered with. */
  lastError: string;
  /** Settings → Webhooks, where it can be fixed and enabled again. */
  settingsUrl: string;
};

/** To an organisation's owners and admins: one of its webhook endpoints was disabled. */
export default function WebhookDisabled({ organizationName, url, description, reason, lastError, settingsUrl }: WebhookDisabledProps) {
  return (
    <EmailLayout preview={`A webhook endpoint of ${organizationName} was disabled.`} footer={accountFooter("account")}>
      <Heading as="h1" style={heading}>
        A webhook endpoint was disabled
      </Heading>
      <Text style={text}>
        Kairos stopped sending events to one of {organizationName}&apos;s webhook endpoints: {reason}
      </Text>
      <Details
        items={[
          { label: "Endpoint", value: url },
          ...(description ? [{ label: "Description", value: description }] : []),
          { label: "Last failure", value: lastError },
        ]}
      />
      <Notice>Events that happen while it is disabled are not queued for it. Once the receiver works again, enable it and redeliver what it missed from its delivery log.</Notice>
      <LinkButton href={settingsUrl}>Open webhook settings</LinkButton>
    </EmailLayout>
  );
}

export const PreviewProps: WebhookDisabledProps = {
  organizationName: "Acme Robotics",
  url: "https://ats.example.com/hooks/kairos",
  description: "Greenhouse sync",
  reason: "it failed every delivery for 3 days.",
  lastError: "HTTP 503",
  settingsUrl: "http://localhost:3000/settings/webhooks",
};

WebhookDisabled.PreviewProps = PreviewProps;
