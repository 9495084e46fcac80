import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { Attachment } from "./outbox";

// The development inbox holds what the dev transport "delivered", keys and all, so it is read like
// every other page: a member sees the email their organisation sent, and account email (sign-up
// confirmations, password resets: no organisation) sent to their own address. Account email for
// someone who cannot sign in yet is listed only to whoever names the address.

/** Who is reading: a signed-in member, or nobody signed in. */
export type MailboxReader = { organizationId: string; email: string } | null;

function readable(reader: MailboxReader): Prisma.DevMailboxMessageWhereInput {
  if (!reader) return { outboxEmail: { organizationId: null } };
  return { OR: [{ outboxEmail: { organizationId: reader.organizationId } }, { outboxEmail: { organizationId: null }, toEmail: reader.email }] };
}

const listed = { id: true, toEmail: true, subject: true, deliveredAt: true } as const;

/** A member's development inbox, newest first. */
export async function listMailbox(reader: NonNullable<MailboxReader>, limit = 100) {
  const prisma = await db();
  return prisma.devMailboxMessage.findMany({ where: readable(reader), orderBy: { deliveredAt: "desc" }, take: limit, select: listed });
}

/** Account email (no organisation) sent to one address, newest first. */
export async function listAccountMail(to: string, limit = 20) {
  const prisma = await db();
  return prisma.devMailboxMessage.findMany({
    where: { outboxEmail: { organizationId: null }, toEmail: to.trim().toLowerCase() },
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
