import { describe, expect, it } from 'vitest';
import { marketplacePolicy } from '../../plans/default-policy.js';
import { estimatePatientPay, priceClaim } from './pricing.js';

// Claim pricing through exact money (docs/design.md#money): the figures a pharmacy sees on 8.025 exact.
const policy = marketplacePolicy({
  dispensingFee: '0.00',
  tiers: { generic: { retail: { copay: '1.005' } }, brand: { retail: { coinsurance: '0.5' } } },
});
const base = {
  policy,
  pharmacyType: 'retail' as const,
  submittedIngredientCost: '0.00',
  usualAndCustomary: null,
};

describe('claim pricing uses exact decimal money', () => {
  it('a 2.675 unit price × 3 prices at 8.03, not 8.02', () => {
    const p = priceClaim({ ...base, tier: 'brand', quantity: 3, unitPrice: '2.675' });
    expect(p.ingredientCost).toBe('8.03');
    // 50 % of 8.03 = 4.015 → 4.02 half-up; the plan pays the rest, so the two add up to the total
    expect(p.patientPay).toBe('4.02');
    expect(p.planPay).toBe('4.01');
  });

  it('a copay written with three places is rounded half-up once (1.005 → 1.01)', () => {
    const p = priceClaim({ ...base, tier: 'generic', quantity: 30, unitPrice: '0.02366' });
    expect(p.ingredientCost).toBe('0.71');
    expect(p.patientPay).toBe('0.71'); // the copay is capped at the total
    const q = priceClaim({ ...base, tier: 'generic', quantity: 100, unitPrice: '0.02366' });
    expect(q.patientPay).toBe('1.01');
    expect(q.planPay).toBe('1.36');
  });

  it('the coverage estimate prices the same way as the claim', () => {
    expect(estimatePatientPay(policy, { tier: 'brand', pharmacyType: 'retail', unitPrice: '2.675', quantity: 3 })).toBe(
      '4.02',
    );
  });

  it('a submitted ingredient cost with a fraction of a cent is rounded half-up', () => {
    const p = priceClaim({ ...base, tier: 'brand', quantity: 1, unitPrice: null, submittedIngredientCost: '10.005' });
    expect(p.ingredientCost).toBe('10.01');
  });
});
