/**
 * A local S3 for the storage tests: s3rver (npm) in a child process, behind a small proxy on
 * 127.0.0.1 that checks every request's SigV4 signature with ./sigv4.ts (s3rver 3.7 accepts any
 * V4 signature) and records what was sent. Requests that fail the check get S3's 403 and never
 * reach s3rver.
 *
 * One s3rver 3.7 bug is corrected here to behave as S3 does: a Range on an empty object gets
 * s3rver's 206 with "Content-Length: 1" and no body (the client would wait forever), where S3
 * answers 416 InvalidRange. Its other range quirk (bytes=0-0 answered with the whole object) is
 * left alone: the adapter trims what a server sends beyond the range, and the tests see it do so.
 * And s3rver writes a PUT's body straight into the object's file, so PUTs of one key at the same
 * moment can leave a mix of their bodies, where S3 always keeps one whole body: the proxy passes
 * one key's PUTs on one at a time.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { verifyS3Request } from "./sigv4";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  bodyLength: number;
  /** The verifier's refusal code, or null when the signature checked out. */
  refused: string | null;
}

export interface FakeS3 {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  requests: RecordedRequest[];
  /** When set, answers a DeleteObjects request itself with this XML body (status 200) instead of s3rver. */
  interceptDelete: ((body: string) => string | null) | null;
  /** When true, drops the Range header (after checking the signature), as a server that ignores ranges would. */
  ignoreRange: boolean;
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL("./s3rver-process.mjs", import.meta.url));

function xmlError(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

async function startS3rver(directory: string, bucket: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["--openssl-legacy-provider", CHILD, directory, bucket], {
    cwd: path.dirname(CHILD),
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`s3rver did not start in 20 s: ${stderr}`)), 20_000);
    child.once("exit", (code) => reject(new Error(`s3rver exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).once("line", (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  return { child, port };
}

/** Starts s3rver with one fresh bucket and the checking proxy in front of it. */
export async function startFakeS3(options: { region?: string } = {}): Promise<FakeS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "kairos-s3rver-"));
  const bucket = `kairos-test-${randomBytes(4).toString("hex")}`;
  const region = options.region ?? "eu-central-1";
  const accessKeyId = `AKIA${randomBytes(8).toString("hex").toUpperCase()}`;
  const secretAccessKey = randomBytes(30).toString("base64");
  const { child, port: upstream } = await startS3rver(directory, bucket);

  const fake: FakeS3 = {
    endpoint: "",
    bucket,
    region,
    accessKeyId,
    secretAccessKey,
    requests: [],
    interceptDelete: null,
    ignoreRange: false,
    close: async () => {},
  };
  const secrets = new Map([[accessKeyId, secretAccessKey]]);
  /** Each key's last PUT passed on to s3rver, settled when s3rver has answered it. */
  const puts = new Map<string, Promise<void>>();

  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const url = req.url ?? "/";
      const verdict = verifyS3Request({ method: req.method ?? "GET", url, rawHeaders: req.rawHeaders, body }, { secrets, region, now: new Date() });
      fake.requests.push({ method: req.method ?? "GET", url, headers: req.headers, bodyLength: body.length, refused: verdict.ok ? null : verdict.code });
      if (!verdict.ok) {
        res.writeHead(403, { "content-type": "application/xml" }).end(xmlError(verdict.code, verdict.reason));
        return;
      }
      if (req.method === "POST" && /[?&]delete(=|&|$)/.test(url) && fake.interceptDelete) {
        const answer = fake.interceptDelete(body.toString("utf8"));
        if (answer !== null) {
          res.writeHead(200, { "content-type": "application/xml" }).end(answer);
          return;
        }
      }
      // Authentication is done; s3rver would only "check" a V4 signature by ignoring it.
      const headers = { ...req.headers };
      delete headers.authorization;
      if (fake.ignoreRange) delete headers.range;
      const send = () =>
        new Promise<void>((done) => {
          res.once("close", done);
          const forward = http.request({ host: "127.0.0.1", port: upstream, method: req.method, path: url, headers }, (answer) => {
            if (/\/0$/.test(String(answer.headers["content-range"] ?? ""))) {
              answer.resume();
              res.writeHead(416, { "content-type": "application/xml" }).end(xmlError("InvalidRange", "The requested range is not satisfiable"));
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          });
          forward.on("error", (error) => res.writeHead(502).end(String(error)));
          forward.end(body);
        });
      if (req.method !== "PUT") return void send();
      const key = url.split("?")[0]!;
      const sent = (puts.get(key) ?? Promise.resolve()).then(send);
      puts.set(key, sent);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  fake.endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  fake.close = async () => {
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
    child.stdin!.end();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    fs.rmSync(directory, { recursive: true, force: true });
  };
  return fake;
}
