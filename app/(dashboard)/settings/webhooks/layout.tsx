import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireMember } from "@/lib/accounts/auth";
import { managesTeam } from "@/lib/accounts/roles";

/**
 * Webhooks are for owners and admins; anyone else gets the 404 a missing page gets. Checked here,
 * outside the pages' loading boundary, so the answer is a real 404 status and not a streamed one.
 */
export default async function WebhooksLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  if (!managesTeam(member.role)) notFound();
  return children;
}
