import { readTextWithin } from "@/lib/http/body";
import { handleResendWebhook } from "@/lib/email/webhooks";
import { onInterviewDeliveryEvent } from "@/lib/interviews/delivery";

/** Resend's events are a few kB; anything this large is not one. */
const MAX_BODY_BYTES = 256 * 1024;

// Resend's delivery events. The signature covers the raw body, so it is read as text, unparsed.
export async function POST(request: Request) {
  const body = await readTextWithin(request, MAX_BODY_BYTES);
  if (body === null) return new Response("payload too large", { status: 413, headers: { "content-type": "text/plain" } });
  const outcome = await handleResendWebhook(body, request.headers, { onDeliveryEvent: onInterviewDeliveryEvent });
  return new Response(outcome.body, { status: outcome.status, headers: { "content-type": "text/plain" } });
}
