import { timingSafeEqual } from "node:crypto";
import { runBackgroundWork } from "@/lib/background";
import { drainTranscriptions } from "@/lib/interviews/transcripts/worker";

// Vercel Cron (vercel.json) calls this every minute; any scheduler can, with the secret.
export async function GET(request: Request) {
  const secret = process.env.CRON_SECRET;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  if (!secret || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return Response.json({ error: "unauthorized" }, { status: 401 });
  }
  const stats = await runBackgroundWork({ budgetMs: 25_000 });
  // Here only an engine this function can run (the HTTP one): the offline engine's Debian packages
  // are not on Vercel, and a worker on a Node host does that work (it says why not in the stats).
  const transcripts = await drainTranscriptions({ budgetMs: 20_000 });
  return Response.json({ ...stats, transcripts }, { headers: { "cache-control": "no-store" } });
}
