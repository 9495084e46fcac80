// Runs once when a server starts: a production server with missing configuration refuses to
// start, saying what to set; route handlers' declared lengths are sent as Content-Length; then the
// outbox starts moving in the background.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  await import("./lib/startup-check");
  const { sendDeclaredContentLength } = await import("./lib/http/content-length");
  sendDeclaredContentLength();
  const { startOutboxPoller } = await import("./lib/poller");
  startOutboxPoller();
}
