// Runs once when a server starts: a production server with missing configuration refuses to
// start, saying what to set; every request is stamped with its TCP peer (the client address rate
// limits trust) and a client going away mid-body is no server error; route handlers' declared
// lengths are sent as Content-Length; then the outbox starts moving in the background.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  await import("./lib/startup-check");
  const { stampPeerAddress } = await import("./lib/http/peer-header");
  stampPeerAddress();
  const { quietClientAborts } = await import("./lib/http/client-aborts");
  quietClientAborts();
  const { sendDeclaredContentLength } = await import("./lib/http/content-length");
  sendDeclaredContentLength();
  const { startOutboxPoller } = await import("./lib/poller");
  startOutboxPoller();
}
