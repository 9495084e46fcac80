/**
 * Storage for recorded answers: one contract, run against both adapters.
 *
 * The S3 side runs against a local S3-compatible server where one can be installed, with request
 * signing also checked against recorded AWS SigV4 test vectors. Debian 12 has no standalone S3 server: no MinIO, Garage or SeaweedFS, and its radosgw (Ceph
 * 16.2) needs a running Ceph cluster behind it (this release has no file-backed store). npm has
 * s3rver 3.7.1, a devDependency that `npm ci` brings everywhere (its maintained fork
 * @20minutes/s3rver needs Node ≥ 24; we run 20). s3rver works on Node 20 with gaps, handled:
 *   - its ListObjectsV2 continuation tokens use DES, which OpenSSL 3 offers only behind
 *     --openssl-legacy-provider, so it runs as a child process with that flag
 *     (tests/support/s3rver-process.mjs) rather than inside the test process;
 *   - it does not check V4 signatures at all ("unimplemented" in its source), so a small proxy in
 *     front of it (tests/support/fake-s3.ts) recomputes every request's SigV4 signature with the
 *     known secret using an implementation written from the specification (tests/support/sigv4.ts)
 *     and answers 403 on any mismatch;
 *   - two range bugs, see tests/support/fake-s3.ts (one corrected there, one left for the adapter).
 * So the S3 adapter runs the same contract as the local one against a third-party S3
 * implementation, with real signature checking; and both the test signer and the SDK's own
 * (@smithy/signature-v4) are held to AWS's published SigV4 examples (the sig-v4 test suite's
 * get-vanilla, get-vanilla-query-order-key-case and post-vanilla, and the four examples of the S3
 * API reference's "Signature Calculations for the Authorization Header").
 * No database is used; a temporary directory per file holds the local adapter's root.
 */
import { createHash, createHmac, type Hash, type Hmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { InvalidStorageKeyError, setStorage, storage, type Storage } from "@/lib/storage";
import { createLocalStorage, PathEscapeError, resolveInsideRoot } from "@/lib/storage/local";
import { createS3Storage, s3OptionsFromEnv, type S3Options, type S3Storage } from "@/lib/storage/s3";
import { type FakeS3, startFakeS3 } from "./support/fake-s3";
import { authorizationFor, awsEncode, EMPTY_SHA256, sha256Hex, verifyS3Request } from "./support/sigv4";

// The SDK warns once per process that its 2027 releases will need Node 22; not news for these tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kairos-storage-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function readAll(stream: ReadableStream<Uint8Array> | null): Promise<Uint8Array> {
  if (!stream) throw new Error("expected an object, got null");
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return new Uint8Array(Buffer.concat(parts));
}

function bytes(n: number): Uint8Array {
  return new Uint8Array(randomBytes(n));
}

/** A fresh namespace per test, so tests share one store without seeing each other. */
function ns(): string {
  return `t${randomBytes(6).toString("hex")}`;
}

const INVALID_KEYS = [
  "",
  "../x",
  "/abs",
  "a//b",
  "a/../b",
  "..",
  "./a",
  "a/./b",
  "a/",
  "a..b",
  "vidéo.webm",
  "日本/1.webm",
  "a b",
  "a\\b",
  "a\u0000b",
  "%2e%2e/x",
  "a".repeat(256),
  `${"abcdefghij/".repeat(46)}abcdefg`, // 513 characters
];
const INVALID_PREFIXES = ["", "/", "../", "a//", "/a/", "a/../", "a//b/", "é/"];

interface Harness {
  storage(): Storage;
  /** Something that changes whenever the adapter touches its backend. */
  ioMarker(): string;
}

