/** The classes of a text input, textarea or native select, with Field or without. */
export const controlClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-ink-900 ring-1 ring-inset ring-ink-300 " +
  "placeholder:text-ink-400 focus:ring-2 focus:ring-inset focus:ring-accent-600 focus:outline-none " +
  "aria-[invalid=true]:ring-danger-600 disabled:bg-ink-50 disabled:text-ink-500";
