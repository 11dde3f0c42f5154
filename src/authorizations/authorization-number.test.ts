import { describe, expect, it } from 'vitest';
import { formatAuthorizationNumber, hasValidCheckDigit, luhnCheckDigit } from './authorization-number.js';

describe('luhnCheckDigit', () => {
  it.each([
    // ISO/IEC 7812 worked example and the CMS NPI example (80840 + 123456789 → 3).
    ['7992739871', 3],
    ['80840123456789', 3],
    ['0', 0],
    ['26', 5],
  ])('%s → %i', (digits, check) => expect(luhnCheckDigit(digits)).toBe(check));

  it('refuses anything but digits', () => expect(() => luhnCheckDigit('12a')).toThrow());
});

describe('formatAuthorizationNumber', () => {
  it.each([
    [1, 2026, 'PA2600000018'],
    [42, 2026, 'PA2600000422'],
    [9_999_999, 2027, 'PA2799999996'],
    // Past ten million serials the number grows by a digit rather than wrapping.
    [12_345_678, 2026, 'PA26123456787'],
  ])('serial %i in %i → %s', (serial, year, number) => {
    expect(formatAuthorizationNumber(serial, year)).toBe(number);
    expect(hasValidCheckDigit(number)).toBe(true);
  });

  it('distinct serials give distinct numbers (the sequence never repeats, so neither do numbers)', () => {
    const seen = new Set<string>();
    for (let serial = 1; serial <= 20_000; serial++) seen.add(formatAuthorizationNumber(serial, 2026));
    expect(seen.size).toBe(20_000);
  });

  it('refuses a serial that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => formatAuthorizationNumber(bad, 2026)).toThrow();
  });
});

describe('hasValidCheckDigit', () => {
  it('catches every single mistyped digit of an issued number', () => {
    const number = formatAuthorizationNumber(1234, 2026);
    for (let i = 2; i < number.length; i++)
      for (let d = 0; d <= 9; d++) {
        if (String(d) === number[i]) continue;
        const typo = number.slice(0, i) + d + number.slice(i + 1);
        expect(hasValidCheckDigit(typo), typo).toBe(false);
      }
  });

  it('catches a swap of two different neighbouring digits (other than 0↔9)', () => {
    const number = formatAuthorizationNumber(3_141_592, 2026);
    for (let i = 2; i < number.length - 1; i++) {
      const [a, b] = [number[i], number[i + 1]];
      if (a === b || (a === '0' && b === '9') || (a === '9' && b === '0')) continue;
      const swapped = number.slice(0, i) + b + a + number.slice(i + 2);
      expect(hasValidCheckDigit(swapped), swapped).toBe(false);
    }
  });

  it.each(['', 'PA', 'PA26', 'XX2600000018', 'PA26000001', 'pa2600000018'])('refuses the shape %j', (value) =>
    expect(hasValidCheckDigit(value)).toBe(false),
  );
});