function storageContract(harness: Harness) {
  const s = () => harness.storage();

  it("round-trips binary data, every byte value included, and only a view's own bytes", async () => {
    const key = `${ns()}/recordings/i1/q1/000001.webm`;
    const every = Uint8Array.from({ length: 256 * 4 }, (_, i) => i % 256);
    const big = bytes(1_500_000); // several stream chunks
    const body = new Uint8Array(Buffer.concat([every, big]));
    await s().put(key, body, "video/webm");
    expect(Buffer.compare(await readAll(await s().get(key)), body)).toBe(0);

    const backing = bytes(64);
    const view = backing.subarray(10, 20);
    await s().put(`${key}.view`, view, "application/octet-stream");
    expect(Array.from(await readAll(await s().get(`${key}.view`)))).toEqual(Array.from(view));
  });

  it("overwrites: a retried upload replaces the whole object, even with fewer bytes", async () => {
    const key = `${ns()}/chunk.webm`;
    await s().put(key, bytes(10_000), "video/webm");
    const second = bytes(10);
    await s().put(key, second, "video/webm");
    expect(Array.from(await readAll(await s().get(key)))).toEqual(Array.from(second));
  });

  it("leaves one whole body when the same chunk is uploaded several times at once", async () => {
    const key = `${ns()}/race.webm`;
    const bodies = Array.from({ length: 5 }, () => bytes(200_000));
    await Promise.all(bodies.map((b) => s().put(key, b, "video/webm")));
    const got = await readAll(await s().get(key));
    expect(bodies.some((b) => Buffer.compare(b, got) === 0)).toBe(true);
  });

  it("reads inclusive ranges: first byte, middle, last byte, whole, an end past the object", async () => {
    const key = `${ns()}/ranged.webm`;
    const body = bytes(1000);
    await s().put(key, body, "video/webm");
    const read = async (start: number, end: number) => Array.from(await readAll(await s().get(key, { start, end })));
    expect(await read(0, 0)).toEqual([body[0]]);
    expect(await read(100, 199)).toEqual(Array.from(body.subarray(100, 200)));
    expect(await read(999, 999)).toEqual([body[999]]);
    expect(await read(0, 999)).toEqual(Array.from(body));
    expect(await read(990, 5000)).toEqual(Array.from(body.subarray(990)));
    expect(await read(1000, 1010)).toEqual([]);
  });

  it("stores an empty object", async () => {
    const key = `${ns()}/empty`;
    await s().put(key, new Uint8Array(0), "video/webm");
    expect((await readAll(await s().get(key))).length).toBe(0);
    expect((await readAll(await s().get(key, { start: 0, end: 0 }))).length).toBe(0);
  });

  it("answers null for a missing key, with or without a range, and for a key's parent 'folder'", async () => {
    const base = ns();
    expect(await s().get(`${base}/nothing.webm`)).toBeNull();
    expect(await s().get(`${base}/nothing.webm`, { start: 0, end: 10 })).toBeNull();
    await s().put(`${base}/dir/file`, bytes(3), "video/webm");
    expect(await s().get(`${base}/dir`)).toBeNull();
  });

  it("deletePrefix deletes exactly what starts with the prefix and says how many", async () => {
    const base = ns();
    const keep = [`${base}/recordings/ab/1.webm`, `${base}/recordings/b/1.webm`, `${base}/recordingsX/a/1.webm`];
    const gone = [`${base}/recordings/a/1.webm`, `${base}/recordings/a/2.webm`, `${base}/recordings/a/q2/3.webm`];
    for (const key of [...keep, ...gone]) await s().put(key, bytes(5), "video/webm");

    expect(await s().deletePrefix(`${base}/recordings/a/`)).toBe(3);
    for (const key of gone) expect(await s().get(key)).toBeNull();
    for (const key of keep) expect(await s().get(key)).not.toBeNull();
    expect(await s().deletePrefix(`${base}/recordings/a/`)).toBe(0);
    // Written again after a delete, a key is an ordinary object.
    await s().put(gone[0], bytes(2), "video/webm");
    expect((await readAll(await s().get(gone[0]))).length).toBe(2);
  });

  it("deletePrefix without a trailing slash is a plain string prefix, as in S3", async () => {
    const base = ns();
    for (const key of [`${base}/rec/a/1`, `${base}/rec/ab/1`, `${base}/rec/abc`, `${base}/rec/b/1`]) {
      await s().put(key, bytes(1), "video/webm");
    }
    expect(await s().deletePrefix(`${base}/rec/a`)).toBe(3);
    expect(await s().get(`${base}/rec/b/1`)).not.toBeNull();
    expect(await s().deletePrefix(`${ns()}/never/`)).toBe(0);
  });

  it("deletePrefix pages through more objects than one listing returns", async () => {
    const base = ns();
    const keys = Array.from({ length: 7 }, (_, i) => `${base}/many/${String(i).padStart(3, "0")}.webm`);
    await Promise.all(keys.map((key) => s().put(key, bytes(3), "video/webm")));
    expect(await s().deletePrefix(`${base}/many/`)).toBe(7);
    for (const key of keys) expect(await s().get(key)).toBeNull();
  });

  it("refuses invalid keys, prefixes and ranges before any I/O", async () => {
    const before = harness.ioMarker();
    for (const key of INVALID_KEYS) {
      await expect(s().put(key, bytes(1), "video/webm"), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(s().get(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
    for (const prefix of INVALID_PREFIXES) {
      await expect(s().deletePrefix(prefix), prefix).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
    for (const range of [
      { start: -1, end: 3 },
      { start: 5, end: 4 },
      { start: 0.5, end: 3 },
      { start: 0, end: Number.NaN },
    ]) {
      await expect(s().get("fine/key", range)).rejects.toBeInstanceOf(RangeError);
    }
    expect(harness.ioMarker()).toBe(before);
  });

  it("accepts the longest valid key", async () => {
    const key = `${ns()}/${"abcdefghij/".repeat(45)}`.padEnd(512, "x");
    expect(key.length).toBe(512);
    await s().put(key, bytes(4), "video/webm");
    expect((await readAll(await s().get(key))).length).toBe(4);
  });
}

/** Every path under `dir`, for spotting any I/O the local adapter did. */
function listTree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

describe("local storage", () => {
  const root = path.join(tmp, "local-root");
  const local = createLocalStorage(root);

  describe("contract", () => {
    storageContract({ storage: () => local, ioMarker: () => JSON.stringify(listTree(root)) });
  });

  it("writes each object as one file under the root and leaves no temp file behind", async () => {
    const key = `${ns()}/recordings/i/q/1.webm`;
    const body = bytes(2048);
    await local.put(key, body, "video/webm");
    expect(Buffer.compare(fs.readFileSync(path.join(root, key)), body)).toBe(0);
    expect(fs.readdirSync(path.dirname(path.join(root, key)))).toEqual(["1.webm"]);
  });

  it("prunes the directories a deletePrefix emptied, never the root", async () => {
    const base = ns();
    await local.put(`${base}/recordings/i1/q1/1.webm`, bytes(1), "video/webm");
    await local.put(`${base}/other/1.webm`, bytes(1), "video/webm");
    expect(await local.deletePrefix(`${base}/recordings/i1/`)).toBe(1);
    expect(fs.existsSync(path.join(root, base, "recordings"))).toBe(false);
    expect(fs.existsSync(path.join(root, base, "other", "1.webm"))).toBe(true);
    expect(await local.deletePrefix(`${base}/`)).toBe(1);
    expect(fs.existsSync(path.join(root, base))).toBe(false);
    expect(fs.existsSync(root)).toBe(true);
  });

  it("resolves paths only inside the root (the check behind key validation)", () => {
    expect(resolveInsideRoot(root, "a/b")).toBe(path.join(root, "a", "b"));
    for (const escape of ["../x", "/etc/passwd", "a/../../x", "..", ""]) {
      expect(() => resolveInsideRoot(root, escape), escape).toThrow(PathEscapeError);
    }
    expect(resolveInsideRoot(root, "", true)).toBe(root);
    expect(() => resolveInsideRoot(root, `../${path.basename(root)}-sibling/x`)).toThrow(PathEscapeError);
  });

  it("cannot be led out of its root by a symlink planted inside it", async () => {
    const outside = path.join(tmp, "outside");
    fs.mkdirSync(outside, { recursive: true });
    fs.writeFileSync(path.join(outside, "secret"), "do not read");
    const base = ns();
    fs.mkdirSync(path.join(root, base, "rec"), { recursive: true });
    fs.symlinkSync(outside, path.join(root, base, "link"));
    fs.symlinkSync(path.join(outside, "secret"), path.join(root, base, "rec", "leak"));

    await expect(local.get(`${base}/link/secret`)).rejects.toBeInstanceOf(PathEscapeError);
    await expect(local.get(`${base}/rec/leak`)).rejects.toBeInstanceOf(PathEscapeError);
    await expect(local.put(`${base}/link/new/1.webm`, bytes(1), "video/webm")).rejects.toBeInstanceOf(PathEscapeError);
    expect(fs.readdirSync(outside)).toEqual(["secret"]);
    expect(await local.deletePrefix(`${base}/link/`)).toBe(0);
    // A link inside the prefix is removed as an entry; what it points at is untouched.
    expect(await local.deletePrefix(`${base}/`)).toBe(2);
    expect(fs.readFileSync(path.join(outside, "secret"), "utf8")).toBe("do not read");
  });

  it("does not read a file beside the root through a '../' key", async () => {
    fs.writeFileSync(path.join(tmp, "beside"), "private");
    await expect(local.get("../beside")).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });
});

describe("storage() selection", () => {
  const saved = { S3_BUCKET: process.env.S3_BUCKET, STORAGE_DIR: process.env.STORAGE_DIR };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    setStorage(null);
  });

  it("is the local disk under STORAGE_DIR without S3_BUCKET, .data/uploads by default, memoized", async () => {
    delete process.env.S3_BUCKET;
    delete process.env.STORAGE_DIR;
    setStorage(null);
    expect((createLocalStorage() as { root: string }).root).toBe(path.resolve(".data/uploads"));

    process.env.STORAGE_DIR = path.join(tmp, "from-env");
    setStorage(null);
    const s = storage();
    expect(s.name).toBe("local");
    expect(storage()).toBe(s);
    await s.put("env/1.webm", bytes(3), "video/webm");
    expect(fs.existsSync(path.join(tmp, "from-env", "env", "1.webm"))).toBe(true);
  });

  it("is S3 when S3_BUCKET is set; setStorage overrides until null", () => {
    process.env.S3_BUCKET = "kairos-recordings";
    setStorage(null);
    expect(storage().name).toBe("s3");
    const fake: Storage = { name: "local", put: async () => {}, get: async () => null, deletePrefix: async () => 0 };
    setStorage(fake);
    expect(storage()).toBe(fake);
    setStorage(null);
    expect(storage().name).toBe("s3");
  });
});

describe("S3 settings from the environment", () => {
  it("defaults the region, and path-style only with an endpoint", () => {
    expect(s3OptionsFromEnv({ S3_BUCKET: "b" })).toEqual({
      bucket: "b",
      region: "us-east-1",
      endpoint: undefined,
      forcePathStyle: false,
      credentials: undefined,
      keyPrefix: "",
    });
    const compatible = s3OptionsFromEnv({ S3_BUCKET: "b", S3_ENDPOINT: "http://minio:9000", S3_REGION: "eu-west-3" });
    expect(compatible).toMatchObject({ endpoint: "http://minio:9000", region: "eu-west-3", forcePathStyle: true });
  });

  it("reads S3_FORCE_PATH_STYLE as 1/true/0/false", () => {
    expect(s3OptionsFromEnv({ S3_BUCKET: "b", S3_FORCE_PATH_STYLE: "1" }).forcePathStyle).toBe(true);
    expect(s3OptionsFromEnv({ S3_BUCKET: "b", S3_FORCE_PATH_STYLE: "TRUE" }).forcePathStyle).toBe(true);
    expect(s3OptionsFromEnv({ S3_BUCKET: "b", S3_ENDPOINT: "http://x", S3_FORCE_PATH_STYLE: "false" }).forcePathStyle).toBe(false);
    expect(s3OptionsFromEnv({ S3_BUCKET: "b", S3_ENDPOINT: "http://x", S3_FORCE_PATH_STYLE: "0" }).forcePathStyle).toBe(false);
    expect(() => s3OptionsFromEnv({ S3_BUCKET: "b", S3_FORCE_PATH_STYLE: "yes" })).toThrow(/S3_FORCE_PATH_STYLE/);
  });

  it("takes both credentials or neither, and never echoes a secret", () => {
    expect(s3OptionsFromEnv({ S3_BUCKET: "b", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "shh" }).credentials).toEqual({
      accessKeyId: "id",
      secretAccessKey: "shh",
    });
    let message = "";
    try {
      s3OptionsFromEnv({ S3_BUCKET: "b", S3_SECRET_ACCESS_KEY: "very-secret-value" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/);
    expect(message).not.toContain("very-secret-value");
  });

  it("normalises S3_PREFIX to one trailing slash and validates it", () => {
    expect(s3OptionsFromEnv({ S3_BUCKET: "b", S3_PREFIX: "/kairos/prod/" }).keyPrefix).toBe("kairos/prod/");
    expect(s3OptionsFromEnv({ S3_BUCKET: "b", S3_PREFIX: "kairos" }).keyPrefix).toBe("kairos/");
    expect(() => s3OptionsFromEnv({ S3_BUCKET: "b", S3_PREFIX: "../up" })).toThrow(InvalidStorageKeyError);
    expect(() => s3OptionsFromEnv({})).toThrow(/S3_BUCKET/);
  });
});

describe("S3 storage against s3rver, every request's signature checked", () => {
  let server: FakeS3;
  const clients: S3Storage[] = [];
  function client(overrides: Partial<S3Options> = {}): S3Storage {
    const s = createS3Storage({
      bucket: server.bucket,
      region: server.region,
      endpoint: server.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
      keyPrefix: "tenant/",
      listPageSize: 3, // so a handful of objects spans several listings
      ...overrides,
    });
    clients.push(s);
    return s;
  }
  let s3: S3Storage;

  beforeAll(async () => {
    server = await startFakeS3();
    s3 = client();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
  });

  describe("contract", () => {
    storageContract({ storage: () => s3, ioMarker: () => String(server.requests.length) });
  });

  it("signed every request the contract sent correctly (the proxy refused none)", () => {
    expect(server.requests.length).toBeGreaterThan(50);
    expect(server.requests.filter((r) => r.refused !== null)).toEqual([]);
  });

  it("sends the content type, the Range header, and keys under S3_PREFIX", async () => {
    const key = `${ns()}/q_1/1.webm`;
    const from = server.requests.length;
    await s3.put(key, bytes(10), "video/webm;codecs=vp9,opus");
    await readAll(await s3.get(key, { start: 2, end: 5 }));
    const [put, get] = server.requests.slice(from);
    expect(put.method).toBe("PUT");
    expect(put.url.startsWith(`/${server.bucket}/tenant/${key}`)).toBe(true);
    expect(put.headers["content-type"]).toBe("video/webm;codecs=vp9,opus");
    expect(get.headers.range).toBe("bytes=2-5");
  });

  it("returns exactly the range asked for even when the server ignores Range", async () => {
    const key = `${ns()}/whole.webm`;
    const body = bytes(300_000);
    await s3.put(key, body, "video/webm");
    server.ignoreRange = true;
    try {
      for (const [start, end] of [[0, 0], [70_000, 200_123], [299_999, 400_000]]) {
        const got = await readAll(await s3.get(key, { start, end }));
        expect(Buffer.compare(got, body.subarray(start, end + 1)), `${start}-${end}`).toBe(0);
      }
    } finally {
      server.ignoreRange = false;
    }
  });

  it("keeps S3_PREFIX tenants apart", async () => {
    const bare = client({ keyPrefix: "" });
    const key = `${ns()}/recordings/a/1.webm`;
    await bare.put(key, bytes(1), "video/webm");
    await s3.put(key, bytes(2), "video/webm");
    expect((await readAll(await bare.get(`tenant/${key}`))).length).toBe(2);
    expect(await s3.deletePrefix(key.slice(0, key.lastIndexOf("/") + 1))).toBe(1);
    expect((await readAll(await bare.get(key))).length).toBe(1);
  });

  it("lists page by page and deletes in batches", async () => {
    const batched = client({ listPageSize: 1000, deleteBatchSize: 2 });
    const base = ns();
    await Promise.all(Array.from({ length: 5 }, (_, i) => batched.put(`${base}/${i}`, bytes(1), "video/webm")));
    let from = server.requests.length;
    expect(await batched.deletePrefix(`${base}/`)).toBe(5);
    const deletes = server.requests.slice(from).filter((r) => r.method === "POST");
    expect(deletes.map((r) => r.url)).toEqual(Array(3).fill(`/${server.bucket}/?delete=`));

    await Promise.all(Array.from({ length: 7 }, (_, i) => s3.put(`${base}/${i}`, bytes(1), "video/webm")));
    from = server.requests.length;
    expect(await s3.deletePrefix(`${base}/`)).toBe(7);
    const lists = server.requests.slice(from).filter((r) => r.method === "GET");
    expect(lists.length).toBe(3);
    expect(lists.slice(1).every((r) => r.url.includes("continuation-token="))).toBe(true);
  });

  it("throws when DeleteObjects reports per-key errors in a 200 answer", async () => {
    const base = ns();
    await s3.put(`${base}/locked.webm`, bytes(1), "video/webm");
    server.interceptDelete = () =>
      `<?xml version="1.0" encoding="UTF-8"?><DeleteResult><Error><Key>tenant/${base}/locked.webm</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>`;
    try {
      await expect(s3.deletePrefix(`${base}/`)).rejects.toThrow(/refused to delete 1 of 1 .*AccessDenied/);
    } finally {
      server.interceptDelete = null;
    }
    expect(await s3.get(`${base}/locked.webm`)).not.toBeNull();
  });

  it("is refused with a wrong secret or region, and never logs a secret", async () => {
    const logged: unknown[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void logged.push(...args)),
    );
    try {
      const wrongSecret = client({ credentials: { accessKeyId: server.accessKeyId, secretAccessKey: "not-the-secret-at-all" } });
      await expect(wrongSecret.put("x/1.webm", bytes(1), "video/webm")).rejects.toMatchObject({ name: "SignatureDoesNotMatch" });
      const wrongRegion = client({ region: "us-west-2" });
      await expect(wrongRegion.get("x/1.webm")).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
      expect(await s3.get("x/1.webm")).toBeNull(); // the refused put never reached the store
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const text = JSON.stringify(logged.map(String));
    expect(text).not.toContain(server.secretAccessKey);
    expect(text).not.toContain("not-the-secret-at-all");
  });

  it("surfaces a missing bucket as an error, not as a missing object", async () => {
    const nowhere = client({ bucket: "no-such-bucket-here" });
    await expect(nowhere.get("x/1.webm")).rejects.toMatchObject({ name: "NoSuchBucket" });
  });
});

describe("SigV4 against AWS's published examples", () => {
  const suite = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
  const s3Docs = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
  const welcome = "Welcome to Amazon S3.";

  interface Vector {
    name: string;
    credentials: typeof suite;
    service: string;
    amzDate: string;
    method: string;
    host: string;
    path: string;
    query: Record<string, string>;
    headers: Record<string, string>;
    body: string;
    /** The generic suite signs the body's hash without sending it; S3 sends x-amz-content-sha256. */
    s3: boolean;
    signedHeaders: string;
    signature: string;
  }
  const vectors: Vector[] = [
    {
      name: "get-vanilla",
      credentials: suite,
      service: "service",
      amzDate: "20150830T123600Z",
      method: "GET",
      host: "example.amazonaws.com",
      path: "/",
      query: {},
      headers: {},
      body: "",
      s3: false,
      signedHeaders: "host;x-amz-date",
      signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    },
    {
      name: "get-vanilla-query-order-key-case",
      credentials: suite,
      service: "service",
      amzDate: "20150830T123600Z",
      method: "GET",
      host: "example.amazonaws.com",
      path: "/",
      query: { Param2: "value2", Param1: "value1" },
      headers: {},
      body: "",
      s3: false,
      signedHeaders: "host;x-amz-date",
      signature: "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
    },
    {
      name: "post-vanilla",
      credentials: suite,
      service: "service",
      amzDate: "20150830T123600Z",
      method: "POST",
      host: "example.amazonaws.com",
      path: "/",
      query: {},
      headers: {},
      body: "",
      s3: false,
      signedHeaders: "host;x-amz-date",
      signature: "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
    },
    {
      name: "S3 GET Object with a Range",
      credentials: s3Docs,
      service: "s3",
      amzDate: "20130524T000000Z",
      method: "GET",
      host: "examplebucket.s3.amazonaws.com",
      path: "/test.txt",
      query: {},
      headers: { range: "bytes=0-9" },
      body: "",
      s3: true,
      signedHeaders: "host;range;x-amz-content-sha256;x-amz-date",
      signature: "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    },
    {
      name: "S3 PUT Object",
      credentials: s3Docs,
      service: "s3",
      amzDate: "20130524T000000Z",
      method: "PUT",
      host: "examplebucket.s3.amazonaws.com",
      path: `/${awsEncode("test$file.text")}`,
      query: {},
      headers: { date: "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY" },
      body: welcome,
      s3: true,
      signedHeaders: "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
      signature: "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd",
    },
    {
      name: "S3 GET Bucket lifecycle",
      credentials: s3Docs,
      service: "s3",
      amzDate: "20130524T000000Z",
      method: "GET",
      host: "examplebucket.s3.amazonaws.com",
      path: "/",
      query: { lifecycle: "" },
      headers: {},
      body: "",
      s3: true,
      signedHeaders: "host;x-amz-content-sha256;x-amz-date",
      signature: "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543",
    },
    {
      name: "S3 GET Bucket (List Objects)",
      credentials: s3Docs,
      service: "s3",
      amzDate: "20130524T000000Z",
      method: "GET",
      host: "examplebucket.s3.amazonaws.com",
      path: "/",
      query: { prefix: "J", "max-keys": "2" },
      headers: {},
      body: "",
      s3: true,
      signedHeaders: "host;x-amz-content-sha256;x-amz-date",
      signature: "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7",
    },
  ];

  function headersOf(v: Vector): Array<[string, string]> {
    const h: Array<[string, string]> = [["Host", v.host], ["X-Amz-Date", v.amzDate], ...Object.entries(v.headers)];
    if (v.s3) h.push(["x-amz-content-sha256", sha256Hex(v.body)]);
    return h;
  }
  function queryOf(v: Vector): string {
    return Object.entries(v.query)
      .map(([k, val]) => (val === "" && v.s3 ? k : `${k}=${val}`))
      .join("&");
  }
  const date = (amzDate: string) =>
    new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);

  it("confirms the payload hashes the examples print", () => {
    expect(sha256Hex("")).toBe(EMPTY_SHA256);
    expect(sha256Hex(welcome)).toBe("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
  });

  it.each(vectors.map((v) => [v.name, v] as const))("the tests' signer reproduces %s", (_name, v) => {
    const authorization = authorizationFor(
      { method: v.method, path: v.path, query: queryOf(v), headers: headersOf(v), payloadHash: sha256Hex(v.body) },
      v.credentials,
      { amzDate: v.amzDate, region: "us-east-1", service: v.service },
    );
    expect(authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=${v.credentials.accessKeyId}/${v.amzDate.slice(0, 8)}/us-east-1/${v.service}/aws4_request, ` +
        `SignedHeaders=${v.signedHeaders}, Signature=${v.signature}`,
    );
  });

  // The SDK's signer drops a caller's Date header (it writes x-amz-date itself), so S3's PUT
  // example, which signs Date, can only be reproduced by the tests' signer above.
  const sdkVectors = vectors.filter((v) => !("date" in v.headers));
  it.each(sdkVectors.map((v) => [v.name, v] as const))("the SDK's signer (@smithy/signature-v4) reproduces %s", async (_name, v) => {
    const signer = new SignatureV4({
      credentials: v.credentials,
      region: "us-east-1",
      service: v.service,
      sha256: NodeSha256,
      uriEscapePath: !v.s3, // S3 paths are encoded once, by the client, before signing
      applyChecksum: v.s3,
    });
    const headers: Record<string, string> = { host: v.host, ...v.headers };
    if (v.s3) headers["x-amz-content-sha256"] = sha256Hex(v.body);
    const signed = await signer.sign(
      { method: v.method, protocol: "https:", hostname: v.host, path: v.path, query: v.query, headers, body: v.body || undefined },
      { signingDate: date(v.amzDate) },
    );
    const authorization = String(signed.headers.authorization ?? signed.headers.Authorization);
    expect(authorization).toContain(`SignedHeaders=${v.signedHeaders},`);
    expect(authorization.endsWith(`Signature=${v.signature}`)).toBe(true);
  });

  it("the fake S3's verifier accepts the S3 examples and refuses them changed in any signed part", () => {
    const secrets = new Map([[s3Docs.accessKeyId, s3Docs.secretAccessKey]]);
    const check = (v: Vector, tweak: (raw: string[], body: Buffer) => Buffer | void = () => {}) => {
      const raw = [...headersOf(v).flat(), "Authorization", `AWS4-HMAC-SHA256 Credential=${s3Docs.accessKeyId}/20130524/us-east-1/s3/aws4_request, SignedHeaders=${v.signedHeaders}, Signature=${v.signature}`];
      const q = queryOf(v);
      const body = Buffer.from(v.body);
      const url = `${v.path}${q ? `?${q}` : ""}`;
      return verifyS3Request({ method: v.method, url, rawHeaders: raw, body: tweak(raw, body) ?? body }, { secrets, region: "us-east-1", now: date(v.amzDate) });
    };
    for (const v of vectors.filter((x) => x.s3)) expect(check(v), v.name).toEqual({ ok: true });

    const put = vectors.find((v) => v.name === "S3 PUT Object")!;
    expect(check(put, (_raw, body) => Buffer.concat([body, Buffer.from("!")]))).toMatchObject({ code: "XAmzContentSHA256Mismatch" });
    expect(check(put, (raw) => void (raw[raw.indexOf("x-amz-storage-class") + 1] = "STANDARD"))).toMatchObject({ code: "SignatureDoesNotMatch" });
    expect(check(put, (raw) => void raw.push("x-amz-meta-extra", "unsigned"))).toMatchObject({ code: "AccessDenied" });
    const ranged = vectors.find((v) => v.name === "S3 GET Object with a Range")!;
    expect(check(ranged, (raw) => void (raw[raw.indexOf("range") + 1] = "bytes=0-99"))).toMatchObject({ code: "SignatureDoesNotMatch" });
  });
});

/** SHA-256 and HMAC-SHA256 from node:crypto in the shape @smithy/signature-v4 expects. */
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash("sha256") : createHmac("sha256", toBuffer(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}
function toBuffer(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}
