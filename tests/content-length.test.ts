import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DECLARED_LENGTH_HEADER, sendDeclaredContentLength } from "@/lib/http/content-length";

// What Next does with a route's streamed response (server/send-response.ts): copy the headers but
// content-length, then write the body chunk by chunk. The declared length must reach the client.
let server: http.Server;
let base: string;

beforeAll(async () => {
  sendDeclaredContentLength();
  server = http.createServer((req, res) => {
    const body = ["hello ", "media ", "bytes"];
    const length = String(body.join("").length);
    if (req.url === "/compressed") res.setHeader("content-encoding", "gzip");
    if (req.url !== "/undeclared") res.setHeader(DECLARED_LENGTH_HEADER, req.url === "/bogus" ? "12abc" : length);
    res.setHeader("content-type", "audio/webm");
    if (req.method === "HEAD") return res.end();
    for (const chunk of body) res.write(chunk);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Status line and headers as the client receives them. */
function fetchHeaders(path: string, method = "GET"): Promise<http.IncomingHttpHeaders & { body: string }> {
  return new Promise((resolve, reject) => {
    http
      .request(`${base}${path}`, { method }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ ...res.headers, body }));
      })
      .on("error", reject)
      .end();
  });
}

describe("sendDeclaredContentLength", () => {
  it("sends a declared length as Content-Length instead of a chunked body, and drops the internal header", async () => {
    const got = await fetchHeaders("/declared");
    expect(got["content-length"]).toBe("17");
    expect(got["transfer-encoding"]).toBeUndefined();
    expect(got[DECLARED_LENGTH_HEADER]).toBeUndefined();
    expect(got.body).toBe("hello media bytes");
  });

  it("does the same for HEAD, which has no body", async () => {
    const got = await fetchHeaders("/declared", "HEAD");
    expect(got["content-length"]).toBe("17");
    expect(got[DECLARED_LENGTH_HEADER]).toBeUndefined();
  });

  it("leaves other responses chunked, and never declares a length for a compressed or nonsense one", async () => {
    for (const path of ["/undeclared", "/compressed", "/bogus"]) {
      const got = await fetchHeaders(path);
      expect(got["content-length"], path).toBeUndefined();
      expect(got["transfer-encoding"], path).toBe("chunked");
      expect(got[DECLARED_LENGTH_HEADER], path).toBeUndefined();
    }
  });
});
