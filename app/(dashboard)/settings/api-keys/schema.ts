import { z } from "zod";
import { isApiScope } from "@/lib/api/scopes";
import { textField } from "@/lib/fields";
import { API_KEY_EXPIRY_DAYS, API_KEY_NAME_MAX } from "@/lib/limits";

/** The expiry choices as the form's select sends them: a number of days, or "never". */
export const EXPIRY_CHOICES = [...API_KEY_EXPIRY_DAYS.choices.map(String), "never"] as const;

/** A new API key: its name, its scopes, and how long it works (days, or null for until revoked). */
export const apiKeySchema = z.object({
  name: textField(API_KEY_NAME_MAX).min(1, "Name the key after what will use it, such as “Greenhouse”."),
  // Checked as one field (not per item), so a refusal sits beside the checkboxes, not at "scopes.3".
  scopes: z
    .array(z.string().max(40))
    .max(20)
    .refine((scopes) => scopes.length > 0, "Choose at least one scope.")
    .refine((scopes) => scopes.every(isApiScope), "Choose from the listed scopes."),
  expiresInDays: z
    .string({ error: "Choose when the key expires." })
    .refine((value) => (EXPIRY_CHOICES as readonly string[]).includes(value), "Choose when the key expires.")
    .transform((value) => (value === "never" ? null : Number(value))),
});

export type ApiKeyFormInput = z.input<typeof apiKeySchema>;

/** The form's fields: one `scope` checkbox per scope; anything that is not text counts as no scope. */
export const apiKeyFromFormData = (form: FormData) => ({
  name: form.get("name") ?? "",
  scopes: form.getAll("scope").map((value) => (typeof value === "string" ? value : "")),
  expiresInDays: form.get("expiresInDays") ?? "",
});
