import "server-only";
import { subMinutes, subSeconds } from "date-fns";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { IntegritySignalKind, InterviewStatus } from "@/lib/generated/prisma/enums";

/** A runaway page cannot fill the table: past this many signals an interview records no more. */
export const SIGNALS_PER_INTERVIEW = 300;
/** A device not heard from for this long has left; another one taking over is then no signal. */
export const DEVICE_ACTIVE_SECONDS = 45;
/** Two devices trading places every heartbeat make one signal per this many minutes, not hundreds. */
const MULTIPLE_DEVICES_EVERY_MINUTES = 5;

export type SignalInput =
  | { kind: typeof IntegritySignalKind.LEFT_PAGE; answerId: string; seconds: number }
  | { kind: typeof IntegritySignalKind.PASTE; answerId: string; characters: number };

async function inProgress(interviewId: string) {
  const prisma = await db();
  const interview = await prisma.interview.findUnique({ where: { id: interviewId }, select: { status: true, _count: { select: { signals: true } } } });
  return interview?.status === InterviewStatus.IN_PROGRESS ? interview : null;
}

/**
 * Notes what the candidate's page reported during an answer (left the page, pasted text), at the
 * server's time. Only while the interview is in progress and about one of its own questions;
 * anything else is ignored rather than refused — a signal never gets in the candidate's way.
 */
export async function recordSignal(interviewId: string, input: SignalInput, at = clockNow()): Promise<boolean> {
  const interview = await inProgress(interviewId);
  if (!interview || interview._count.signals >= SIGNALS_PER_INTERVIEW) return false;
  const prisma = await db();
  const answer = await prisma.interviewAnswer.findFirst({ where: { id: input.answerId, interviewId }, select: { position: true } });
  if (!answer) return false;
  const detail = input.kind === IntegritySignalKind.LEFT_PAGE ? { seconds: input.seconds } : { characters: input.characters };
  await prisma.integritySignal.create({ data: { interviewId, kind: input.kind, position: answer.position + 1, at, detail } });
  return true;
}

/**
 * A heartbeat from the browser taking the interview (its random device id). A different device
 * while the last one was still active is a MULTIPLE_DEVICES signal; the newest device is then
 * the active one. Tabs of one browser share an id, so they are one device.
 */
export async function deviceHeartbeat(interviewId: string, deviceId: string, at = clockNow()): Promise<{ otherDevice: boolean }> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Interview" WHERE id = ${interviewId} FOR UPDATE`;
    const interview = await tx.interview.findUnique({ where: { id: interviewId }, select: { status: true, deviceId: true, deviceSeenAt: true } });
    if (interview?.status !== InterviewStatus.IN_PROGRESS) return { otherDevice: false };
    const otherDevice = Boolean(interview.deviceId && interview.deviceId !== deviceId && interview.deviceSeenAt && interview.deviceSeenAt > subSeconds(at, DEVICE_ACTIVE_SECONDS));
    if (otherDevice) {
      const recent = await tx.integritySignal.count({
        where: { interviewId, kind: IntegritySignalKind.MULTIPLE_DEVICES, at: { gt: subMinutes(at, MULTIPLE_DEVICES_EVERY_MINUTES) } },
      });
      const total = await tx.integritySignal.count({ where: { interviewId } });
      if (recent === 0 && total < SIGNALS_PER_INTERVIEW) {
        await tx.integritySignal.create({ data: { interviewId, kind: IntegritySignalKind.MULTIPLE_DEVICES, at, detail: { devices: 2 } } });
      }
    }
    await tx.interview.update({ where: { id: interviewId }, data: { deviceId, deviceSeenAt: at } });
    return { otherDevice };
  });
}

/** The signals a reviewer reads, oldest first (null when the interview is not this organisation's). */
export async function findSignals(organizationId: string, interviewId: string) {
  const prisma = await db();
  return prisma.integritySignal.findMany({
    where: { interviewId, interview: { organizationId } },
    orderBy: { at: "asc" },
    select: { id: true, kind: true, position: true, at: true, detail: true },
  });
}
