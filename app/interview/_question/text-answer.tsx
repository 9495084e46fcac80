"use client";

import type { Ref } from "react";
import { LocalDate } from "@/components/local-date";
import { controlClass } from "@/components/ui/control-class";
import type { SaveState } from "./use-answer-draft";
import { reportPaste } from "./use-integrity-signals";
import { ANSWER_TEXT_MAX } from "@/lib/limits";

/** A written answer's field, and the line under it that says whether what is typed is saved. */
export function TextAnswer({
  answerId,
  text,
  onChange,
  saved,
  disabled,
  ref,
}: {
  answerId: string;
  text: string;
  onChange: (text: string) => void;
  saved: SaveState;
  disabled: boolean;
  ref: Ref<HTMLTextAreaElement>;
}) {
  return (
    <div className="space-y-2">
      <label htmlFor="answer" className="block text-sm font-medium text-ink-800">
        Your answer
      </label>
      <textarea
        ref={ref}
        id="answer"
        rows={8}
        maxLength={ANSWER_TEXT_MAX}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onPaste={(e) => reportPaste(answerId, e.clipboardData.getData("text").length)}
        disabled={disabled}
        aria-describedby="save-state"
        className={controlClass}
      />
      <p id="save-state" className="text-sm text-ink-600" aria-live="polite">
        {saved.state === "saving" && "Saving…"}
        {saved.state === "saved" && saved.at && (
          <>
            Saved at <LocalDate value={saved.at} options={{ dateStyle: undefined, timeStyle: "medium" }} />
          </>
        )}
        {saved.state === "error" && <span className="text-danger-700">{saved.message}</span>}
      </p>
    </div>
  );
}
