import "server-only";
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** How long a rotated-out secret still signs: receivers have a day to switch to the new one. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** A new signing secret in the Standard Webhooks format: "whsec_" + 32 random bytes, base64. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/**
 * The three Standard Webhooks headers for one attempt. While a rotated-out secret is still within
 * its overlap, the signature header carries both signatures (space-separated), so a receiver
 * verifying with either secret accepts the message.
 */
export function signedHeaders(
  endpoint: { secret: string; previousSecret: string | null; previousSecretUntil: Date | null },
  { id, at, payload }: { id: string; at: Date; payload: string },
): Record<string, string> {
  const secrets = [endpoint.secret];
  if (endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > at) secrets.push(endpoint.previousSecret);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": secrets.map((secret) => new Webhook(secret).sign(id, at, payload)).join(" "),
  };
}
