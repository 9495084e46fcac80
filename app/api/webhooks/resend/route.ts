import { handleResendWebhook } from "@/lib/email/webhooks";
import { onInterviewDeliveryEvent } from "@/lib/interviews/delivery";

// Resend's delivery events. The signature covers the raw body, so it is read as text, unparsed.
export async function POST(request: Request) {
  const body = await request.text();
  if (body.length > 256 * 1024) return new Response("payload too large", { status: 413 });
  const outcome = await handleResendWebhook(body, request.headers, { onDeliveryEvent: onInterviewDeliveryEvent });
  return new Response(outcome.body, { status: outcome.status, headers: { "content-type": "text/plain" } });
}
