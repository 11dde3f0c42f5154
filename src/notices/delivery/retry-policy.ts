/**
 * Delivery retries: a fax line busy or an SMTP hiccup is retried with growing waits; after the
 * last attempt a person takes over (a work item), since an undelivered determination is no
 * determination.
 */
export const RETRY_DELAYS_MINUTES = [5, 15, 60, 240];
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

export function nextAttemptAt(attemptsSoFar: number, now: Date): Date | null {
  if (attemptsSoFar >= MAX_ATTEMPTS) return null;
  const minutes = RETRY_DELAYS_MINUTES[Math.min(attemptsSoFar - 1, RETRY_DELAYS_MINUTES.length - 1)];
  return new Date(now.getTime() + minutes * 60_000);
}
