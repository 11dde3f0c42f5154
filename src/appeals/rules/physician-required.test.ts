import { describe, expect, it } from 'vitest';
import { physicianRequired } from './independent-reviewer.js';

describe('physicianRequired (42 CFR 423.590(f)(2))', () => {
  it.each([
    ['medicare-d', 'denied', true],
    ['medicare-d', 'partially-approved', true],
    ['medicare-d', 'closed-no-response', false],
    ['medi-cal', 'denied', false],
    ['commercial', 'denied', false],
    ['ihss', 'partially-approved', false],
    ['medicare-d', null, false],
  ])('%s, case %s → %s', (lob, decision, expected) => {
    expect(physicianRequired(lob, decision)).toBe(expected);
  });
});
