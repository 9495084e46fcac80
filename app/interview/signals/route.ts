import { z } from "zod";
import { IntegritySignalKind } from "@/lib/generated/prisma/enums";
import { candidateInterview } from "@/lib/http/candidate";
import { jsonRefusal } from "@/lib/http/responses";
import { deviceHeartbeat, recordSignal } from "@/lib/interviews/candidate/signals";

const id = z.string().min(1).max(64);
const body = z.discriminatedUnion("type", [
  z.object({ type: z.literal("heartbeat"), deviceId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/) }),
  z.object({ type: z.literal(IntegritySignalKind.LEFT_PAGE), answerId: id, seconds: z.number().min(0).max(86_400) }),
  z.object({ type: z.literal(IntegritySignalKind.PASTE), answerId: id, characters: z.number().int().min(1).max(1_000_000) }),
]);

/**
 * What the candidate's page reports while they answer (disclosed in the consent step): a
 * heartbeat naming the device, leaving the page, pasting. Sent with sendBeacon, so the answer is
 * never read; failures are logged and otherwise ignored — a signal never blocks the candidate.
 */
export async function POST(request: Request) {
  const candidate = await candidateInterview(request);
  if (candidate instanceof Response) return candidate;
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return jsonRefusal(400, "invalid", "The request was not understood.");
  const signal = parsed.data;
  try {
    if (signal.type === "heartbeat") return Response.json(await deviceHeartbeat(candidate, signal.deviceId));
    if (signal.type === IntegritySignalKind.LEFT_PAGE) {
      await recordSignal(candidate, { kind: signal.type, answerId: signal.answerId, seconds: Math.round(signal.seconds) });
    } else {
      await recordSignal(candidate, { kind: signal.type, answerId: signal.answerId, characters: signal.characters });
    }
    return new Response(null, { status: 204 });
  } catch (error) {
    console.error("integrity signal failed", { error: (error as Error).message });
    return new Response(null, { status: 204 });
  }
}
