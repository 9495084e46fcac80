import "server-only";
import { db } from "@/lib/db";
import type { Attachment } from "./outbox";

/** The development inbox, newest first. */
export async function listMailbox(limit = 100) {
  const prisma = await db();
  return prisma.devMailboxMessage.findMany({
    orderBy: { deliveredAt: "desc" },
    take: limit,
    select: { id: true, toEmail: true, subject: true, deliveredAt: true },
  });
}

/** One delivered development message, or null. */
export async function findMailboxMessage(id: string) {
  const prisma = await db();
  const message = await prisma.devMailboxMessage.findUnique({ where: { id } });
  return message && { ...message, attachments: (message.attachments as unknown as Attachment[]) ?? [] };
}
