// Runs once when a server starts: a production server with missing configuration refuses to
// start, saying what to set; then the outbox starts moving in the background.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  await import("./lib/startup-check");
  const { startOutboxPoller } = await import("./lib/poller");
  startOutboxPoller();
}
