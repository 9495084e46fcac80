"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { initialFormState, type FormState } from "@/lib/form-state";

/**
 * useActionState for forms that must keep what the user typed. React resets a form after its
 * `action` runs; submitting through onSubmit instead leaves every field (controlled or not,
 * Radix selects included) as it was, so a refused form shows its errors next to the input.
 * The `action` prop still works without JavaScript.
 */
export function useFormAction(action: (prev: FormState, formData: FormData) => Promise<FormState>) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  return { state, formAction, onSubmit, pending };
}
