// Runs once when a server starts: a production server with missing configuration refuses to
// start, saying what to set, rather than failing later on a recruiter's request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/startup-check");
}
