/**
 * One pass of an outbox sweep: claim the next due message, try to deliver it, until nothing is due
 * or `max` messages were tried (so one sweep never runs unbounded). Claiming is the caller's
 * (a conditional update or SKIP LOCKED, so two workers never send one message); so is the backoff
 * a failed delivery records. Used by the PAS rest-hook and the ePA PANotification deliveries.
 */
export async function drainOutbox<T>(opts: {
  max: number;
  claimNext: () => Promise<T | null | undefined>;
  deliver: (message: T) => Promise<boolean>;
}): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  for (let i = 0; i < opts.max; i++) {
    const message = await opts.claimNext();
    if (!message) break;
    if (await opts.deliver(message)) delivered++;
    else failed++;
  }
  return { delivered, failed };
}
