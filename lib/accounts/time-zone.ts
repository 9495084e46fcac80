import "server-only";
import { db } from "@/lib/db";
import { FieldError } from "@/lib/errors";
import { isValidTimeZone } from "@/lib/time-zones";

// A recruiter's own time zone: the emails Kairos sends them (a candidate finished, asked for a new
// time…) show times in it. Pages show times in the browser's zone; emails have no browser.

/** The zone the user's emails use, or null when they have not got one yet (their emails then use UTC). */
export async function findTimeZone(userId: string): Promise<string | null> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { timeZone: true } });
  return user?.timeZone ?? null;
}

/** Sets the signed-in user's own zone (Settings). */
export async function setTimeZone(userId: string, timeZone: string): Promise<void> {
  if (!isValidTimeZone(timeZone)) throw new FieldError("timeZone", "Choose a time zone from the list.");
  const prisma = await db();
  await prisma.user.update({ where: { id: userId }, data: { timeZone } });
}
