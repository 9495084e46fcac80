import type { CSSProperties } from "react";

// The app's palette (app/globals.css: ink = slate, accent = indigo) as hex, since mail clients
// know neither oklch nor CSS variables. Every text colour passes WCAG AA on its background.
export const colors = {
  page: "#f1f5f9",
  card: "#ffffff",
  border: "#e2e8f0",
  panel: "#f8fafc",
  text: "#0f172a",
  muted: "#475569",
  accent: "#4338ca",
  accentSoft: "#eef2ff",
  danger: "#b91c1c",
  dangerSoft: "#fef2f2",
} as const;

export const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const text: CSSProperties = { color: colors.text, fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" };
export const mutedText: CSSProperties = { ...text, color: colors.muted, fontSize: "14px", lineHeight: "22px" };
export const heading: CSSProperties = {
  color: colors.text,
  fontSize: "22px",
  lineHeight: "30px",
  fontWeight: 700,
  margin: "0 0 16px",
};
export const link: CSSProperties = { color: colors.accent, textDecoration: "underline" };
