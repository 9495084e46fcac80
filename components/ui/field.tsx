import { useId, type ReactElement, type ReactNode } from "react";
import { cn } from "./cn";

// In a module of its own so a page that styles a bare control does not ship Field with it.
export { controlClass } from "./control-class";

type ControlProps = { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

/**
 * A labelled form control with its hint and error. The control gets the ids that tie the label,
 * hint and error message to it, so screen readers announce all three.
 */
export function Field({
  label,
  hint,
  errors,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  children: (props: ControlProps) => ReactElement;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-ink-800">
        {label}
      </label>
      {children({ id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={hintId} className="text-xs text-ink-500">
          {hint}
        </p>
      )}
      <p id={errorId} aria-live="polite" className="text-sm text-danger-700 empty:hidden">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
