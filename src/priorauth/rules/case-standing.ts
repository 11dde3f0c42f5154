/**
 * Where a case stands for the people who read it (docs/design.md#appeals): the case keeps its own
 * determination, but an appeal that overturned it — in whole or in part — created an authorization,
 * and every screen, list and claim advice must say "approved on appeal" with that authorization,
 * not the original "denied". Pure: the facts come from the case's history and its authorization.
 */

/** The authorization a case stands on today (the newest active one created for it). */
export interface CaseAuthorization {
  number: string;
  effectiveFrom: string;
  effectiveTo: string;
  maxUnits: number | null;
  perDays: number | null;
}

export interface StandingFacts {
  /** The case's last appeal step in its history: appeal-filed | appeal-withdrawn | appeal-<decision>. */
  lastAppealAction: string | null;
  authorization: CaseAuthorization | null;
}

export type AppealState = 'open' | 'withdrawn' | 'overturned' | 'partially-overturned' | 'upheld';

export interface CaseStanding {
  /** The case status, or approved-on-appeal / partially-approved-on-appeal after an appeal was won. */
  status: string;
  /** The case's latest appeal, if any: open while it waits for a decision. */
  appeal: AppealState | null;
  /** The authorization the member can fill on (approvals, deemed approvals, appeals won); null otherwise. */
  authorization: CaseAuthorization | null;
}

const APPROVED = ['approved', 'partially-approved', 'deemed-approved'];

function appealState(action: string | null): AppealState | null {
  switch (action) {
    case 'appeal-filed':
      return 'open';
    case 'appeal-withdrawn':
      return 'withdrawn';
    case 'appeal-overturned':
      return 'overturned';
    case 'appeal-partially-overturned':
      return 'partially-overturned';
    case 'appeal-upheld':
      return 'upheld';
    default:
      return null;
  }
}

export function caseStanding(caseStatus: string, facts: StandingFacts): CaseStanding {
  const appeal = appealState(facts.lastAppealAction);
  if ((appeal === 'overturned' || appeal === 'partially-overturned') && facts.authorization) {
    return {
      status: appeal === 'overturned' ? 'approved-on-appeal' : 'partially-approved-on-appeal',
      appeal,
      authorization: facts.authorization,
    };
  }
  return {
    status: caseStatus,
    appeal,
    authorization: APPROVED.includes(caseStatus) ? facts.authorization : null,
  };
}
