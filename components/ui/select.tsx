"use client";

import { Select as RadixSelect } from "radix-ui";
import { cn } from "./cn";

export type SelectOption = { value: string; label: string };

/**
 * A Radix select that also submits with its form (`name`). Keyboard: arrows, type-ahead, Enter.
 */
export function Select({
  id,
  name,
  options,
  value,
  defaultValue,
  onValueChange,
  "aria-invalid": ariaInvalid,
  "aria-describedby": ariaDescribedBy,
  "aria-label": ariaLabel,
  placeholder,
  className,
}: {
  id?: string;
  name?: string;
  options: SelectOption[];
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  "aria-label"?: string;
  /** Shown while nothing is chosen (the form then submits an empty value). */
  placeholder?: string;
  className?: string;
}) {
  return (
    <RadixSelect.Root name={name} value={value} defaultValue={defaultValue} onValueChange={onValueChange}>
      <RadixSelect.Trigger
        id={id}
        aria-invalid={ariaInvalid}
        aria-describedby={ariaDescribedBy}
        aria-label={ariaLabel}
        className={cn(
          "flex h-9 w-full items-center justify-between gap-2 rounded-md bg-white px-3 text-left text-sm text-ink-900 data-[placeholder]:text-ink-500",
          "ring-1 ring-inset ring-ink-300 focus:ring-2 focus:ring-accent-600 focus:outline-none aria-[invalid=true]:ring-danger-600",
          className,
        )}
      >
        <RadixSelect.Value placeholder={placeholder} />
        <RadixSelect.Icon aria-hidden className="text-ink-500">
          ▾
        </RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal>
        <RadixSelect.Content position="popper" sideOffset={4} className="z-50 min-w-[var(--radix-select-trigger-width)] overflow-hidden rounded-md bg-white shadow-lg ring-1 ring-ink-200">
          <RadixSelect.Viewport className="p-1">
            {options.map((option) => (
              <RadixSelect.Item
                key={option.value}
                value={option.value}
                className="cursor-default rounded px-2 py-1.5 text-sm text-ink-900 outline-none select-none data-[highlighted]:bg-accent-50 data-[state=checked]:font-semibold"
              >
                <RadixSelect.ItemText>{option.label}</RadixSelect.ItemText>
              </RadixSelect.Item>
            ))}
          </RadixSelect.Viewport>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  );
}
