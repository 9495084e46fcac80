import { z } from "zod";
import { emailField } from "@/lib/fields";

export const inviteSchema = z.object({ email: emailField });
