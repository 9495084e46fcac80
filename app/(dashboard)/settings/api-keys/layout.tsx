import type { ReactNode } from "react";
import { requireRole } from "@/lib/accounts/auth";
import { Role } from "@/lib/generated/prisma/enums";

/**
 * Owners and admins only: anyone else is "not found" here, before the loading state starts
 * streaming (a real 404, not a 200 page that says it). The page checks again.
 */
export default async function Layout({ children }: { children: ReactNode }) {
  await requireRole(Role.ADMIN);
  return children;
}
