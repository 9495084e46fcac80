import type { Role } from "@/lib/generated/prisma/enums";

/** A signed-in member acting on their organisation's interviews: the organisation scopes every change. */
export interface Manager {
  userId: string;
  organizationId: string;
}

/** A signed-in member reading or reviewing interviews: what they see depends on their role too. */
export interface Viewer extends Manager {
  role: Role;
}
