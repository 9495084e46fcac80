import { z } from "zod";
import { textField } from "@/lib/fields";
import { WEBHOOK_DESCRIPTION_MAX as DESCRIPTION_MAX } from "@/lib/limits";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";

/** A new endpoint: its URL (checked again by lib/webhooks, which knows the production rules), description and events. */
export const endpointSchema = z.object({
  url: z.string().trim().min(1, "Enter the URL Kairos should send events to.").max(2_000, "Use at most 2,000 characters."),
  description: textField(DESCRIPTION_MAX),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Choose events from the list." })).min(1, "Choose at least one event."),
});

/** Reads the form: repeated `events` checkboxes become a list. */
export function readEndpointForm(form: FormData) {
  return { url: form.get("url") ?? "", description: form.get("description") ?? "", events: form.getAll("events") };
}
