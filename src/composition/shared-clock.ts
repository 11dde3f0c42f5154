import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { ManualClock, type Clock } from '../platform/clock.js';

/**
 * The manual clock (CLOCK=manual, tests and demos) under WORKERS=N: each process has its own
 * clock, so a move made through one process is relayed by the supervisor to the others, and the
 * move is answered only once every process has it — the next request, whichever process takes
 * it, sees the same time. Outside a cluster these are no-ops.
 */
export const CLOCK_MOVED = 'openpbm:clock-moved';
export const CLOCK_SET = 'openpbm:clock-set';
export const CLOCK_ACK = 'openpbm:clock-ack';
export const CLOCK_SHARED = 'openpbm:clock-shared';

export interface ClockMessage {
  type: typeof CLOCK_MOVED | typeof CLOCK_SET | typeof CLOCK_ACK | typeof CLOCK_SHARED;
  id: string;
  at?: string;
}

export function isClockMessage(m: unknown): m is ClockMessage {
  return typeof m === 'object' && m !== null && String((m as { type?: unknown }).type).startsWith('openpbm:clock-');
}

/** Worker side: take the moves made in sibling processes (a clock only moves forward). */
export function followSharedClock(clock: Clock): void {
  if (!cluster.isWorker || !(clock instanceof ManualClock)) return;
  process.on('message', (m: unknown) => {
    if (!isClockMessage(m) || m.type !== CLOCK_SET || !m.at) return;
    const at = Date.parse(m.at);
    if (at > clock.now().getTime()) clock.set(new Date(at));
    process.send!({ type: CLOCK_ACK, id: m.id } satisfies ClockMessage);
  });
}

/** After this process moved its clock: resolves once every sibling has the same time (5 s at most). */
export function shareClockMove(clock: Clock): Promise<void> {
  if (!cluster.isWorker || !process.send) return Promise.resolve();
  const id = randomUUID();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      process.off('message', onMessage);
      resolve();
    };
    const onMessage = (m: unknown) => {
      if (isClockMessage(m) && m.type === CLOCK_SHARED && m.id === id) done();
    };
    const timer = setTimeout(done, 5000);
    process.on('message', onMessage);
    process.send!({ type: CLOCK_MOVED, id, at: clock.now().toISOString() } satisfies ClockMessage);
  });
}
