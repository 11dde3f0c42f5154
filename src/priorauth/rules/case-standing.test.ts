import { describe, expect, it } from 'vitest';
import { caseStanding, type CaseAuthorization } from './case-standing.js';

const AUTH: CaseAuthorization = {
  number: 'PA2026000017',
  effectiveFrom: '2026-12-03',
  effectiveTo: '2027-12-02',
  maxUnits: 3,
  perDays: 28,
};

describe('caseStanding', () => {
  it('a denial overturned on appeal reads as approved on appeal, with the new authorization', () => {
    expect(caseStanding('denied', { lastAppealAction: 'appeal-overturned', authorization: AUTH })).toEqual({
      status: 'approved-on-appeal',
      appeal: 'overturned',
      authorization: AUTH,
    });
  });

  it('a partial overturn of a closed case reads as partly approved on appeal', () => {
    expect(
      caseStanding('closed-no-response', { lastAppealAction: 'appeal-partially-overturned', authorization: AUTH })
        .status,
    ).toBe('partially-approved-on-appeal');
  });

  it('a denial under appeal stays denied with the appeal open and nothing to fill on', () => {
    expect(caseStanding('denied', { lastAppealAction: 'appeal-filed', authorization: null })).toEqual({
      status: 'denied',
      appeal: 'open',
      authorization: null,
    });
  });

  it('an upheld denial stays denied; a stray authorization on a denied case is not offered', () => {
    expect(caseStanding('denied', { lastAppealAction: 'appeal-upheld', authorization: AUTH })).toEqual({
      status: 'denied',
      appeal: 'upheld',
      authorization: null,
    });
  });

  it('approvals and deemed approvals carry their own authorization', () => {
    for (const status of ['approved', 'partially-approved', 'deemed-approved'])
      expect(caseStanding(status, { lastAppealAction: null, authorization: AUTH }).authorization).toEqual(AUTH);
  });

  it('an open case has no appeal and no authorization', () => {
    expect(caseStanding('in-review', { lastAppealAction: null, authorization: null })).toEqual({
      status: 'in-review',
      appeal: null,
      authorization: null,
    });
  });
});
