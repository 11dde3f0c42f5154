import { decodeTime, isValid } from 'ulidx';
import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';

const suffix = (id: string): string => id.slice(id.indexOf('_') + 1);

describe('newId', () => {
  it('keeps the prefix and a 26-character ULID carrying the injected time', () => {
    const now = new Date('2026-12-03T18:00:00.123Z');
    const id = newId('clm', now);
    expect(id).toMatch(/^clm_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(isValid(suffix(id))).toBe(true);
    expect(decodeTime(suffix(id))).toBe(now.getTime());
  });

  it('is strictly increasing for many ids made in the same millisecond', () => {
    const now = new Date('2026-12-03T18:00:01.000Z');
    const ids = Array.from({ length: 500 }, () => newId('pa', now));
    const sorted = [...ids].sort();
    expect(sorted).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(decodeTime(suffix(id))).toBe(now.getTime());
  });

  it('sorts by the time it carries, also when ids are made out of time order', () => {
    const times = ['2026-12-03T18:00:05Z', '2024-01-01T00:00:00Z', '2026-12-03T18:00:02Z', '2025-06-30T23:59:59.999Z'];
    const ids = times.map((t) => newId('clm', new Date(t)));
    for (const [i, id] of ids.entries()) expect(decodeTime(suffix(id))).toBe(new Date(times[i]!).getTime());
    const byId = [...ids].sort();
    const byTime = [...ids].sort((a, b) => decodeTime(suffix(a)) - decodeTime(suffix(b)));
    expect(byId).toEqual(byTime);
  });

  it('accepts ids made by the previous hand-written encoder (same alphabet, same layout)', () => {
    // An id minted before the switch: 10 time characters + 16 random characters, Crockford base32.
    const old = 'clm_01JEBQ3D8R7Y2W5KXH9M4TNPQS';
    expect(isValid(suffix(old))).toBe(true);
    expect(newId('clm', new Date('2026-12-03T18:00:00Z')) > old).toBe(true);
  });
});
