/**
 * AWS Signature Version 4, written from the specification for the tests, independently of the
 * SDK's signer: the fake S3 server uses it to check the signature on every request the S3 adapter
 * sends, and tests/storage.test.ts holds it (and the SDK's signer) to AWS's published examples.
 * S3 flavour: the canonical URI is the path encoded once (no double encoding, no dot-segment
 * normalisation), which is also what the generic test-suite cases used here expect.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const ALGORITHM = "AWS4-HMAC-SHA256";

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || byte === 0x5f || byte === 0x2e || byte === 0x7e // - _ . ~
  );
}

/** SigV4's URI encoding: every byte but A-Z a-z 0-9 - _ . ~ as upper-case %XX. */
export function awsEncode(value: string): string {
  let out = "";
  for (const byte of Buffer.from(value, "utf8")) {
    out += isUnreserved(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export interface CanonicalInput {
  method: string;
  /** The path as sent on the wire (percent-encoded), without the query. */
  path: string;
  /** The raw query string, without "?". */
  query: string;
  /** Header pairs as received; names in any case, a name may repeat. */
  headers: Array<[string, string]>;
  /** Lower-case names, in the order given by the Authorization header (sorted when signing). */
  signedHeaders: string[];
  payloadHash: string;
}

function canonicalQuery(query: string): string {
  return query
    .split("&")
    .filter(Boolean)
    .map((pair): [string, string] => {
      const eq = pair.indexOf("=");
      const name = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? "" : pair.slice(eq + 1);
      return [awsEncode(decodeURIComponent(name)), awsEncode(decodeURIComponent(value))];
    })
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

/** The canonical request of SigV4's task 1. */
export function canonicalRequest(input: CanonicalInput): string {
  const uri = input.path.split("/").map((segment) => awsEncode(decodeURIComponent(segment))).join("/") || "/";
  const values = new Map<string, string[]>();
  for (const [name, value] of input.headers) {
    const key = name.toLowerCase();
    values.set(key, [...(values.get(key) ?? []), value.trim().replace(/\s+/g, " ")]);
  }
  const headers = input.signedHeaders.map((name) => `${name}:${(values.get(name) ?? []).join(",")}\n`).join("");
  return [input.method, uri, canonicalQuery(input.query), headers, input.signedHeaders.join(";"), input.payloadHash].join("\n");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

/** The hex signature of a canonical request (tasks 2–4). */
export function signatureOf(canonical: string, secret: string, amzDate: string, region: string, service: string): string {
  const date = amzDate.slice(0, 8);
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), "aws4_request");
  return createHmac("sha256", key).update(stringToSign, "utf8").digest("hex");
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Signs a request whose headers already hold host and x-amz-date: every header given is signed. */
export function authorizationFor(
  request: Omit<CanonicalInput, "signedHeaders">,
  credentials: Credentials,
  scope: { amzDate: string; region: string; service: string },
): string {
  const signedHeaders = [...new Set(request.headers.map(([name]) => name.toLowerCase()))].sort();
  const canonical = canonicalRequest({ ...request, signedHeaders });
  const signature = signatureOf(canonical, credentials.secretAccessKey, scope.amzDate, scope.region, scope.service);
  const credential = `${credentials.accessKeyId}/${scope.amzDate.slice(0, 8)}/${scope.region}/${scope.service}/aws4_request`;
  return `${ALGORITHM} Credential=${credential}, SignedHeaders=${signedHeaders.join(";")}, Signature=${signature}`;
}

export interface IncomingSignedRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  /** Alternating names and values, as node:http's rawHeaders. */
  rawHeaders: string[];
  body: Uint8Array;
}

export type Verdict = { ok: true } | { ok: false; code: string; reason: string };

function parseDate(amzDate: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
}

/**
 * Checks an S3 request's Authorization header the way S3 would: known key, scope (date, region,
 * service), clock skew, which headers must be signed, the payload hash against the body, and
 * finally the signature itself, recomputed with the key's secret.
 */
export function verifyS3Request(
  request: IncomingSignedRequest,
  expected: { secrets: ReadonlyMap<string, string>; region: string; now: Date; service?: string },
): Verdict {
  const deny = (code: string, reason: string): Verdict => ({ ok: false, code, reason });
  const headers: Array<[string, string]> = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) headers.push([request.rawHeaders[i], request.rawHeaders[i + 1]]);
  const header = (name: string) => headers.find(([n]) => n.toLowerCase() === name)?.[1];

  const auth = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(
    header("authorization") ?? "",
  );
  if (!auth) return deny("AccessDenied", "no SigV4 Authorization header");
  const [accessKeyId, date, region, service, terminator, ...rest] = auth[1].split("/");
  const secret = expected.secrets.get(accessKeyId);
  if (!secret) return deny("InvalidAccessKeyId", "unknown access key");
  if (rest.length || terminator !== "aws4_request" || service !== (expected.service ?? "s3")) {
    return deny("AuthorizationHeaderMalformed", "bad credential scope");
  }
  if (region !== expected.region) return deny("AuthorizationHeaderMalformed", `region ${region}, expected ${expected.region}`);
  const amzDate = header("x-amz-date") ?? "";
  const at = parseDate(amzDate);
  if (Number.isNaN(at) || amzDate.slice(0, 8) !== date) return deny("AccessDenied", "x-amz-date missing or not the scope's date");
  if (Math.abs(expected.now.getTime() - at) > 15 * 60_000) return deny("RequestTimeTooSkewed", "clock skew over 15 minutes");

  const signedHeaders = auth[2].split(";");
  const sorted = [...signedHeaders].sort();
  if (signedHeaders.some((name, i) => name !== sorted[i] || name !== name.toLowerCase())) {
    return deny("AuthorizationHeaderMalformed", "SignedHeaders not lower-case and sorted");
  }
  for (const [name] of headers) {
    const lower = name.toLowerCase();
    if ((lower === "host" || lower.startsWith("x-amz-")) && !signedHeaders.includes(lower)) {
      return deny("AccessDenied", `header ${lower} is not signed`);
    }
  }
  for (const name of signedHeaders) {
    if (header(name) === undefined) return deny("AccessDenied", `signed header ${name} is missing`);
  }

  const payloadHash = header("x-amz-content-sha256");
  if (!payloadHash) return deny("InvalidRequest", "x-amz-content-sha256 is missing");
  if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== sha256Hex(request.body)) {
    return deny("XAmzContentSHA256Mismatch", "the body does not match x-amz-content-sha256");
  }

  const q = request.url.indexOf("?");
  const canonical = canonicalRequest({
    method: request.method,
    path: q < 0 ? request.url : request.url.slice(0, q),
    query: q < 0 ? "" : request.url.slice(q + 1),
    headers,
    signedHeaders,
    payloadHash,
  });
  const wanted = Buffer.from(signatureOf(canonical, secret, amzDate, region, service), "hex");
  const given = Buffer.from(auth[3], "hex");
  if (!timingSafeEqual(wanted, given)) return deny("SignatureDoesNotMatch", "signature does not match");
  return { ok: true };
}
