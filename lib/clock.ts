/**
 * The server's idea of "now". Everything that compares against the current time (access windows,
 * timers, expiry) calls now(), so tests can move time instead of sleeping.
 */
let override: (() => Date) | null = null;

/** The current time (or the time a test has set). */
export function now(): Date {
  return override ? override() : new Date();
}

/** Tests only: fix the clock at `at`, or restore the real clock with null. */
export function setClock(at: Date | null): void {
  override = at ? () => new Date(at.getTime()) : null;
}
