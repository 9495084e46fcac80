import { z } from "zod";
import { atMost, emailField, nameField, textField, timeZoneField } from "@/lib/fields";
import { PHONE_MAX } from "@/lib/limits";

export const candidateSchema = z.object({
  name: nameField("Enter the candidate's name."),
  email: emailField,
  phone: z
    .string()
    .trim()
    .max(PHONE_MAX, atMost(PHONE_MAX))
    .regex(/^$|^\+?[0-9 ().-]{5,}$/, "Use digits, spaces and + ( ) - only, e.g. +1 415 555 0100.")
    .transform((phone) => phone || null),
  timeZone: timeZoneField,
  notes: textField(),
});

export type CandidateFormInput = z.infer<typeof candidateSchema>;

export function candidateFromFormData(formData: FormData) {
  const field = (name: string) => String(formData.get(name) ?? "");
  return { name: field("name"), email: field("email"), phone: field("phone"), timeZone: field("timeZone"), notes: field("notes") };
}
