import { describe, expect, it } from 'vitest';
import { toClaimRequest, emptyDraft } from '../portals/pharmacy/claim-draft';
import { formatMoney } from './format';

describe('money in the web app (docs/design.md#money)', () => {
  it('formats the API money string as dollars without a float', () => {
    expect(formatMoney('8.03')).toBe('$8.03');
    expect(formatMoney('1234567.89')).toBe('$1,234,567.89');
    expect(formatMoney('-4.00')).toBe('-$4.00');
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney('n/a')).toBe('n/a');
  });

  it('a typed cost is sent with two places, rounded half-up (1.005 → 1.01)', () => {
    const draft = { ...emptyDraft('2026-12-03'), submittedIngredientCost: '1.005', usualAndCustomaryCharge: '12.5' };
    const req = toClaimRequest(draft, '1234567893');
    expect(req.submittedIngredientCost).toBe('1.01');
    expect(req.usualAndCustomaryCharge).toBe('12.50');
    const bad = toClaimRequest({ ...draft, submittedIngredientCost: '12,50' }, '1234567893');
    expect(bad.submittedIngredientCost).toBe('12,50'); // sent as typed: the API names the field
  });
});
