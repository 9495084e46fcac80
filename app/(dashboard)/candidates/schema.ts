import { z } from "zod";
import { emailField, nameField, phoneField, textField, timeZoneField } from "@/lib/fields";

export const candidateSchema = z.object({
  name: nameField("Enter the candidate's name."),
  email: emailField,
  phone: phoneField,
  timeZone: timeZoneField,
  notes: textField(),
});

export type CandidateFormInput = z.infer<typeof candidateSchema>;

export function candidateFromFormData(formData: FormData) {
  const field = (name: string) => String(formData.get(name) ?? "");
  return { name: field("name"), email: field("email"), phone: field("phone"), timeZone: field("timeZone"), notes: field("notes") };
}
