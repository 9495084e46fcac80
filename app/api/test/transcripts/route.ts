import { z } from "zod";
import { TranscriptStatus } from "@/lib/generated/prisma/enums";
import { putTranscript, testHooksEnabled, transcriptState } from "@/lib/testing";

const body = z.object({
  answerId: z.string().min(1).max(64),
  status: z.enum(TranscriptStatus),
  text: z.string().max(100_000).default(""),
  segments: z.array(z.object({ startMs: z.number().int().min(0), endMs: z.number().int().min(0), text: z.string().max(10_000) })).max(10_000).default([]),
  reason: z.string().max(500).nullable().default(null),
  engine: z.string().max(40).default("offline"),
});

/**
 * e2e only (KAIROS_TEST_HOOKS=1): writes an answer's transcript as the transcription pipeline
 * would (its parts: the answer's kept recordings in order), for the review page's specs.
 */
export async function POST(request: Request) {
  if (!testHooksEnabled()) return new Response("Not found", { status: 404 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: z.prettifyError(parsed.error) }, { status: 400 });
  const written = await putTranscript(parsed.data);
  return written ? Response.json(written, { status: 201 }) : new Response("Not found", { status: 404 });
}

/** e2e only: `?answerId=` — the transcript's status, attempts and reason (404: none). */
export async function GET(request: Request) {
  if (!testHooksEnabled()) return new Response("Not found", { status: 404 });
  const state = await transcriptState(new URL(request.url).searchParams.get("answerId") ?? "");
  return state ? Response.json(state) : new Response("Not found", { status: 404 });
}
