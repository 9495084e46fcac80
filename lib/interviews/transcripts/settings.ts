import "server-only";
import { managesTeam } from "@/lib/accounts/roles";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { NotFoundError, StateError } from "@/lib/errors";
import { engineSetting, httpEngineConfig, transcriptionProcessor, type EngineSetting } from "@/lib/transcription/config";
import { decoderUnavailable } from "@/lib/transcription/decode";
import { transcriptionEngine } from "@/lib/transcription";
import { member, recordEvent } from "../audit";
import type { Manager } from "../recruiter/manager";

/** The organisation's switch: whether its candidates' recorded answers are transcribed. */
export async function findTranscriptionSetting(organizationId: string): Promise<{ transcriptionEnabled: boolean }> {
  const prisma = await db();
  const org = await prisma.organization.findUnique({ where: { id: organizationId }, select: { transcriptionEnabled: true } });
  if (!org) throw new NotFoundError("Organization");
  return org;
}

/** Turns transcription of recorded answers on or off for the organisation (admins and owners). */
export async function setTranscriptionEnabled(by: Manager, enabled: boolean, at = clockNow()): Promise<void> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const actor = await tx.user.findFirst({ where: { id: by.userId, organizationId: by.organizationId }, select: { role: true } });
    if (!actor || !managesTeam(actor.role)) throw new StateError("Only an admin or owner can change whether answers are transcribed.");
    const [before] = await tx.$queryRaw<Array<{ transcriptionEnabled: boolean }>>`
      SELECT "transcriptionEnabled" FROM "Organization" WHERE id = ${by.organizationId} FOR UPDATE`;
    if (!before) throw new NotFoundError("Organization");
    // Saving the same value twice (a double click, two admins) changes nothing and leaves no event.
    if (before.transcriptionEnabled === enabled) return;
    await tx.organization.update({ where: { id: by.organizationId }, data: { transcriptionEnabled: enabled } });
    await recordEvent(tx, {
      organizationId: by.organizationId,
      actor: member(by.userId),
      type: "transcription.changed",
      data: { from: before.transcriptionEnabled, to: enabled },
      at,
    });
  });
}

/** How this deployment transcribes, and whether this server can: what the settings page tells an admin. */
export interface DeploymentTranscription {
  engine: EngineSetting;
  /** The engine's model ("whisper-1", the pocketsphinx model), null for "none". */
  model: string | null;
  /** Who hears the audio: null when it stays on this deployment's servers (see transcriptionProcessor). */
  processor: string | null;
  /** Why this server cannot transcribe, in words for an operator; null when it can (or the engine is none). */
  problem: string | null;
}

/** The deployment's engine (TRANSCRIPTION_ENGINE) and whether this process could run it now. */
export async function deploymentTranscription(): Promise<DeploymentTranscription> {
  const engine = engineSetting();
  if (engine === "none") return { engine, model: null, processor: null, problem: null };
  const instance = transcriptionEngine();
  const model = instance?.model ?? (engine === "openai" ? httpEngineConfig().model : null);
  const processor = transcriptionProcessor();
  // Vercel's functions have no pocketsphinx or ffmpeg and cannot run a worker: say so, rather than fail every job.
  if (engine === "offline" && process.env.VERCEL) {
    return { engine, model, processor, problem: "This deployment runs on Vercel, whose functions cannot run the offline engine (pocketsphinx and ffmpeg)." };
  }
  const problem = (await instance?.unavailable().catch(() => "The engine could not be checked.")) ?? null;
  return { engine, model, processor, problem: problem ?? (await decoderUnavailable()) };
}
