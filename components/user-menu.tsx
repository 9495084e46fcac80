"use client";

import { DropdownMenu } from "radix-ui";
import { signOut } from "next-auth/react";

export function UserMenu({ name, email, organizationName }: { name: string; email: string; organizationName: string }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-ink-700 hover:bg-ink-100 focus-visible:outline-2 focus-visible:outline-accent-600"
      >
        <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-full bg-accent-600 text-xs font-semibold text-white">
          {initials(name)}
        </span>
        <span className="hidden text-left sm:block">
          <span className="block font-medium text-ink-900">{name}</span>
          <span className="block text-xs text-ink-500">{organizationName}</span>
        </span>
        <span className="sr-only">, account menu</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-56 rounded-md bg-white p-1 shadow-lg ring-1 ring-ink-200">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-ink-500">{email}</DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-ink-200" />
          <DropdownMenu.Item
            onSelect={() => signOut({ callbackUrl: "/sign-in" })}
            className="cursor-default rounded px-2 py-1.5 text-sm text-ink-900 outline-none data-[highlighted]:bg-accent-50"
          >
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}
