import { Server, type IncomingMessage } from "node:http";

/*
 * A client that goes away while its request's body is still arriving (a tab closed mid-upload, a
 * browser quit right after "Start interview") makes Node destroy the request with
 * `Error: aborted` (ECONNRESET). Next reads every request body with a method other than GET/HEAD
 * before any route runs — proxy.ts sees a copy (server/body-streams.ts) — and logs that error as a
 * server error (an `uncaughtException` when it comes before Next listens for it; vercel/next.js
 * #84649, #49587). Nothing went wrong on our side and nobody is left to answer, so such a request
 * is noted at debug level and its error kept out of the error log. Installed once per process, at
 * start-up (instrumentation.ts), where every request passes: no route needs to know.
 */

const installed = Symbol.for("kairos.quiet-client-aborts");
const CLIENT_WENT_AWAY = Symbol.for("kairos.client-went-away");

/** Whether `value` is the error of a request whose client went away before sending all of it. */
export function isClientAbort(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { [CLIENT_WENT_AWAY]?: true })[CLIENT_WENT_AWAY] === true;
}

/** Watches one incoming request from the moment the server has it: an abort mid-body is marked, noted, and never uncaught. */
function watch(request: IncomingMessage): void {
  request.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" || request.complete) return;
    Object.defineProperty(error, CLIENT_WENT_AWAY, { value: true });
    // The path only: a query may hold a key (/interview?session_key=…).
    console.debug(`request aborted by the client: ${request.method} ${(request.url ?? "").split("?")[0]}`);
  });
}

/** Installs the watch on every request this process serves, and keeps marked errors out of console.error. Idempotent. */
export function quietClientAborts(): void {
  const prototype = Server.prototype as Server & { [installed]?: true };
  if (prototype[installed]) return;
  prototype[installed] = true;
  const emit = prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") watch(args[0] as IncomingMessage);
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
  // Next logs the error wherever it surfaces (the proxy's body copy, its uncaughtException handler).
  const error = console.error;
  console.error = (...args: unknown[]) => {
    if (args.some(isClientAbort)) return;
    error.apply(console, args);
  };
}
