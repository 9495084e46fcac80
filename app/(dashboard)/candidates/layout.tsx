import type { ReactNode } from "react";
import { requireRole } from "@/lib/accounts/auth";
import { Role } from "@/lib/generated/prisma/enums";

/**
 * Recruiters and above only: a reviewer's request is "not found" here, before the list's loading
 * state starts streaming (a 404, not a 200 page that says it). Each page checks again: a layout is
 * not rendered again when the browser moves between its pages.
 */
export default async function Layout({ children }: { children: ReactNode }) {
  await requireRole(Role.RECRUITER);
  return children;
}
