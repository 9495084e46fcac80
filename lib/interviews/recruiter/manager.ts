import type { Role } from "@/lib/generated/prisma/enums";

/** A signed-in member acting on their organisation's interviews: the organisation scopes every change. */
export interface Manager {
  userId: string;
  organizationId: string;
  /** Set when the change comes through the public API with this key (acting as its creator, userId): the audit trail says so. */
  apiKeyId?: string;
}

/** A signed-in member reading or reviewing interviews: what they see depends on their role too. */
export interface Viewer extends Manager {
  role: Role;
}
