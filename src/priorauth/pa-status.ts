export const PA_STATUSES = [
  'awaiting-answers',
  'submitted',
  'in-review',
  'awaiting-information',
  'approved',
  'partially-approved',
  'denied',
  'closed-no-response',
  'deemed-approved',
  'cancelled',
] as const;
export type PaStatus = (typeof PA_STATUSES)[number];

export const OPEN_STATUSES: PaStatus[] = ['awaiting-answers', 'submitted', 'in-review', 'awaiting-information'];
export const REVIEWABLE_STATUSES: PaStatus[] = ['submitted', 'in-review'];
export const FINAL_STATUSES: PaStatus[] = [
  'approved',
  'partially-approved',
  'denied',
  'closed-no-response',
  'deemed-approved',
  'cancelled',
];

export type Decision = 'approved' | 'partially-approved' | 'denied' | 'closed-no-response' | 'deemed-approved';

export type Actor =
  { username: string; role: string; displayName?: string | null; credential?: string | null } | 'system';

export function actorName(actor: Actor): { actor: string; actorRole: string } {
  return actor === 'system'
    ? { actor: 'system', actorRole: 'system' }
    : { actor: actor.username, actorRole: actor.role };
}

/** What a status change writes into its history (a case's and an appeal's history share these columns). */
export function historyEntry(
  o: { actor: Actor; at: Date; action: string; reason?: string | null; details?: Record<string, unknown> | null },
  fromStatus: string,
  toStatus: string,
) {
  return {
    at: o.at,
    ...actorName(o.actor),
    action: o.action,
    fromStatus,
    toStatus,
    reason: o.reason ?? null,
    details: o.details ?? null,
  };
}

/**
 * The PA outcomes an appeal can be filed against (docs/design.md#appeals: a denial, partial
 * approval or closure). Here, not in appeals/, because the case view offers the appeal: appeals
 * depends on priorauth, never the other way round.
 */
export const APPEALABLE_CASE_STATUSES = ['denied', 'partially-approved', 'closed-no-response'] as const;
