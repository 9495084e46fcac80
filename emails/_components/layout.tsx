import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { colors, fontFamily } from "./styles";

type EmailLayoutProps = {
  /** The inbox preview line (keep it free of links and secrets). */
  preview: string;
  /** Who the email is from, shown beside the Kairos mark (the company, for candidate emails). */
  sender?: string;
  /** Why the recipient got this email, for the footer. */
  footer: ReactNode;
  children: ReactNode;
};

/** The frame every Kairos email shares: header, white card, footer. */
export function EmailLayout({ preview, sender, footer, children }: EmailLayoutProps) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.page, fontFamily, margin: 0, padding: "24px 12px" }}>
        <Container style={{ maxWidth: "560px" }}>
          <Section style={{ padding: "0 4px 16px" }}>
            <Text style={{ margin: 0, fontSize: "16px", lineHeight: "24px", color: colors.text }}>
              <span
                style={{
                  display: "inline-block",
                  width: "24px",
                  height: "24px",
                  lineHeight: "24px",
                  borderRadius: "6px",
                  backgroundColor: colors.accent,
                  color: "#ffffff",
                  fontWeight: 700,
                  fontSize: "14px",
                  textAlign: "center",
                  verticalAlign: "middle",
                  marginRight: "8px",
                }}
                aria-hidden="true"
                data-skip-in-text="true"
              >
                K
              </span>
              <strong style={{ verticalAlign: "middle" }}>Kairos</strong>
              {sender ? <span style={{ color: colors.muted, verticalAlign: "middle" }}> · {sender}</span> : null}
            </Text>
          </Section>
          <Section
            style={{
              backgroundColor: colors.card,
              border: `1px solid ${colors.border}`,
              borderRadius: "12px",
              padding: "32px 32px 16px",
            }}
          >
            {children}
          </Section>
          <Section style={{ padding: "16px 4px 0" }}>
            <Hr style={{ borderColor: colors.border, margin: "0 0 12px" }} />
            <Text style={{ margin: 0, fontSize: "13px", lineHeight: "20px", color: colors.muted }}>{footer}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
