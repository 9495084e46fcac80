"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/lib/form-state";
import { openNextQuestionAction } from "../actions";

/** Continue: opens the next question (a POST; the page then shows it). */
export function ContinueForm({ nextNumber }: { nextNumber: number }) {
  const [state, action, pending] = useActionState(openNextQuestionAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <Button type="submit" disabled={pending} className="w-full justify-center sm:w-auto">
        {pending ? "Opening…" : `Continue with question ${nextNumber}`}
      </Button>
    </form>
  );
}
