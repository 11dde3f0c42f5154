import { describe, expect, it } from 'vitest';
import { adverseDecisionRoles, isAdverse, mayMakeAdverseDecision } from './adverse-decision-authority.js';

const policy = (adverseDecisionRoles?: Array<'reviewer-pharmacist' | 'reviewer-physician'>) => ({
  review: {
    standard: { amount: 72, unit: 'hours' as const },
    urgent: { amount: 24, unit: 'hours' as const },
    onMissed: 'escalate' as const,
    warnBeforeHours: 4,
    timeZone: 'America/Los_Angeles',
    ...(adverseDecisionRoles ? { adverseDecisionRoles } : {}),
  },
});

describe('who may deny', () => {
  it('Part D medical-necessity denials are physicians only, even when the policy lists pharmacists', () => {
    expect(adverseDecisionRoles('medicare-d', policy())).toEqual(['reviewer-physician']);
    expect(mayMakeAdverseDecision('reviewer-pharmacist', 'medicare-d', policy(['reviewer-pharmacist']))).toBe(false);
    expect(mayMakeAdverseDecision('reviewer-physician', 'medicare-d', policy())).toBe(true);
  });

  it('other lines: any clinical reviewer unless the plan narrows it', () => {
    expect(mayMakeAdverseDecision('reviewer-pharmacist', 'commercial', policy())).toBe(true);
    expect(mayMakeAdverseDecision('reviewer-pharmacist', 'medi-cal', policy(['reviewer-physician']))).toBe(false);
    expect(mayMakeAdverseDecision('reviewer-physician', 'medi-cal', policy(['reviewer-physician']))).toBe(true);
    expect(mayMakeAdverseDecision('member-services', 'commercial', policy())).toBe(false);
  });

  it('denials and partial approvals are adverse; approvals are not', () => {
    expect(['denied', 'partially-approved', 'approved'].map(isAdverse)).toEqual([true, true, false]);
  });
});
