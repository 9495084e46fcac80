import { findInDatabase, testHooksEnabled } from "@/lib/testing";

/**
 * e2e only (KAIROS_TEST_HOOKS=1): where a string occurs in the database — every text and JSON
 * column of every table. POST `{ "needle": "…" }` (in the body, so the string itself stays out of
 * URLs and access logs); answers `{ matches: [{ table, column, rows, decoded }] }`.
 */
export async function POST(request: Request) {
  if (!testHooksEnabled()) return new Response("Not found", { status: 404 });
  const body = (await request.json().catch(() => null)) as { needle?: unknown } | null;
  const needle = body?.needle;
  if (typeof needle !== "string" || needle.length < 8 || needle.length > 1000) return new Response("needle: a string of 8 to 1000 characters", { status: 400 });
  return Response.json({ matches: await findInDatabase(needle) });
}
