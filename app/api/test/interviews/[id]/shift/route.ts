import { now } from "@/lib/clock";
import { secondsUntilOpen, shiftInterviewIntoPast, testHooksEnabled } from "@/lib/testing";

/**
 * e2e only (KAIROS_TEST_HOOKS=1): "moves time" for one interview by moving its rows.
 * `?seconds=N` moves it N seconds into the past; `?opensIn=N` makes its window open N seconds from now.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!testHooksEnabled()) return new Response("Not found", { status: 404 });
  const { id } = await params;
  const query = new URL(request.url).searchParams;
  let seconds = Number(query.get("seconds"));
  if (query.has("opensIn")) {
    const untilOpen = await secondsUntilOpen(id, now());
    if (untilOpen === null) return new Response("not found", { status: 404 });
    seconds = untilOpen - Number(query.get("opensIn"));
  }
  if (!Number.isFinite(seconds) || Math.abs(seconds) > 10 * 365 * 86400) return new Response("bad seconds", { status: 400 });
  const moved = await shiftInterviewIntoPast(id, seconds);
  return new Response(moved ? "moved" : "not found", { status: moved ? 200 : 404 });
}
