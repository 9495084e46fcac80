import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { createSignedInMember, testHooksEnabled } from "@/lib/testing";

const body = z.object({
  ownerEmail: z.email().max(254),
  role: z.enum(Role),
  name: z.string().min(1).max(100),
  email: z.email().max(254),
  password: z.string().min(8).max(200),
});

/**
 * e2e only (KAIROS_TEST_HOOKS=1): another member of an owner's organisation, with a role and a
 * session, for specs that act as each role (the ids become the session cookie sign-in would set).
 */
export async function POST(request: Request) {
  if (!testHooksEnabled()) return new Response("Not found", { status: 404 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: z.prettifyError(parsed.error) }, { status: 400 });
  const member = await createSignedInMember(parsed.data);
  return member ? Response.json(member, { status: 201 }) : new Response("Not found", { status: 404 });
}
