import { z } from "zod";
import { emailField } from "@/app/(auth)/schema";

export const inviteSchema = z.object({ email: emailField });
