export const APPEAL_STATUSES = [
  'submitted',
  'in-review',
  'overturned',
  'partially-overturned',
  'upheld',
  'withdrawn',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export function isAppealStatus(value: string): value is AppealStatus {
  return (APPEAL_STATUSES as readonly string[]).includes(value);
}

/** An appeal waiting for (or in) review; at most one per case. */
export const OPEN_APPEAL_STATUSES: AppealStatus[] = ['submitted', 'in-review'];

export const APPEAL_DECISIONS = ['overturned', 'partially-overturned', 'upheld'] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];

export const FILED_BY = ['member', 'prescriber', 'representative'] as const;
export type FiledBy = (typeof FILED_BY)[number];

export { APPEALABLE_CASE_STATUSES } from '../priorauth/pa-status.js';

export const isOpenAppeal = (status: string) => OPEN_APPEAL_STATUSES.includes(status as AppealStatus);
