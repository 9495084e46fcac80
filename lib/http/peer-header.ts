import { Server, type IncomingMessage } from "node:http";
import { PEER_HEADER } from "./client-address";

/**
 * Stamps every request this process serves with its TCP peer address (PEER_HEADER), replacing any
 * copy the client sent. `next start` keeps a client's own X-Forwarded-For and exposes no socket
 * address to the app, so without this a client reached directly could name any address it liked.
 * Idempotent; instrumentation.ts calls it once at start-up.
 */
export function stampPeerAddress(): void {
  const prototype = Server.prototype as Server & { kairosPeerStamped?: boolean };
  if (prototype.kairosPeerStamped) return;
  prototype.kairosPeerStamped = true;
  const emit = prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "unknown";
    }
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
}
