import { describe, expect, it } from 'vitest';
import { centsToMoney, decodeOverpunch, encodeOverpunch, moneyToCents } from './overpunch.js';

// Every sign character of the overpunch table: the last digit and the sign it carries.
const TABLE: Array<[char: string, digit: number, sign: 1 | -1]> = [
  ['{', 0, 1],
  ['A', 1, 1],
  ['B', 2, 1],
  ['C', 3, 1],
  ['D', 4, 1],
  ['E', 5, 1],
  ['F', 6, 1],
  ['G', 7, 1],
  ['H', 8, 1],
  ['I', 9, 1],
  ['}', 0, -1],
  ['J', 1, -1],
  ['K', 2, -1],
  ['L', 3, -1],
  ['M', 4, -1],
  ['N', 5, -1],
  ['O', 6, -1],
  ['P', 7, -1],
  ['Q', 8, -1],
  ['R', 9, -1],
];

describe('signed overpunch (D.0 dollar amounts, two implied decimals)', () => {
  it.each(TABLE)('reads "12%s" as sign × (120 + digit) cents', (char, digit, sign) => {
    expect(decodeOverpunch(`12${char}`)).toBe(sign * (120 + digit));
  });

  it.each(TABLE)('writes the last digit with "%s" for digit and sign', (char, digit, sign) => {
    expect(encodeOverpunch(sign * (120 + digit))).toBe(`12${char}`);
  });

  it.each(TABLE)('reads "%s" alone as sign × digit cents', (char, digit, sign) => {
    expect(decodeOverpunch(char)).toBe(digit === 0 ? 0 : sign * digit);
  });

  it.each([
    ['40{', 400],
    ['100{', 1000],
    ['12E', 125],
    ['40}', -400],
    ['754C', 7543],
    ['0000000{', 0],
    ['218G', 2187],
    ['10177E', 101775],
  ])('reads the documented example %s as %i cents', (text, cents) => {
    expect(decodeOverpunch(text)).toBe(cents);
  });

  it.each([[''], ['10'], ['AS10'], ['1 2{'], ['-12{'], ['12.5E'], ['{{'], ['1a{'], ['1234567890123456{']])(
    'answers null (not an amount) for %j',
    (text) => {
      expect(decodeOverpunch(text)).toBeNull();
    },
  );

  it('writes zero as "{" and whole dollars with a trailing "{"', () => {
    expect(encodeOverpunch(0)).toBe('{');
    expect(encodeOverpunch(400)).toBe('40{');
    expect(encodeOverpunch(-400)).toBe('40}');
  });

  it('refuses fractions of a cent instead of rounding silently', () => {
    expect(() => encodeOverpunch(1.5)).toThrow(RangeError);
  });

  it('round-trips every amount from -20.00 to 20.00', () => {
    for (let c = -2000; c <= 2000; c++) expect(decodeOverpunch(encodeOverpunch(c))).toBe(c);
  });

  it('converts the API money strings to cents and back exactly', () => {
    expect(moneyToCents('910.00')).toBe(91000);
    expect(moneyToCents('0.07')).toBe(7);
    expect(moneyToCents('-4.5')).toBe(-450);
    expect(moneyToCents('12')).toBe(1200);
    expect(moneyToCents('1e3')).toBeNull();
    expect(centsToMoney(91000)).toBe('910.00');
    expect(centsToMoney(-7)).toBe('-0.07');
  });
});
