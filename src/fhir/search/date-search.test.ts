import { describe, expect, it } from 'vitest';
import { parseDateSearch } from './date-search.js';

const at = (s: string) => new Date(s);

describe('FHIR date search prefixes over an instant', () => {
  it.each([
    ['2026', '2026-06-01T00:00:00Z', true],
    ['2026', '2027-01-01T00:00:00Z', false],
    ['eq2026-11', '2026-11-30T23:59:59Z', true],
    ['ge2026-11-20', '2026-11-20T00:00:00Z', true],
    ['gt2026-11-20', '2026-11-20T23:00:00Z', false],
    ['gt2026-11-20', '2026-11-21T00:00:00Z', true],
    ['lt2026-11-20', '2026-11-19T23:59:59Z', true],
    ['lt2026-11-20', '2026-11-20T00:00:00Z', false],
    ['le2026-11-20', '2026-11-20T23:59:59Z', true],
    ['ne2026', '2025-12-31T23:59:59Z', true],
    ['ge2026-11-20T10:00:00Z', '2026-11-20T09:59:59Z', false],
    ['ge2026-11-20T10:00:00-08:00', '2026-11-20T18:00:00Z', true],
    ['sa2026-01-01', '2026-01-02T00:00:00Z', true],
    ['eb2026-01-01', '2025-12-31T00:00:00Z', true],
  ])('%s matches %s: %s', (search, instant, expected) => {
    expect(parseDateSearch('_lastUpdated', search)(at(instant))).toBe(expected);
  });

  it.each(['yesterday', 'gt', '2026-13-01x', 'xx2026'])('"%s" is refused as a 400 naming the parameter', (bad) => {
    expect(() => parseDateSearch('_lastUpdated', bad)).toThrow(/_lastUpdated/);
  });
});
