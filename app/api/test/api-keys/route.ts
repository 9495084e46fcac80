import { z } from "zod";
import { createApiKey } from "@/lib/api/keys";
import { API_SCOPES } from "@/lib/api/scopes";
import { db } from "@/lib/db";
import { testHooksEnabled } from "@/lib/testing";

const body = z.object({ ownerEmail: z.email().max(254), scopes: z.array(z.enum(API_SCOPES)).min(1) });

/**
 * e2e only (KAIROS_TEST_HOOKS=1): an API key of the owner's organisation, made by the same
 * createApiKey as Settings, for specs that call Kairos as an integration does (e2e/greenhouse.spec.ts).
 */
export async function POST(request: Request) {
  if (!testHooksEnabled()) return new Response("Not found", { status: 404 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: z.prettifyError(parsed.error) }, { status: 400 });
  const prisma = await db();
  const owner = await prisma.user.findUnique({ where: { email: parsed.data.ownerEmail.toLowerCase() }, select: { id: true, organizationId: true } });
  if (!owner) return new Response("Not found", { status: 404 });
  const { key } = await createApiKey({ userId: owner.id, organizationId: owner.organizationId }, { name: "e2e", scopes: parsed.data.scopes, expiresAt: null });
  return Response.json({ key }, { status: 201 });
}
