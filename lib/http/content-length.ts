import "server-only";
import { ServerResponse } from "node:http";

/**
 * Where a route handler puts its Content-Length. Next (16.4, server/send-response.ts) drops
 * `content-length` from every route handler's Response — it cannot know whether a body was
 * decompressed on the way — so a streamed recording would reach players chunked, without a length.
 */
export const DECLARED_LENGTH_HEADER = "x-kairos-content-length";

const installed = Symbol.for("kairos.declared-content-length");

/**
 * Makes the Node server send a declared length as Content-Length: when the headers go out, the
 * internal header is removed and, unless the response is chunked or compressed already, becomes
 * Content-Length. Installed once per process, at start-up (instrumentation.ts).
 */
export function sendDeclaredContentLength(): void {
  const proto = ServerResponse.prototype as ServerResponse & { [installed]?: true };
  if (proto[installed]) return;
  proto[installed] = true;
  const writeHead = proto.writeHead;
  proto.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const declared = this.getHeader(DECLARED_LENGTH_HEADER);
    if (declared !== undefined) {
      this.removeHeader(DECLARED_LENGTH_HEADER);
      const length = String(declared);
      if (/^\d+$/.test(length) && !this.hasHeader("content-length") && !this.hasHeader("transfer-encoding") && !this.hasHeader("content-encoding")) {
        this.setHeader("content-length", length);
      }
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof proto.writeHead;
}
