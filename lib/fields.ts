import { z } from "zod";
import { EMAIL_MAX, NAME_MAX, NOTES_MAX, PASSWORD_MAX, PASSWORD_MIN, PHONE_MAX } from "@/lib/limits";
import { isValidTimeZone, zoneFromPickerText } from "@/lib/time-zones";

// Fields more than one form asks for, defined once: every form's schema imports them.

/** A record's id as this app makes them (cuid or UUID): any other value names nothing. */
export const recordId = z.union([z.cuid(), z.uuid()]);

/** The message for text over `max` characters. */
export const atMost = (max: number) => `Use at most ${max.toLocaleString("en-US")} characters.`;

/** An email address, trimmed and lower-cased (accounts and candidates are matched that way). */
export const emailField = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(EMAIL_MAX, `Email addresses are at most ${EMAIL_MAX} characters.`)
  .pipe(z.email("Enter a valid email address, like name@example.com."))
  .transform((email) => email.toLowerCase());

export const passwordField = z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`).max(PASSWORD_MAX, atMost(PASSWORD_MAX));

/** A person's or an organisation's name; `missing` is what an empty one is told. */
export const nameField = (missing: string) => z.string().trim().min(1, missing).max(NAME_MAX, atMost(NAME_MAX));

/** A phone number as people write one; empty means none (null). */
export const phoneField = z
  .string()
  .trim()
  .max(PHONE_MAX, atMost(PHONE_MAX))
  .regex(/^$|^\+?[0-9 ().-]{5,}$/, "Use digits, spaces and + ( ) - only, e.g. +1 415 555 0100.")
  .transform((phone) => phone || null);

/** An IANA time zone, as the picker sends it (its label, a zone name or a city: zoneFromPickerText). */
export const timeZoneField = z.string().trim().transform(zoneFromPickerText).refine(isValidTimeZone, "Choose a time zone from the list.");

/** The browser's zone from a hidden field (a new account's default): anything missing or unknown is simply not set. */
export const browserTimeZoneField = z.unknown().optional().transform((value) => (typeof value === "string" && isValidTimeZone(value.trim()) ? value.trim() : null));

/** Free text up to `max` characters (notes, descriptions), trimmed. */
export const textField = (max = NOTES_MAX) => z.string().trim().max(max, atMost(max));

/**
 * Text without NUL characters: PostgreSQL cannot store U+0000 in text, so it is dropped where text
 * enters (actions, search boxes) rather than failing the write and losing what was typed.
 */
export function withoutNul(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
}
