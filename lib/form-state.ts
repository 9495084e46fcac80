import type { z } from "zod";

/** What every form action returns: the outcome, a form-level message, and per-field messages. */
export type FormState = {
  ok: boolean;
  message?: string;
  /** Keyed by field name; list fields use dotted paths such as `questions.2.prompt`. */
  fieldErrors?: Record<string, string[]>;
  /** A refusal because this record already does what was asked (ConflictError): the form links to it. */
  existingId?: string;
};

export const initialFormState: FormState = { ok: false };

/** Maps a zod error to field messages keyed by dotted path. */
export function fieldErrorsFrom(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The refused-input state for a zod error. */
export function invalid(error: z.ZodError): FormState {
  return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsFrom(error) };
}
