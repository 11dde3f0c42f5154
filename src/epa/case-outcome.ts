import type { CriteriaSet } from '../priorauth/rules/criteria-set.js';
import type { CaseOutcomeView } from '../priorauth/request-view.js';
import { informationRequestQuestionSet, toQuestionSet } from './question-set.js';
import type { CaseOutcome } from './script-responses.js';

interface Determination {
  decision?: string;
  reasons?: string[];
  authorizationNumber?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  approvedQuantity?: number | null;
  note?: string;
}

/** What the sender must know about a case: `information-request-2`, `approved`, … (null: nothing to tell). */
export function caseEvent(view: Pick<CaseOutcomeView, 'status' | 'informationRequests'>): string | null {
  if (view.status === 'awaiting-information') {
    const open = view.informationRequests.find((r) => r.status === 'open');
    return open ? `information-request-${open.sequence}` : null;
  }
  if (view.status === 'in-review' || view.status === 'submitted') return 'pended';
  if (view.status === 'awaiting-answers') return 'open';
  return view.status;
}

export const isFinalEvent = (event: string | null) =>
  event !== null && event !== 'pended' && event !== 'open' && !event.startsWith('information-request-');

/**
 * The case as a SCRIPT outcome (docs/epa-script.md#outcomes): the same answer for PAResponse,
 * PANotification and a repeated PARequest, read from the case the portals show.
 */
export function caseOutcome(
  view: CaseOutcomeView,
  criteria: CriteriaSet,
  options: { answersDeadline: string; appealRights: string },
): CaseOutcome {
  const d = (view.determination ?? {}) as Determination;
  const base = () => toQuestionSet(criteria.questionnaire, criteria);
  switch (view.status) {
    case 'approved':
    case 'deemed-approved':
    case 'partially-approved':
      return {
        kind: 'approved',
        authorizationNumber: d.authorizationNumber!,
        effectiveFrom: d.effectiveFrom!,
        effectiveTo: d.effectiveTo!,
        quantity: d.approvedQuantity ?? undefined,
        daysSupply: view.daysSupply,
        note:
          view.status === 'deemed-approved'
            ? 'Deemed approved: the plan did not decide within the time the law allows.'
            : view.status === 'partially-approved'
              ? `Partially approved: ${(d.reasons ?? []).join(' ')} The rest may be appealed.`
              : undefined,
      };
    case 'denied':
      return {
        kind: 'denied',
        reasons: d.reasons?.length ? d.reasons : ['The coverage criteria were not met.'],
        appealRights: options.appealRights,
        appealDeadline: view.appealFiling?.deadline,
      };
    case 'closed-no-response':
      return {
        kind: 'closed',
        reasonCode: 'ClosedNoResponse',
        description: 'Closed: the information requested was not received in time. The closure may be appealed.',
      };
    case 'cancelled':
      return { kind: 'closed', reasonCode: 'Cancelled', description: (d.reasons ?? ['Withdrawn']).join(' ') };
    case 'awaiting-information': {
      const open = view.informationRequests.find((r) => r.status === 'open');
      if (!open)
        return {
          kind: 'pended',
          note: 'Information is still missing and no further request will be sent; the case closes at the response deadline.',
        };
      return {
        kind: 'open',
        questionSet: informationRequestQuestionSet(view.id, open.sequence, open.items as never, base()),
        deadline: open.dueAt,
        note: open.note ?? `Information request ${open.sequence}: answer by ${open.dueAt}.`,
      };
    }
    case 'awaiting-answers':
      return { kind: 'open', questionSet: base(), deadline: options.answersDeadline };
    default:
      return {
        kind: 'pended',
        dueAt: view.dueAt ?? undefined,
        note: 'A clinician reviews the request; the decision is sent as a PANotification by the due time.',
      };
  }
}
