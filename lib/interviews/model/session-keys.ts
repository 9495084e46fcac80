import { z } from "zod";
import { appUrl } from "@/lib/config";
import { hashToken, newSecretToken } from "@/lib/tokens";

/** A new interview key (32 random bytes, base64url) and the SHA-256 that is all the database keeps. */
export function newSessionKey(): { key: string; keyHash: string } {
  const key = newSecretToken();
  return { key, keyHash: hashToken(key) };
}

/** The candidate's link for a key. */
export function interviewUrl(key: string): string {
  return `${appUrl()}/interview?session_key=${key}`;
}

/** A key is 43 base64url characters; anything else is not looked up at all. */
export const sessionKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
