import { z } from "zod";
import { passwordField, timeZoneField } from "@/lib/fields";
import { PASSWORD_MAX, RETENTION_DAYS } from "@/lib/limits";

const DAYS_MESSAGE = `Enter a whole number of days from ${RETENTION_DAYS.min} to ${RETENTION_DAYS.max}.`;

/** How long answers and recordings are kept (the same bounds lib/interviews/lifecycle/retention.ts enforces). */
export const retentionSchema = z.object({
  retentionDays: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce.number({ error: DAYS_MESSAGE }).int(DAYS_MESSAGE).min(RETENTION_DAYS.min, DAYS_MESSAGE).max(RETENTION_DAYS.max, DAYS_MESSAGE),
  ),
});

/** The organisation's transcription switch: the form sends the state to change to. */
export const transcriptionSchema = z.object({
  enabled: z.enum(["on", "off"], { error: "Choose on or off." }).transform((value) => value === "on"),
});

/** Changing one's own password: the current one (checked by lib/accounts/change-password.ts) and a new one. */
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX, "This is not your current password."),
  newPassword: passwordField,
});

/** The signed-in recruiter's own time zone (their emails use it). */
export const timeZoneSchema = z.object({ timeZone: timeZoneField });
