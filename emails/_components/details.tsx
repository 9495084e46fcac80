import { Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { colors } from "./styles";

/** A shaded panel of label/value lines ("When", "Duration", …). */
export function Details({ items }: { items: Array<{ label: string; value: ReactNode }> }) {
  return (
    <Section
      style={{
        backgroundColor: colors.panel,
        border: `1px solid ${colors.border}`,
        borderRadius: "8px",
        // The last line's 8px bottom margin completes the padding.
        padding: "16px 20px 8px",
        margin: "0 0 24px",
      }}
    >
      {items.map((item) => (
        <Text key={item.label} style={{ margin: "0 0 8px", fontSize: "15px", lineHeight: "22px", color: colors.text }}>
          <strong style={{ color: colors.muted, fontWeight: 600 }}>{item.label}:</strong> {item.value}
        </Text>
      ))}
    </Section>
  );
}

/** A simple bulleted list with email-safe spacing. */
export function BulletList({ items }: { items: ReactNode[] }) {
  return (
    <ul style={{ margin: "0 0 16px", paddingLeft: "22px", color: colors.text, fontSize: "16px", lineHeight: "24px" }}>
      {items.map((item, i) => (
        <li key={i} style={{ margin: "0 0 6px" }}>
          {item}
        </li>
      ))}
    </ul>
  );
}

/** A callout box for things the reader must not miss. */
export function Notice({ children, tone = "accent" }: { children: ReactNode; tone?: "accent" | "danger" }) {
  const danger = tone === "danger";
  return (
    <Section
      style={{
        backgroundColor: danger ? colors.dangerSoft : colors.accentSoft,
        borderLeft: `4px solid ${danger ? colors.danger : colors.accent}`,
        borderRadius: "4px",
        padding: "12px 16px",
        margin: "0 0 24px",
      }}
    >
      <Text style={{ margin: 0, fontSize: "15px", lineHeight: "22px", color: colors.text }}>{children}</Text>
    </Section>
  );
}
