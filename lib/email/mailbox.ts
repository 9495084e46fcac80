import "server-only";
import { db } from "@/lib/db";
import type { Attachment } from "./outbox";

// The development inbox holds what the dev transport "delivered", keys and all, so it is read per
// organisation, like every other page: a member sees the email their organisation sent.

/** An organisation's development inbox, newest first. */
export async function listMailbox(organizationId: string, limit = 100) {
  const prisma = await db();
  return prisma.devMailboxMessage.findMany({
    where: { outboxEmail: { organizationId } },
    orderBy: { deliveredAt: "desc" },
    take: limit,
    select: { id: true, toEmail: true, subject: true, deliveredAt: true },
  });
}

/** One delivered development message of the organisation, or null (another organisation's too). */
export async function findMailboxMessage(organizationId: string, id: string) {
  const prisma = await db();
  const message = await prisma.devMailboxMessage.findFirst({ where: { id, outboxEmail: { organizationId } } });
  return message && { ...message, attachments: (message.attachments as unknown as Attachment[]) ?? [] };
}
