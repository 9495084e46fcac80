import "server-only";
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import type { ByteRange, Storage } from "./index";
import { assertValidKey, assertValidPrefix, assertValidRange } from "./keys";

/** DeleteObjects takes at most this many keys per request. */
const MAX_DELETE_BATCH = 1000;
/** A stalled connection fails after this long without a byte, instead of holding a request forever. */
const SOCKET_IDLE_MS = 30_000;
const CONNECT_MS = 5_000;

export interface S3Options {
  bucket: string;
  region: string;
  /** An S3-compatible service's URL; unset for AWS itself. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Unset: the SDK's default chain (AWS_* variables, shared config, instance or task role…). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Put before every key: "" or a valid key ending in "/". */
  keyPrefix: string;
  /** Tests only: smaller list pages and delete batches, to exercise pagination with a few objects. */
  listPageSize?: number;
  deleteBatchSize?: number;
}

function parseFlag(name: string, value: string | undefined, fallback: boolean): boolean {
  const v = value?.trim().toLowerCase();
  if (!v) return fallback;
  if (v === "1" || v === "true") return true;
  if (v === "0" || v === "false") return false;
  throw new Error(`${name} must be 1, true, 0 or false.`);
}

/**
 * S3 settings from the environment: S3_BUCKET, S3_REGION (us-east-1), S3_ENDPOINT,
 * S3_FORCE_PATH_STYLE (default on with an endpoint: MinIO and most S3-compatible services want
 * it), S3_ACCESS_KEY_ID + S3_SECRET_ACCESS_KEY (both or neither), S3_PREFIX.
 * Error messages name variables, never their values.
 */
export function s3OptionsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): S3Options {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) throw new Error("S3_BUCKET is not set.");
  const endpoint = env.S3_ENDPOINT?.trim() || undefined;
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim();
  if (!!accessKeyId !== !!secretAccessKey) {
    throw new Error("Set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together (or neither, to use the AWS SDK's default credentials).");
  }
  const rawPrefix = (env.S3_PREFIX ?? "").replace(/^\/+|\/+$/g, "");
  if (rawPrefix) assertValidKey(rawPrefix);
  return {
    bucket,
    region: env.S3_REGION?.trim() || "us-east-1",
    endpoint,
    forcePathStyle: parseFlag("S3_FORCE_PATH_STYLE", env.S3_FORCE_PATH_STYLE, !!endpoint),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    keyPrefix: rawPrefix ? `${rawPrefix}/` : "",
  };
}

function errorInfo(error: unknown): { name?: string; status?: number } {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return { name: e?.name, status: e?.$metadata?.httpStatusCode };
}

function isMissingObject(error: unknown): boolean {
  const { name, status } = errorInfo(error);
  // A missing bucket is a configuration error, not a missing recording: let it surface.
  return name === "NoSuchKey" || name === "NotFound" || (status === 404 && name !== "NoSuchBucket");
}

function isUnsatisfiableRange(error: unknown): boolean {
  const { name, status } = errorInfo(error);
  return name === "InvalidRange" || status === 416;
}

function emptyStream(): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
}

/** `take` bytes of `source` after skipping `skip`; cancels the source once it has them. */
function sliceStream(source: ReadableStream<Uint8Array>, skip: number, take: number): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let toSkip = skip;
  let left = take;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (left <= 0) {
          controller.close();
          await reader.cancel();
          return;
        }
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        let chunk = value;
        if (toSkip >= chunk.byteLength) {
          toSkip -= chunk.byteLength;
          continue;
        }
        chunk = chunk.subarray(toSkip, toSkip + left);
        toSkip = 0;
        left -= chunk.byteLength;
        controller.enqueue(chunk);
        return;
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/**
 * The requested range out of what the server sent. HTTP lets a server ignore Range (200 with the
 * whole object) and some S3-compatible servers widen it (s3rver answers bytes=0-0 with the whole
 * object); the routes promise browsers exact byte counts, so trim to the range asked for.
 */
