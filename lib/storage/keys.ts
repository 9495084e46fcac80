import "server-only";
import { z } from "zod";
import type { ByteRange } from "./index";

export const MAX_KEY_LENGTH = 512;
/** Longer names than this fail on common file systems (ext4, APFS, NTFS), so the local disk could not hold them. */
export const MAX_SEGMENT_LENGTH = 255;

// Deliberately narrow: the same key must name the same object on a POSIX disk and in any S3
// implementation, and must never be able to climb out of its directory. Keys are built by the app
// (recordings/<interviewId>/<questionId>/<seq>.webm), never taken verbatim from a request.
const SEGMENTS = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;

/**
 * A storage key: [A-Za-z0-9/_.-], no "..", no "." segment, no leading "/", no empty segment,
 * ≤ 512 chars, each segment ≤ 255.
 */
export const storageKeySchema = z
  .string()
  .min(1)
  .max(MAX_KEY_LENGTH)
  .regex(SEGMENTS, "only letters, digits, '_', '.', '-' and single '/' between segments")
  .refine((key) => !key.includes(".."), "must not contain '..'")
  .refine((key) => key.split("/").every((segment) => segment !== "."), "must not contain a '.' segment")
  .refine((key) => key.split("/").every((segment) => segment.length <= MAX_SEGMENT_LENGTH), "segments are at most 255 characters");

export class InvalidStorageKeyError extends Error {
  constructor(what: string, value: string) {
    // The value is an app-built key, but cap it anyway so a bug cannot flood the logs.
    super(`Invalid storage ${what} ${JSON.stringify(value.slice(0, 80))}`);
    this.name = "InvalidStorageKeyError";
  }
}

/** Throws InvalidStorageKeyError unless `key` is a valid storage key. */
export function assertValidKey(key: string): void {
  if (typeof key !== "string" || !storageKeySchema.safeParse(key).success) {
    throw new InvalidStorageKeyError("key", String(key));
  }
}

/**
 * A prefix for deletePrefix: a valid key, optionally followed by one "/". Empty is refused, so a
 * bug can never turn into "delete everything".
 */
export function assertValidPrefix(prefix: string): void {
  const body = typeof prefix === "string" && prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  if (typeof body !== "string" || !storageKeySchema.safeParse(body).success) {
    throw new InvalidStorageKeyError("prefix", String(prefix));
  }
}

/** Throws RangeError unless `range` is a well-formed inclusive byte range (0 ≤ start ≤ end). */
export function assertValidRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Invalid byte range ${start}-${end}`);
  }
}
