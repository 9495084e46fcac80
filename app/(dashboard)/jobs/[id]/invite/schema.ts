import { z } from "zod";
import { recordId, timeZoneField } from "@/lib/fields";
import { BULK_PASTE_MAX, BULK_ROWS_MAX } from "@/lib/limits";
import { duration, readTiming, timingFields } from "../../../interviews/schema";

// The bulk invitation's two forms: what to preview (people from a file, a paste and the
// candidate list), then the confirmation (the same people, when, how long, and the batch's id).

const optionalZone = z
  .string()
  .trim()
  .max(200)
  .default("")
  .transform((text, ctx) => {
    if (!text) return null;
    const zone = timeZoneField.safeParse(text);
    if (!zone.success) ctx.addIssue({ code: "custom", message: "Choose a time zone from the list, or leave it empty." });
    return zone.data ?? null;
  });

const candidateIds = z.array(recordId, { error: "Choose candidates from the list." }).max(BULK_ROWS_MAX, `Choose at most ${BULK_ROWS_MAX.toLocaleString("en-US")} candidates.`);

/** Reads the preview form: repeated candidateId fields, the paste box, the file, the zone for rows without one. */
export function previewFromFormData(form: FormData) {
  const file = form.get("file");
  return {
    candidateIds: form.getAll("candidateId").filter((v) => v !== ""),
    pasted: form.get("pasted") ?? "",
    // A file input with nothing chosen still sends an empty file (its name varies by browser and
    // by how the action is called), so an empty file counts as none; one of only blank lines is refused.
    file: file instanceof File && file.size > 0 ? file : null,
    defaultTimeZone: form.get("defaultTimeZone") ?? "",
  };
}

export const previewSchema = z.object({
  candidateIds,
  pasted: z.string().max(BULK_PASTE_MAX, "That is too much text to paste. Upload it as a CSV file instead."),
  file: z.instanceof(File).nullable(),
  defaultTimeZone: optionalZone,
});

const text = z.string().max(2000);
const row = z.object({
  source: z.enum(["csv", "paste"]),
  line: z.number().int().min(1).max(10_000_000),
  name: text,
  email: text,
  timeZone: text,
  phone: text,
  externalId: text,
});

/** The people of a preview as the confirmation carries them back (checked again on the server). */
export const inviteesSchema = z.object({
  rows: z.array(row).max(BULK_ROWS_MAX),
  candidateIds,
  defaultTimeZone: z.string().max(200).nullable(),
});

export const confirmSchema = z
  .object({
    batchId: z.uuid("Reload the page and try again."),
    invitees: z
      .string()
      .max(4 * 1024 * 1024)
      .transform((json, ctx) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(json);
        } catch {
          parsed = null;
        }
        const invitees = inviteesSchema.safeParse(parsed);
        // Made by the preview, never typed: anything else was not sent by our page.
        if (!invitees.success) ctx.addIssue({ code: "custom", message: "The list could not be read. Preview it again." });
        return invitees.data ?? { rows: [], candidateIds: [], defaultTimeZone: null };
      }),
    ...timingFields,
    durationMinutes: duration,
  })
  .transform((form, ctx) => {
    return {
      batchId: form.batchId,
      ...form.invitees,
      ...readTiming(form, ctx),
      durationMinutes: form.durationMinutes,
    };
  });
