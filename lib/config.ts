/** The public origin of this deployment, used in links that leave the app (emails, invites). */
export function appUrl(): string {
  return (process.env.APP_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
}

const DEV_SECRET = "kairos-development-secret-do-not-use-in-production";

/** The secret that signs sessions. Production must set AUTH_SECRET (checked at start-up). */
export function authSecret(): string {
  return process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET || DEV_SECRET;
}

/** Problems that must stop a production server from starting, in words an operator can act on. */
export function productionConfigProblems(): string[] {
  const problems: string[] = [];
  if (!process.env.AUTH_SECRET && !process.env.NEXTAUTH_SECRET) {
    problems.push("AUTH_SECRET is not set: generate one with `openssl rand -base64 32`.");
  }
  if (!process.env.RESEND_API_KEY && process.env.KAIROS_DEV_MAILBOX !== "1") {
    problems.push("RESEND_API_KEY is not set, so no email (invitations included) could be delivered. Set it, and EMAIL_FROM.");
  }
  return problems;
}

/** The From header of every email Kairos sends. */
export function emailFrom(): string {
  return process.env.EMAIL_FROM || "Kairos <interviews@kairos.test>";
}

/**
 * Which transport delivers email: Resend when RESEND_API_KEY is set; otherwise the development
 * mailbox, which production allows only when KAIROS_DEV_MAILBOX=1 says so explicitly (the e2e
 * suite runs a production build that way; a real deployment never should).
 */
export function emailTransportName(): "resend" | "dev-mailbox" {
  return process.env.RESEND_API_KEY ? "resend" : "dev-mailbox";
}

/** True where /dev/mailbox and /dev/emails may answer. */
export function devToolsEnabled(): boolean {
  return process.env.NODE_ENV !== "production" || process.env.KAIROS_DEV_MAILBOX === "1";
}
