import { Role } from "@/lib/generated/prisma/enums";

// Who may do what. Roles are ranked: each may do everything the one below it may.
//   OWNER      everything, and the only one who makes or unmakes owners
//   ADMIN      the team (invitations, roles, removals) and the organisation's settings
//   RECRUITER  jobs, candidates and interviews
//   REVIEWER   only the interviews they are asked to review: reads and scores them, never the
//              candidate's contact details
// No database here: the pages, the action pipeline (lib/actions.ts) and lib/ all ask these.

const RANK: Record<Role, number> = { [Role.REVIEWER]: 0, [Role.RECRUITER]: 1, [Role.ADMIN]: 2, [Role.OWNER]: 3 };

/** The roles, highest first (the Team page's choices). */
export const ROLES: readonly Role[] = [Role.OWNER, Role.ADMIN, Role.RECRUITER, Role.REVIEWER];

export const ROLE_LABELS: Record<Role, string> = { [Role.OWNER]: "Owner", [Role.ADMIN]: "Admin", [Role.RECRUITER]: "Recruiter", [Role.REVIEWER]: "Reviewer" };

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  [Role.OWNER]: "Everything, including making other owners.",
  [Role.ADMIN]: "Manages the team and settings, and everything a recruiter does.",
  [Role.RECRUITER]: "Manages jobs, candidates and interviews, and reviews them.",
  [Role.REVIEWER]: "Sees and scores only the interviews they are asked to review; no contact details.",
};

/** Whether `role` is `least` or above it. */
export function atLeast(role: Role, least: Role): boolean {
  return RANK[role] >= RANK[least];
}

/** Manages the team and the organisation's settings. */
export const managesTeam = (role: Role) => atLeast(role, Role.ADMIN);
/** Manages jobs, candidates and interviews; sees every interview of the organisation. */
export const managesInterviews = (role: Role) => atLeast(role, Role.RECRUITER);
/** Sees candidates' contact details (a reviewer does not). */
export const seesContactDetails = managesInterviews;

/**
 * Whether `actor` may give `target` the role `to` (or remove them, `to` null): admins manage
 * everyone below owner; only an owner makes, unmakes or removes an owner.
 */
export function mayChangeRole(actor: Role, target: Role, to: Role | null): boolean {
  if (!managesTeam(actor)) return false;
  if (actor === Role.OWNER) return true;
  return target !== Role.OWNER && to !== Role.OWNER;
}
