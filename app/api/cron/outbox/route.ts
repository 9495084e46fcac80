import { timingSafeEqual } from "node:crypto";
import { runBackgroundWork } from "@/lib/background";

// Vercel Cron (vercel.json) calls this every minute; any scheduler can, with the secret.
export async function GET(request: Request) {
  const secret = process.env.CRON_SECRET;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  if (!secret || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return Response.json({ error: "unauthorized" }, { status: 401 });
  }
  const stats = await runBackgroundWork({ budgetMs: 25_000 });
  return Response.json(stats, { headers: { "cache-control": "no-store" } });
}
