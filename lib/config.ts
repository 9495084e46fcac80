/** The public origin of this deployment, used in links that leave the app (emails, invites). */
export function appUrl(): string {
  return (process.env.APP_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
}

const DEV_SECRET = "kairos-development-secret-do-not-use-in-production";

/** The secret that signs sessions. Production must set AUTH_SECRET (checked at start-up). */
export function authSecret(): string {
  return process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET || DEV_SECRET;
}

/**
 * The one value of KAIROS_DEV_MAILBOX that lets a production build use the dev mailbox, for test
 * suites that run one (Playwright). Spelled so that nobody sets it for a deployment by accident:
 * the mailbox shows each organisation's email, live session keys included, to its members.
 */
export const DEV_MAILBOX_TEST_OPT_IN = "unsafe-test-only";

const isProduction = () => process.env.NODE_ENV === "production";

/** True when a production build was told, in so many words, to use the dev mailbox (tests only). */
export function devMailboxOptedIn(): boolean {
  return isProduction() && process.env.KAIROS_DEV_MAILBOX === DEV_MAILBOX_TEST_OPT_IN;
}

/** What is wrong with how a production process would send email (servers and the worker alike). */
export function emailConfigProblems(): string[] {
  const problems: string[] = [];
  const mailbox = process.env.KAIROS_DEV_MAILBOX;
  if (mailbox && mailbox !== DEV_MAILBOX_TEST_OPT_IN) {
    problems.push(
      "KAIROS_DEV_MAILBOX is set: it would serve every email, session keys included, at /dev/mailbox. Unset it and send through Resend " +
        `(RESEND_API_KEY). Only a test suite may run production with the mailbox, by setting KAIROS_DEV_MAILBOX=${DEV_MAILBOX_TEST_OPT_IN}.`,
    );
  }
  if (!process.env.RESEND_API_KEY && mailbox !== DEV_MAILBOX_TEST_OPT_IN) {
    problems.push("RESEND_API_KEY is not set, so no email (invitations included) could be delivered. Set it, and EMAIL_FROM.");
  }
  return problems;
}

/** Problems that must stop a production server from starting, in words an operator can act on. */
export function productionConfigProblems(): string[] {
  const problems: string[] = [];
  if (!process.env.AUTH_SECRET && !process.env.NEXTAUTH_SECRET) {
    problems.push("AUTH_SECRET is not set: generate one with `openssl rand -base64 32`.");
  }
  return [...problems, ...emailConfigProblems()];
}

/** The From header of every email Kairos sends. */
export function emailFrom(): string {
  return process.env.EMAIL_FROM || "Kairos <interviews@kairos.test>";
}

/**
 * Which transport delivers email: Resend when RESEND_API_KEY is set; otherwise the development
 * mailbox — in production only with the test suites' opt-in. A production process with neither
 * never writes email into the mailbox table: it fails (start-up refuses it before that).
 */
export function emailTransportName(): "resend" | "dev-mailbox" {
  if (process.env.RESEND_API_KEY) return "resend";
  if (isProduction() && !devMailboxOptedIn()) throw new Error("No email transport: RESEND_API_KEY is not set.");
  return "dev-mailbox";
}

/** True where /dev/mailbox may answer (signed-in members see their organisation's email). */
export function devToolsEnabled(): boolean {
  return !isProduction() || devMailboxOptedIn();
}
