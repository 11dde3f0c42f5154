/**
 * Status groups the screens decide by. Appeal groups are the server's own (src/appeals/appeal-status.ts,
 * type-free constants); PA groups mirror src/priorauth (submitted … waiting for information run on
 * the plan's review clock).
 */
import { APPEALABLE_CASE_STATUSES, OPEN_APPEAL_STATUSES } from '../../../src/appeals/appeal-status';

/** PA statuses on the plan's review clock: their due time is time left. */
export const ON_CLOCK: readonly string[] = ['submitted', 'in-review', 'awaiting-information'];
/** PA statuses not finished yet, a draft included. */
export const OPEN_PA: readonly string[] = ['awaiting-answers', ...ON_CLOCK];

export const isOnClock = (status: string) => ON_CLOCK.includes(status);
export const isOpenPa = (status: string) => OPEN_PA.includes(status);
export const isOpenAppeal = (status: string) => (OPEN_APPEAL_STATUSES as readonly string[]).includes(status);
export const isAppealable = (caseStatus: string) =>
  (APPEALABLE_CASE_STATUSES as readonly string[]).includes(caseStatus);
