import "server-only";
import { Resend } from "resend";
import { emailFrom, emailTransportName } from "@/lib/config";
import { db } from "@/lib/db";
import { testHooksEnabled } from "@/lib/testing";
import type { Attachment } from "./outbox";

export interface SendRequest {
  /** The outbox id, also the provider's idempotency key: a retried send is accepted once. */
  id: string;
  kind: string;
  to: string;
  toName: string;
  /** Where replies go; null: the From address. */
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  attachments: Attachment[];
}

export type SendResult =
  | { ok: true; providerMessageId: string | null; delivered?: boolean }
  | { ok: false; retryable: boolean; retryAfterMs?: number; error: string; /** The provider said "too many requests" (429). */ rateLimited?: boolean };

export interface Transport {
  name: string;
  /** The provider's limit in requests per second, shared by every instance (undefined: no limit). */
  ratePerSecond?: number;
  send(request: SendRequest): Promise<SendResult>;
}

/** How long one provider call may take before it counts as a (retryable) timeout. */
export function sendTimeoutMs(): number {
  // An empty or invalid value (e.g. `EMAIL_SEND_TIMEOUT_MS=` from a compose file) means the default, not a 0 ms timeout.
  const ms = Number(process.env.EMAIL_SEND_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 10_000;
}

/** Resend's default is 2 requests per second per team; a team with a raised limit sets EMAIL_RATE_PER_SECOND. */
export const DEFAULT_RATE_PER_SECOND = 2;

/** The provider's request rate limit (requests per second, across all instances). */
export function emailRatePerSecond(): number {
  const rate = Number(process.env.EMAIL_RATE_PER_SECOND);
  return Number.isFinite(rate) && rate > 0 ? rate : DEFAULT_RATE_PER_SECOND;
}

function recipient(name: string, email: string): string {
  const safe = name.replace(/["\\\r\n<>]/g, "").trim();
  return safe ? `"${safe}" <${email}>` : email;
}

/** Resend's API (the SDK honours RESEND_BASE_URL, which the tests point at a local stub). */
export function resendTransport(apiKey = process.env.RESEND_API_KEY ?? "", ratePerSecond = emailRatePerSecond()): Transport {
  const resend = new Resend(apiKey);
  return {
    name: "resend",
    ratePerSecond,
    async send(request) {
      const { data, error, headers } = await resend.emails.send(
        {
          from: emailFrom(),
          to: [recipient(request.toName, request.to)],
          ...(request.replyTo && { replyTo: request.replyTo }),
          subject: request.subject,
          html: request.html,
          text: request.text,
          attachments: request.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
          tags: [{ name: "kind", value: request.kind }],
        },
        { idempotencyKey: request.id, signal: AbortSignal.timeout(sendTimeoutMs()) } as { idempotencyKey: string },
      );
      if (!error) return { ok: true, providerMessageId: data?.id ?? null };
      const status = (error as { statusCode?: number | null }).statusCode ?? null;
      const retryAfter = Number(headers?.["retry-after"]);
      return {
        ok: false,
        // No status is a network failure or a timeout; 429 and 5xx are the provider's to recover from, and so
        // is a retry that overtook its own timed-out first attempt (Resend: "safe to retry this request later").
        retryable: status === null || status === 429 || status >= 500 || error.name === "concurrent_idempotent_requests",
        retryAfterMs: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined,
        rateLimited: status === 429,
        error: `${status ?? "network"} ${error.name}: ${error.message}`.slice(0, 500),
      };
    },
  };
}

/**
 * Test hooks only (KAIROS_TEST_HOOKS=1): the dev mailbox takes email to this domain but answers as
 * if the provider's reply were lost, so the outbox keeps it PENDING with its key and retries it —
 * as with Resend when an answer times out. e2e uses it to supersede an invitation still pending.
 */
export const LOST_ANSWER_TEST_DOMAIN = "lost-answer.kairos.test";

/** Development: "delivers" into a local inbox at /dev/mailbox, links intact. */
export function devMailboxTransport(): Transport {
  return {
    name: "dev-mailbox",
    async send(request) {
      const prisma = await db();
      await prisma.devMailboxMessage.upsert({
        where: { outboxEmailId: request.id },
        create: {
          outboxEmailId: request.id,
          toEmail: request.to,
          replyTo: request.replyTo,
          subject: request.subject,
          html: request.html,
          text: request.text,
          attachments: request.attachments as never,
        },
        update: {},
      });
      if (testHooksEnabled() && request.to.toLowerCase().endsWith(`@${LOST_ANSWER_TEST_DOMAIN}`)) {
        return { ok: false, retryable: true, error: "network: the dev mailbox took the email and lost the answer (test address)" };
      }
      return { ok: true, providerMessageId: null, delivered: true };
    },
  };
}

/** The transport this deployment uses (see emailTransportName). */
export function defaultTransport(): Transport {
  return emailTransportName() === "resend" ? resendTransport() : devMailboxTransport();
}

