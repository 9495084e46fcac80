import { z } from "zod";
import { emailField } from "@/app/(auth)/schema";
import { isValidTimeZone } from "@/lib/time-zones";

export const candidateSchema = z.object({
  name: z.string().trim().min(1, "Enter the candidate's name.").max(120, "Use at most 120 characters."),
  email: emailField,
  phone: z
    .string()
    .trim()
    .max(40, "Use at most 40 characters.")
    .regex(/^$|^\+?[0-9 ().-]{5,}$/, "Use digits, spaces and + ( ) - only, e.g. +1 415 555 0100.")
    .transform((phone) => phone || null),
  timeZone: z.string().trim().refine(isValidTimeZone, "Choose a time zone from the list."),
  notes: z.string().trim().max(5000, "Use at most 5,000 characters."),
});

export type CandidateFormInput = z.infer<typeof candidateSchema>;

export function candidateFromFormData(formData: FormData) {
  const field = (name: string) => String(formData.get(name) ?? "");
  return { name: field("name"), email: field("email"), phone: field("phone"), timeZone: field("timeZone"), notes: field("notes") };
}
