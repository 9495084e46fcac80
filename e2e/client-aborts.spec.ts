import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import net from "node:net";
import { E2E_PORT, E2E_SERVER_LOG } from "./env";
import { expect, test } from "./fixtures";

// A browser closed mid-upload (a candidate's recording chunk, a server action, a webhook cut off by
// a proxy) leaves a request whose body never finishes arriving. The server must shrug: no error in
// its log, no uncaughtException, and it goes on answering.

/**
 * Sends a request declaring `declared` bytes of body, and once the server has taken it on (its
 * "100 Continue"), `sent` bytes of the body; then drops the connection.
 */
function abortMidBody(method: string, path: string, headers: Record<string, string>, declared: number, sent: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(E2E_PORT, "127.0.0.1", () => {
      const head = Object.entries({ Host: `127.0.0.1:${E2E_PORT}`, "Content-Length": String(declared), Expect: "100-continue", ...headers })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join("");
      socket.write(`${method} ${path} HTTP/1.1\r\n${head}\r\n`);
    });
    socket.once("data", (answer) => {
      if (!answer.toString().startsWith("HTTP/1.1 100")) return reject(new Error(`expected 100 Continue, got ${answer.toString().split("\r\n")[0]}`));
      socket.write(Buffer.alloc(sent, 7), () => {
        socket.destroy();
        resolve();
      });
    });
    socket.on("error", reject);
  });
}

const ERRORS = /Error: aborted|ECONNRESET|uncaughtException/;

test("requests whose client goes away mid-body end quietly, and the server keeps answering", async ({ request }) => {
  const log = () => readFileSync(E2E_SERVER_LOG, "utf8");
  const from = log().length;
  const since = () => log().slice(from);
  const marker = randomUUID();
  await Promise.all([
    // A recording chunk (up to 5 MB may be declared), a server action's form post, a webhook delivery.
    abortMidBody("PUT", `/interview/recordings/${marker}/chunks/0`, { "Content-Type": "video/webm" }, 4_000_000, 64 * 1024),
    abortMidBody("POST", `/interview?aborted=${marker}`, { "Content-Type": "multipart/form-data; boundary=x", "Next-Action": "0".repeat(42) }, 200_000, 1024),
    abortMidBody("POST", `/api/webhooks/resend?aborted=${marker}`, { "Content-Type": "application/json" }, 100_000, 10),
  ]);

  // Each abort is noted at debug level (its path, never its query) or, mishandled, logged as an
  // error: wait until the server has dealt with all three one way or the other.
  const noted = (request: string) => since().split("\n").includes(`request aborted by the client: ${request}`);
  await expect
    .poll(() => ERRORS.test(since()) || [`PUT /interview/recordings/${marker}/chunks/0`, "POST /interview", "POST /api/webhooks/resend"].every(noted), { timeout: 15_000 })
    .toBe(true);
  expect(since()).not.toMatch(ERRORS);
  expect(since()).not.toContain(`aborted=${marker}`);

  // Still serving, pages and routes alike.
  expect((await request.get("/sign-in")).status()).toBe(200);
  expect((await request.put(`/interview/recordings/${marker}/chunks/0`, { data: Buffer.alloc(10) })).status()).toBe(404);
  expect(since()).not.toMatch(ERRORS);
});
