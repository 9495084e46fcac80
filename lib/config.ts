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
  return problems;
}
