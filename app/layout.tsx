import type { Metadata } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

// Served from our own origin: the font ships in an npm package, nothing is fetched at build or run time.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Kairos", template: "%s · Kairos" },
  description: "Structured one-way interviews for recruiters and candidates.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next stamps the CSP nonce from proxy.ts onto its scripts only
  // while rendering, so a prerendered page's scripts would carry no nonce and the browser would block them.
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
