import { countJobOrganizationRows, testHooksEnabled } from "@/lib/testing";

/** e2e only (KAIROS_TEST_HOOKS=1): the row counts of a job's organisation, to show that a page created nothing. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!testHooksEnabled()) return new Response("Not found", { status: 404 });
  const counts = await countJobOrganizationRows((await params).id);
  return counts ? Response.json(counts) : new Response("not found", { status: 404 });
}
