import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { EmailKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import type { Attachment } from "./outbox";

// The development inbox holds what the dev transport "delivered", keys and all, so it is read like
// every other page: a member sees the email their organisation sent, and the account email sent
// to their own address. Account email (sign-up confirmations, resets, sign-in alerts) is for
// someone who may not be able to sign in, so it is listed to whoever names the address: this is a
// development and test tool, which a deployment never has.

/** Email about a person's account rather than their organisation's work. */
const ACCOUNT_KINDS: EmailKind[] = [
  EmailKind.SIGN_UP_CONFIRMATION,
  EmailKind.SIGN_UP_EXISTING_ACCOUNT,
  EmailKind.EMAIL_VERIFICATION,
  EmailKind.PASSWORD_RESET,
  EmailKind.PASSWORD_CHANGED,
  EmailKind.SIGN_IN_ALERT,
  EmailKind.TEAM_INVITE_EXISTING_ACCOUNT,
];

/** Who is reading: a signed-in member, or nobody signed in. */
export type MailboxReader = { organizationId: string; email: string } | null;

function readable(reader: MailboxReader): Prisma.DevMailboxMessageWhereInput {
  const accountMail = { outboxEmail: { kind: { in: ACCOUNT_KINDS } } };
  if (!reader) return accountMail;
  return { OR: [{ outboxEmail: { organizationId: reader.organizationId } }, { ...accountMail, toEmail: reader.email }] };
}

const listed = { id: true, toEmail: true, subject: true, deliveredAt: true } as const;

/** A member's development inbox, newest first. */
export async function listMailbox(reader: NonNullable<MailboxReader>, limit = 100) {
  const prisma = await db();
  return prisma.devMailboxMessage.findMany({ where: readable(reader), orderBy: { deliveredAt: "desc" }, take: limit, select: listed });
}

/** Account email sent to one address, newest first. */
export async function listAccountMail(to: string, limit = 20) {
  const prisma = await db();
  return prisma.devMailboxMessage.findMany({
    where: { outboxEmail: { kind: { in: ACCOUNT_KINDS } }, toEmail: to.trim().toLowerCase() },
    orderBy: { deliveredAt: "desc" },
    take: limit,
    select: listed,
  });
}

/** One delivered development message the reader may read, or null (another organisation's too). */
export async function findMailboxMessage(reader: MailboxReader, id: string) {
  const prisma = await db();
  const message = await prisma.devMailboxMessage.findFirst({ where: { id, ...readable(reader) } });
  return message && { ...message, attachments: (message.attachments as unknown as Attachment[]) ?? [] };
}
