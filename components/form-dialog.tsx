"use client";

import { Dialog } from "radix-ui";
import { useEffect, useState, type ReactNode } from "react";
import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/form-state";

/**
 * A form in a modal dialog (Radix: focus moves in and back, Escape closes): the form's refusal
 * above its fields, each field's errors beside it (children get them), Cancel and Submit below.
 * A form that went through closes the dialog and hands its message to `onDone` (the page's notice);
 * one whose action redirects never comes back here.
 */
export function FormDialog({
  trigger,
  title,
  description,
  action,
  cancelLabel,
  submitLabel,
  pendingLabel,
  onDone,
  wide = false,
  children,
}: {
  /** The button that opens it (a Button, for asChild). */
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  cancelLabel: string;
  submitLabel: string;
  pendingLabel: string;
  /** Stable (a setter, a context function): it is an effect's dependency. */
  onDone?: (message: string) => void;
  /** 32rem instead of 28rem, for a list of choices. */
  wide?: boolean;
  children: (errors: Record<string, string[] | undefined>) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const { state, formAction, onSubmit, pending } = useFormAction(action);
  // Closed while rendering the new state, not in an effect after it.
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state.ok) setOpen(false);
  }
  // The notice belongs to another component: told after rendering, not during it.
  useEffect(() => {
    if (state.ok && state.message) onDone?.(state.message);
  }, [state, onDone]);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink-950/40" />
        <Dialog.Content
          className={`fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] ${wide ? "w-[min(32rem,calc(100vw-2rem))]" : "w-[min(28rem,calc(100vw-2rem))]"} -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl`}
        >
          <Dialog.Title className="text-base font-semibold text-ink-900">{title}</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-ink-600">{description}</Dialog.Description>
          <form action={formAction} onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
            {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
            {children(state.fieldErrors ?? {})}
            <div className="flex justify-end gap-3">
              <Dialog.Close asChild>
                <Button variant="secondary">{cancelLabel}</Button>
              </Dialog.Close>
              <Button type="submit" disabled={pending}>
                {pending ? pendingLabel : submitLabel}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
