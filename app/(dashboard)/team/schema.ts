import { z } from "zod";
import { emailField } from "@/lib/fields";
import { Role } from "@/lib/generated/prisma/enums";

const roleField = z.enum(Role, { error: "Choose a role." });

export const inviteSchema = z.object({ email: emailField, role: roleField.default(Role.RECRUITER) });
export const roleSchema = z.object({ role: roleField });
