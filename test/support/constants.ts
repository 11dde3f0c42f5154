import { OPERATIONS_TIME_ZONE, todayInZone } from '../../src/platform/plan-time.js';
/** Friday 2026-11-20, 09:00 in California: the manual clock's start in every test. */
export const TEST_CLOCK_START = '2026-11-20T17:00:00.000Z';
export const TEST_TODAY = '2026-11-20';

/**
 * The date in the plans' time zone (California) on a test app's manual clock: what a claim filled "today"
 * is dated, and what a screen calls today. The plans' own rule (platform/plan-time.ts), not a fixed offset.
 */
export function testToday(t: { clock: { now(): Date } }): string {
  return todayInZone(t.clock.now(), OPERATIONS_TIME_ZONE);
}
