// What `npm run dev` prints once the server answers: where to go, how to sign in, where email lands.

export interface DevBannerInput {
  /** The origin to browse to (NEXTAUTH_URL: sign-in works there only). */
  url: string;
  demo: { email: string; password: string; organization: string };
  /** Email goes through Resend (RESEND_API_KEY is set) rather than into the dev mailbox. */
  resend: boolean;
  /** PostgreSQL (DATABASE_URL): the demo organisation exists only after `npm run db:seed`. */
  postgres: boolean;
  /** `npm run email`: the template previews come first. */
  emails: boolean;
}

/** The banner's lines, boxed off from Next's own output by a rule above and below. */
export function devBanner({ url, demo, resend, postgres, emails }: DevBannerInput): string {
  const origin = url.replace(/\/+$/, "");
  const lines = [
    ...(emails ? [`Email previews:   ${origin}/dev/emails`] : []),
    `Kairos is ready:  ${origin}`,
    `Sign in as:       ${demo.email} / ${demo.password}  (${demo.organization}, the demo organisation${postgres ? "; npm run db:seed adds it" : ""})`,
    resend ? "Email:            sent through Resend (RESEND_API_KEY is set)" : `Email lands in:   ${origin}/dev/mailbox  (account email: ${origin}/dev/mailbox/account)`,
    ...(emails ? [] : [`Email previews:   ${origin}/dev/emails  (npm run email)`]),
  ];
  const rule = "─".repeat(Math.max(...lines.map((line) => line.length)) + 2);
  return ["", rule, ...lines.map((line) => ` ${line}`), rule, ""].join("\n");
}
