import { describe, expect, it } from 'vitest';
import { isValidNpi, makeNpi, npiCheckDigit } from './npi.js';

describe('NPI check digit (CMS Luhn over "80840" + 9 digits)', () => {
  it('computes the check digit of the CMS worked example 123456789 → 3', () => {
    expect(npiCheckDigit('123456789')).toBe(3);
    expect(isValidNpi('1234567893')).toBe(true);
  });

  it.each([
    ['1234567893', true],
    ['1234567890', false], // wrong check digit
    ['1234567894', false],
    ['123456789', false], // 9 digits
    ['12345678931', false], // 11 digits
    ['12345678a3', false],
    ['', false],
  ])('%s → %s', (npi, valid) => {
    expect(isValidNpi(npi)).toBe(valid);
  });

  it('rejects non-strings', () => {
    expect(isValidNpi(1234567893)).toBe(false);
    expect(isValidNpi(null)).toBe(false);
  });

  it('makeNpi always yields a valid NPI, and changing any digit breaks it', () => {
    for (const base of ['198765432', '176543210', '200000001', '999999999', '000000000']) {
      const npi = makeNpi(base);
      expect(npi).toHaveLength(10);
      expect(isValidNpi(npi)).toBe(true);
      for (let i = 0; i < 10; i++) {
        const changed = npi.slice(0, i) + String((Number(npi[i]) + 1) % 10) + npi.slice(i + 1);
        expect(isValidNpi(changed)).toBe(false);
      }
    }
  });

  it('refuses to compute a check digit for anything but nine digits', () => {
    expect(() => npiCheckDigit('12345678')).toThrow();
  });
});
