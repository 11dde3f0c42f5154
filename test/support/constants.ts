/** Friday 2026-11-20, 09:00 in California: the manual clock's start in every test. */
export const TEST_CLOCK_START = '2026-11-20T17:00:00.000Z';
export const TEST_TODAY = '2026-11-20';
