import { z } from "zod";
import { createSignedInOwner, testHooksEnabled } from "@/lib/testing";

const body = z.object({
  name: z.string().min(1).max(100),
  email: z.email().max(254),
  password: z.string().min(8).max(200),
  organizationName: z.string().min(1).max(100),
  timeZone: z.string().min(1).max(64),
});

/**
 * e2e only (KAIROS_TEST_HOOKS=1): a new organisation with its owner and a session, for the specs'
 * `recruiter` fixture, which turns the ids into the session cookie sign-in would set.
 */
export async function POST(request: Request) {
  if (!testHooksEnabled()) return new Response("Not found", { status: 404 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: z.prettifyError(parsed.error) }, { status: 400 });
  return Response.json(await createSignedInOwner(parsed.data), { status: 201 });
}