function exactRange(body: ReadableStream<Uint8Array>, range: ByteRange, contentRange: string | undefined): ReadableStream<Uint8Array> {
  const sent = /^bytes (\d+)-(\d+)\/(?:\d+|\*)$/.exec(contentRange ?? "");
  const sentStart = sent ? Number(sent[1]) : 0;
  const sentEnd = sent ? Number(sent[2]) : Number.POSITIVE_INFINITY;
  if (sentStart === range.start && sentEnd <= range.end) return body;
  if (sentStart > range.start) {
    void body.cancel();
    throw new Error(`S3 sent bytes from ${sentStart} for a range starting at ${range.start}`);
  }
  return sliceStream(body, range.start - sentStart, range.end - range.start + 1);
}

/** Objects in one bucket (under an optional key prefix), through the AWS SDK. */
export class S3Storage implements Storage {
  readonly name = "s3" as const;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly keyPrefix: string;
  private readonly listPageSize: number;
  private readonly deleteBatchSize: number;

  constructor(options: S3Options) {
    if (options.keyPrefix) assertValidPrefix(options.keyPrefix);
    if (options.keyPrefix && !options.keyPrefix.endsWith("/")) throw new Error("keyPrefix must end with '/'.");
    const config: S3ClientConfig = {
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      requestHandler: { connectionTimeout: CONNECT_MS, socketTimeout: SOCKET_IDLE_MS },
    };
    this.client = new S3Client(config);
    this.bucket = options.bucket;
    this.keyPrefix = options.keyPrefix;
    this.listPageSize = Math.min(options.listPageSize ?? 1000, 1000);
    this.deleteBatchSize = Math.min(options.deleteBatchSize ?? MAX_DELETE_BATCH, MAX_DELETE_BATCH);
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.keyPrefix + key,
        Body: body,
        ContentType: contentType,
        ContentLength: body.byteLength,
      }),
    );
  }

  async get(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null> {
    assertValidKey(key);
    if (range) assertValidRange(range);
    try {
      const response = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: this.keyPrefix + key,
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      if (!response.Body) return emptyStream();
      const body = response.Body.transformToWebStream() as ReadableStream<Uint8Array>;
      return range ? exactRange(body, range, response.ContentRange) : body;
    } catch (error) {
      if (isMissingObject(error)) return null;
      // S3 answers 416 for a range that starts past the end; the local adapter yields no bytes.
      if (range && isUnsatisfiableRange(error)) return emptyStream();
      throw error;
    }
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertValidPrefix(prefix);
    const fullPrefix = this.keyPrefix + prefix;
    let deleted = 0;
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: fullPrefix,
          ContinuationToken: token,
          MaxKeys: this.listPageSize,
        }),
      );
      // The filter is belt and braces: a server that ignored Prefix must not make us delete more.
      const keys = (page.Contents ?? []).flatMap((o) => (o.Key?.startsWith(fullPrefix) ? [o.Key] : []));
      for (let i = 0; i < keys.length; i += this.deleteBatchSize) {
        const batch = keys.slice(i, i + this.deleteBatchSize);
        const result = await this.client.send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        );
        // DeleteObjects answers 200 even when some keys failed; the failures are only in Errors.
        const errors = result.Errors ?? [];
        if (errors.length > 0) {
          const first = errors[0];
          throw new Error(
            `S3 refused to delete ${errors.length} of ${batch.length} objects under ${JSON.stringify(prefix)} ` +
              `(${first.Code ?? "unknown"}: ${first.Message ?? "no message"}); ${deleted} were deleted before.`,
          );
        }
        deleted += batch.length;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return deleted;
  }

  /** Closes the client's sockets (tests; a server keeps one client for its lifetime). */
  destroy(): void {
    this.client.destroy();
  }
}

/** S3 storage for `options` (see s3OptionsFromEnv). */
export function createS3Storage(options: S3Options): S3Storage {
  return new S3Storage(options);
}
