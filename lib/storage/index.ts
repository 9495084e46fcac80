import "server-only";
import { createLocalStorage } from "./local";
import { createS3Storage, s3OptionsFromEnv } from "./s3";

export { assertValidKey, assertValidPrefix, InvalidStorageKeyError, storageKeySchema } from "./keys";

/** An inclusive byte range, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where recorded answers live: one object per uploaded chunk. Keys are checked (assertValidKey)
 * before any I/O. Reading a range past the end is clamped to the object; a range that starts past
 * the end yields an empty stream.
 */
export interface Storage {
  readonly name: "local" | "s3";
  /** Stores (or overwrites — uploads are retried) one object. */
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes (or an inclusive range of them) as a web ReadableStream; null when it does not exist. */
  get(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null>;
  /** Deletes every object whose key starts with `prefix` (e.g. "recordings/<interviewId>/"); returns how many. */
  deletePrefix(prefix: string): Promise<number>;
}

let fromEnv: Storage | null = null;
let override: Storage | null = null;

/** The process's storage: S3 when S3_BUCKET is set, else the local disk under STORAGE_DIR. */
export function storage(): Storage {
  if (override) return override;
  fromEnv ??= process.env.S3_BUCKET ? createS3Storage(s3OptionsFromEnv()) : createLocalStorage();
  return fromEnv;
}

/** Tests only: use `s` instead of the configured storage; null goes back to the environment (read afresh). */
export function setStorage(s: Storage | null): void {
  override = s;
  fromEnv = null;
}
