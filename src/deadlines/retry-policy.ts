/**
 * A deadline whose handler fails is retried on its own schedule, so one bad row never holds up
 * another: 1, 5, 15 and 60 minutes after each failure, then it is dead-lettered to a person.
 * Legal clocks are hours or days long; an hour and a half of retries stays well inside them.
 */
export const DEADLINE_RETRY_MINUTES = [1, 5, 15, 60];
export const DEADLINE_MAX_ATTEMPTS = DEADLINE_RETRY_MINUTES.length + 1;

/** When attempt `attemptsSoFar + 1` may run, or null when the row has had its last attempt. */
export function nextDeadlineAttemptAt(attemptsSoFar: number, now: Date): Date | null {
  if (attemptsSoFar >= DEADLINE_MAX_ATTEMPTS) return null;
  const minutes = DEADLINE_RETRY_MINUTES[Math.max(0, attemptsSoFar - 1)];
  return new Date(now.getTime() + minutes * 60_000);
}
