import { Button, Link, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { colors, link, mutedText } from "./styles";

/**
 * The call to action twice: a button, and the URL as visible text for clients that block buttons
 * or readers who copy it. The plain-text version carries the URL once (the button is skipped).
 */
export function LinkButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Button
        href={href}
        data-skip-in-text="true"
        style={{
          backgroundColor: colors.accent,
          color: "#ffffff",
          borderRadius: "8px",
          fontSize: "16px",
          fontWeight: 600,
          lineHeight: "24px",
          padding: "12px 24px",
          textDecoration: "none",
        }}
      >
        {children}
      </Button>
      <Text style={{ ...mutedText, margin: "16px 0 0" }}>
        <span data-skip-in-text="true">Button not working? </span>Copy this link into your browser:
        <br />
        <Link href={href} style={{ ...link, wordBreak: "break-all" }}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}
