import { describe, expect, it } from 'vitest';
import { stateOfHiosPlanId, timeZoneOfState } from './state-time-zones.js';

describe("a QHP plan's time zone from its HIOS id", () => {
  it.each([
    ['12345CA0010001', 'America/Los_Angeles'],
    ['12345NY0010001', 'America/New_York'],
    ['12345TX0010001', 'America/Chicago'],
    ['12345AZ0010001', 'America/Phoenix'],
  ])('%s → %s', (id, zone) => {
    expect(timeZoneOfState(stateOfHiosPlanId(id)!)).toBe(zone);
  });
  it('an id that is not a HIOS plan id, or an unknown state, gives no zone', () => {
    expect(stateOfHiosPlanId('PLAN-1')).toBeNull();
    expect(timeZoneOfState('ZZ')).toBeNull();
  });
});
