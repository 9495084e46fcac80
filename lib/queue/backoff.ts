/** How a queue backs off: the first wait, and the longest. */
export interface BackoffShape {
  baseMs: number;
  capMs: number;
}

/**
 * Exponential backoff with jitter: base, 2 × base, 4 × base … capped at `capMs`, each 50–100 % of
 * that, so senders that failed together (an outage) do not all come back in the same second.
 */
export function backoff(attempt: number, { baseMs, capMs }: BackoffShape): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.5 + Math.random() * 0.5));
}
