import "server-only";
import { subMinutes, subSeconds } from "date-fns";
import { NotFoundError } from "@/lib/errors";
import { IntegritySignalKind, InterviewStatus } from "@/lib/generated/prisma/enums";
import { anyStatus, statusIn, withInterviewLock } from "../model/guard";
import type { CandidateSession } from "./access";

/** A runaway page cannot fill the table: past this many signals an interview records no more. */
export const SIGNALS_PER_INTERVIEW = 300;
/** A device not heard from for this long has left; another one taking over is then no signal. */
export const DEVICE_ACTIVE_SECONDS = 45;
/** Two devices trading places every heartbeat make one signal per this many minutes, not hundreds. */
const MULTIPLE_DEVICES_EVERY_MINUTES = 5;

export type SignalInput =
  | { kind: typeof IntegritySignalKind.LEFT_PAGE; answerId: string; seconds: number }
  | { kind: typeof IntegritySignalKind.PASTE; answerId: string; characters: number };

/**
 * Notes what the candidate's page reported during an answer (left the page, pasted text), at the
 * server's time. Only while the interview is in progress and about one of its own questions;
 * anything else is ignored rather than refused — a signal never gets in the candidate's way.
 * Under the interview's lock, so concurrent reports cannot pass the cap together (and queued per
 * interview in this process, see oneAtATime).
 */
export async function recordSignal({ interviewId, sessionId }: CandidateSession, input: SignalInput, at?: Date): Promise<boolean> {
  return oneAtATime(interviewId, () => withInterviewLock(interviewId, { sessionId }, anyStatus, async (tx, interview, at) => {
    if (interview.status !== InterviewStatus.IN_PROGRESS) return false;
    if ((await tx.integritySignal.count({ where: { interviewId } })) >= SIGNALS_PER_INTERVIEW) return false;
    const answer = await tx.interviewAnswer.findFirst({ where: { id: input.answerId, interviewId }, select: { position: true } });
    if (!answer) return false;
    const detail = input.kind === IntegritySignalKind.LEFT_PAGE ? { seconds: input.seconds } : { characters: input.characters };
    await tx.integritySignal.create({ data: { interviewId, kind: input.kind, position: answer.position + 1, at, detail } });
    return true;
  }, at)).catch((error: unknown) => {
    if (error instanceof NotFoundError) return false;
    throw error;
  });
}

/**
 * A heartbeat from the browser taking the interview (its random device id). A different device
 * while the last one was still active is a MULTIPLE_DEVICES signal; the newest device is then
 * the active one. Tabs of one browser share an id, so they are one device.
 */
export async function deviceHeartbeat({ interviewId, sessionId }: CandidateSession, deviceId: string, at?: Date): Promise<{ otherDevice: boolean }> {
  const running = statusIn([InterviewStatus.IN_PROGRESS], () => new NotRunning());
  return oneAtATime(interviewId, () => withInterviewLock(interviewId, { sessionId }, running, async (tx, _interview, at) => {
    const interview = await tx.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { deviceId: true, deviceSeenAt: true } });
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
  }, at)).catch((error: unknown) => {
    // An interview no longer running (or gone) has no devices to compare: never an error for the candidate.
    if (error instanceof NotRunning || error instanceof NotFoundError) return { otherDevice: false };
    throw error;
  });
}

const pending = new Map<string, Promise<unknown>>();

/**
 * Runs one interview's signals one after another within this process. Each takes the interview's
 * row lock in a transaction; a burst from one page (a paste loop, a flood of beacons) would
 * otherwise hold every pooled connection waiting on that one lock — starving every other request —
 * and give up on the rest after Prisma's 2 s wait for a connection. Queued here, a burst costs one
 * connection per process, and each signal still decides under the lock.
 */
function oneAtATime<T>(interviewId: string, fn: () => Promise<T>): Promise<T> {
  const run = (pending.get(interviewId) ?? Promise.resolve()).then(fn);
  const settled = run.then(
    () => {},
    () => {},
  );
  pending.set(interviewId, settled);
  void settled.then(() => {
    if (pending.get(interviewId) === settled) pending.delete(interviewId);
  });
  return run;
}

/** Refuses a heartbeat for an interview not in progress (answered as "no other device"). */
class NotRunning extends Error {}
