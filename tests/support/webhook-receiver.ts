import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { vi } from "vitest";
import { Webhook } from "standardwebhooks";

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the receiver does with a request: answer it (status, body), or never answer (`hang`). */
export type Behaviour = (request: Received, res: ServerResponse) => void;

/** A local HTTP receiver that keeps every request it gets, answering as `behaviour` says (200 by default). */
export async function startReceiver(initial: Behaviour = (_r, res) => res.end("ok")) {
  const received: Received[] = [];
  let behaviour = initial;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(request);
      behaviour(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    answer(next: Behaviour) {
      behaviour = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The three signature headers as standardwebhooks reads them. */
export function signatureHeaders(request: Received): Record<string, string> {
  return {
    "webhook-id": String(request.headers["webhook-id"]),
    "webhook-timestamp": String(request.headers["webhook-timestamp"]),
    "webhook-signature": String(request.headers["webhook-signature"]),
  };
}

/**
 * Verifies a received request with the standardwebhooks library as a receiver whose clock reads
 * `at` would (the library checks the timestamp against Date.now(); tests move the server's clock).
 */
export function verifyAt(secret: string, request: Received, at: Date = new Date(), body = request.body): unknown {
  vi.useFakeTimers({ toFake: ["Date"], now: at });
  try {
    return new Webhook(secret).verify(body, signatureHeaders(request));
  } finally {
    vi.useRealTimers();
  }
}
