import { describe, expect, it } from 'vitest';
import { reviewersInvolved } from './independent-reviewer.js';

describe('reviewersInvolved', () => {
  it('is the decider and every clinician who acted on the case, not requesters or the system', () => {
    const history = [
      { actor: 'dr.prescriber', actorRole: 'prescriber' },
      { actor: 'system', actorRole: 'system' },
      { actor: 'pat', actorRole: 'reviewer-pharmacist' },
      { actor: 'intake1', actorRole: 'intake' },
      { actor: 'dana', actorRole: 'reviewer-physician' },
    ];
    expect([...reviewersInvolved('dana', history)].sort()).toEqual(['dana', 'pat']);
  });

  it('an automatic closure excludes nobody', () => {
    expect(reviewersInvolved('system', [{ actor: 'system', actorRole: 'system' }]).size).toBe(0);
    expect(reviewersInvolved(null, []).size).toBe(0);
  });
});
