import type { PaRequestRow } from '../../priorauth/index.js';

/** One Claim item's answer, in X12 278 terms (PAS reviewActionCode, X12 306). */
export type ItemDecision =
  | {
      kind: 'certified';
      partial: boolean;
      caseId: string;
      authorizationNumber: string;
      from: string;
      to: string;
      note: string;
    }
  | { kind: 'not-certified'; caseId: string; reasons: string[] }
  | { kind: 'pended'; caseId: string; note: string }
  | { kind: 'no-action'; note: string }
  | { kind: 'contact-payer'; caseId?: string; note: string }
  | { kind: 'cancelled'; caseId: string; note: string };

export const X12_306: Record<ItemDecision['kind'] | 'partial', { code: string; display: string }> = {
  certified: { code: 'A1', display: 'Certified in total' },
  partial: { code: 'A2', display: 'Certified - partial' },
  'not-certified': { code: 'A3', display: 'Not Certified' },
  pended: { code: 'A4', display: 'Pended' },
  'no-action': { code: 'NA', display: 'No Action Required' },
  'contact-payer': { code: 'CT', display: 'Contact Payer' },
  cancelled: { code: 'C', display: 'Cancelled' },
};

export const isFinal = (d: ItemDecision) => d.kind !== 'pended';

/** A case's current state as a PAS item decision: what $submit, $inquire and notifications all say. */
export function decisionOfCase(row: PaRequestRow): ItemDecision {
  const det = (row.determination ?? {}) as {
    reasons?: string[];
    authorizationNumber?: string;
    effectiveFrom?: string;
    effectiveTo?: string;
  };
  switch (row.status) {
    case 'approved':
    case 'deemed-approved':
    case 'partially-approved':
      return {
        kind: 'certified',
        partial: row.status === 'partially-approved',
        caseId: row.id,
        authorizationNumber: det.authorizationNumber ?? '',
        from: det.effectiveFrom ?? '',
        to: det.effectiveTo ?? '',
        note:
          row.status === 'deemed-approved'
            ? 'Deemed approved: the review clock ran out.'
            : `Approved for ${row.groupName} (every strength of this drug and dose form).`,
      };
    case 'denied':
      return { kind: 'not-certified', caseId: row.id, reasons: det.reasons ?? [] };
    case 'closed-no-response':
      return {
        kind: 'contact-payer',
        caseId: row.id,
        note: 'Closed: the information requested was not received. A new request or an appeal can be filed.',
      };
    case 'cancelled':
      return { kind: 'cancelled', caseId: row.id, note: 'The request was cancelled.' };
    case 'awaiting-answers':
      return {
        kind: 'pended',
        caseId: row.id,
        note: 'Pended: the questionnaire for this drug is not answered yet (DTR $questionnaire-package, then POST QuestionnaireResponse).',
      };
    case 'awaiting-information':
      return { kind: 'pended', caseId: row.id, note: 'Pended: the reviewer asked for more information.' };
    case 'submitted':
    case 'in-review':
      return {
        kind: 'pended',
        caseId: row.id,
        note: `Pended for clinical review${row.dueAt ? `; a decision is due by ${row.dueAt.toISOString()}` : ''}.`,
      };
    default:
      return { kind: 'pended', caseId: row.id, note: `Status: ${row.status}.` };
  }
}
