import { mayChangeRole, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/accounts/roles";
import { Role } from "@/lib/generated/prisma/enums";

/** The roles `actor` may give someone who is now `target` (the invitation form: a reviewer-to-be). */
export function roleOptions(actor: Role, target: Role = Role.REVIEWER) {
  return ROLES.filter((role) => mayChangeRole(actor, target, role)).map((role) => ({ value: role, label: ROLE_LABELS[role], description: ROLE_DESCRIPTIONS[role] }));
}
