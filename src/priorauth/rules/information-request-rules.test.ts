import { describe, expect, it } from 'vitest';
import {
  canRequestInformation,
  informationRequestClock,
  nextStateOnInformationExpiry,
} from './information-request-rules.js';

describe('informationRequestClock: what a reviewer’s information request does to the review clock', () => {
  const unset = { informationRequests: {} };

  it.each([
    ['medicare-d', 'continues'],
    ['commercial', 'continues'],
    ['ihss', 'continues'],
    ['marketplace', 'continues'],
    ['medi-cal', 'restarts-on-answer'],
  ] as const)('defaults by line of business: %s → %s', (lineOfBusiness, clock) => {
    expect(informationRequestClock(unset, lineOfBusiness)).toBe(clock);
  });

  it('the plan policy wins over the default, both ways', () => {
    expect(informationRequestClock({ informationRequests: { clock: 'restarts-on-answer' } }, 'commercial')).toBe(
      'restarts-on-answer',
    );
    expect(informationRequestClock({ informationRequests: { clock: 'continues' } }, 'medi-cal')).toBe('continues');
  });
});

describe('information request limits', () => {
  it('at most max requests per case; none when max is 0', () => {
    expect([0, 1, 2].map((count) => canRequestInformation({ count, maxRequests: 2 }))).toEqual([true, true, false]);
    expect(canRequestInformation({ count: 0, maxRequests: 0 })).toBe(false);
  });

  it('the last allowed request expiring closes the case; an earlier one returns it to review', () => {
    expect(nextStateOnInformationExpiry({ count: 1, maxRequests: 2 })).toBe('in-review');
    expect(nextStateOnInformationExpiry({ count: 2, maxRequests: 2 })).toBe('closed-no-response');
  });
});
