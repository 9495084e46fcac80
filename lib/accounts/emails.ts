import "server-only";
import { appUrl } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail, type EmailMessage, type TemplateProps } from "@/lib/email/templates";
import { EmailKind } from "@/lib/generated/prisma/enums";

// Every email about an account (rather than an interview) is queued here: to the address of the
// account, or of the sign-up, it is about. Links that carry a secret pass it as `secret`, so the
// outbox scrubs it from its copy once the provider has the email.

const ACCOUNT_KINDS = {
  "sign-up-confirmation": EmailKind.SIGN_UP_CONFIRMATION,
  "sign-up-existing-account": EmailKind.SIGN_UP_EXISTING_ACCOUNT,
  "email-verification": EmailKind.EMAIL_VERIFICATION,
  "password-reset": EmailKind.PASSWORD_RESET,
  "password-changed": EmailKind.PASSWORD_CHANGED,
  "sign-in-alert": EmailKind.SIGN_IN_ALERT,
  "team-invite-existing-account": EmailKind.TEAM_INVITE_EXISTING_ACCOUNT,
} as const;

export type AccountEmail = keyof typeof ACCOUNT_KINDS;

export interface AccountEmailRecipient {
  email: string;
  name?: string;
  /** The organisation whose account (or action) it is; null for a sign-up, before one exists. */
  organizationId: string | null;
}

/** Renders an account email (before a transaction opens, so it holds its locks for the writes alone). */
export function renderAccountEmail<K extends AccountEmail>(template: K, props: TemplateProps[K]) {
  return renderEmail({ template, props } as EmailMessage<K>);
}

/** Queues a rendered account email in the caller's transaction. */
export async function queueAccountEmail(
  tx: Tx,
  template: AccountEmail,
  to: AccountEmailRecipient,
  rendered: Awaited<ReturnType<typeof renderEmail>>,
  secret?: string,
): Promise<void> {
  await enqueueEmail(tx, {
    organizationId: to.organizationId,
    kind: ACCOUNT_KINDS[template],
    toEmail: to.email,
    toName: to.name ?? "",
    ...rendered,
    secret: secret ?? null,
  });
}

/** Where someone who forgot their password asks for a link (the page carries no secret). */
export function forgotPasswordUrl(): string {
  return `${appUrl()}/forgot-password`;
}

export function signInUrl(): string {
  return `${appUrl()}/sign-in`;
}
