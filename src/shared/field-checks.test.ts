import { describe, expect, it } from 'vitest';
import { isCalendarDate, isDecimal, isEmail, isUsState, isZip, normalizeNdc, normalizePhone } from './field-checks.js';
import { isKnownLanguage } from './languages.js';

describe('field checks', () => {
  it.each([
    ['2026-01-01', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['01/02/2026', false],
    ['2026-04-31', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
  ])('isCalendarDate(%s) → %s', (v, ok) => expect(isCalendarDate(v)).toBe(ok));

  it.each([
    ['00169413211', '00169413211'],
    ['0003-0894-21', '00003089421'],
    ['50090-705-00', '50090070500'],
    ['50090-7056-0', '50090705600'],
    ['00003-0894-21', '00003089421'],
    ['0003089421', null],
    ['1234', null],
    ['abc-defg-hi', null],
  ])('normalizeNdc(%s) → %s', (v, out) => expect(normalizeNdc(v)).toBe(out));

  it('phones, zips, states, emails, decimals, languages', () => {
    expect(normalizePhone('(510) 555-0123')).toBe('(510) 555-0123');
    expect(normalizePhone('1-800-977-2273')).toBe('1-800-977-2273');
    expect(normalizePhone('555-0123')).toBeNull();
    expect(isZip('94612')).toBe(true);
    expect(isZip('94612-1234')).toBe(true);
    expect(isZip('9461')).toBe(false);
    expect(isUsState('CA')).toBe(true);
    expect(isUsState('XX')).toBe(false);
    expect(isEmail('ana.garcia@example.org')).toBe(true);
    expect(isEmail('ana garcia@example')).toBe(false);
    expect(isDecimal('0.02366', 5)).toBe(true);
    expect(isDecimal('0.023661', 5)).toBe(false);
    expect(isDecimal('-1', 2)).toBe(false);
    expect(['en', 'es', 'zh', 'vi', 'tl', 'ko', 'hy', 'hmn'].every(isKnownLanguage)).toBe(true);
    expect(isKnownLanguage('xx')).toBe(false);
    expect(isKnownLanguage('EN')).toBe(false);
  });
});
