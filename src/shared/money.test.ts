import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRate,
  extendedCents,
  fromCents,
  isMoneyText,
  moneyAsJsonNumber,
  moneyFromNumber,
  parseCents,
  rateAsPercent,
  toCents,
} from './money.js';

describe('toCents reads decimal strings exactly, half-up to the cent', () => {
  it.each([
    ['12.50', 1250],
    ['12.5', 1250],
    ['12', 1200],
    ['0.00', 0],
    ['0.01', 1],
    // floating point reads 1.005 as 1.00499999…, which rounded to 100
    ['1.005', 101],
    ['1.004999', 100],
    ['0.005', 1],
    ['0.0049', 0],
    ['2.675', 268],
    ['-4.00', -400],
    ['-1.005', -101],
    ['9999999.99', 999999999],
    [' 3.10 ', 310],
  ])('%s → %i cents', (text, cents) => {
    expect(toCents(text)).toBe(cents);
  });

  it.each(['', 'abc', '1,00', '1.2.3', '$5', '1e3', 'NaN', '.5', '5.'])('refuses %j', (text) => {
    expect(() => toCents(text)).toThrow(/not a money amount/);
    expect(parseCents(text)).toBeNull();
    expect(isMoneyText(text)).toBe(false);
  });
});

describe('fromCents writes two places', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [1250, '12.50'],
    [-400, '-4.00'],
    [-5, '-0.05'],
    [999999999, '9999999.99'],
  ])('%i → %s', (cents, text) => {
    expect(fromCents(cents)).toBe(text);
  });

  it('refuses fractions of a cent', () => {
    expect(() => fromCents(1.5)).toThrow(/whole number of cents/);
  });
});

describe('extendedCents multiplies a unit price by a quantity exactly', () => {
  it.each([
    // 2.675 × 3 = 8.025 exactly → 8.03; floating point gives 8.024999… → 8.02
    ['2.675', 3, 803],
    ['0.02366', 30, 71],
    ['0.02366', 90, 213],
    ['1.00005', 100, 10001],
    ['0.33333', 3, 100],
    ['12.34567', 2.5, 3086],
    ['0.1', 0.3, 3],
    ['0.00000', 1000, 0],
  ])('%s × %d → %i cents', (price, quantity, cents) => {
    expect(extendedCents(price, quantity)).toBe(cents);
  });

  it('refuses a price that is not a decimal', () => {
    expect(() => extendedCents('twelve', 1)).toThrow(/not a price/);
  });
});

describe('applyRate takes a share of an amount, half-up', () => {
  it.each([
    [1000, '0.25', 250],
    [1001, '0.25', 250], // 250.25
    [1002, '0.25', 251], // 250.5 rounds up
    [803, '0.2', 161], // 160.6
    [333, '0.5', 167], // 166.5 rounds up
    [12345, '0.0001', 1],
    [0, '1', 0],
    [999, '1.0000', 999],
  ])('%i × %s → %i', (cents, rate, share) => {
    expect(applyRate(cents, rate)).toBe(share);
  });
});

describe('conversions at the edges', () => {
  it('a JSON number is read as the literal written', () => {
    expect(moneyFromNumber(2.675)).toBe('2.68');
    expect(moneyFromNumber(10)).toBe('10.00');
    expect(moneyFromNumber(1.005)).toBe('1.01');
  });
  it('FHIR Money.value and USDF percentages come out as the decimal written', () => {
    expect(JSON.stringify({ v: moneyAsJsonNumber('8.03') })).toBe('{"v":8.03}');
    expect(JSON.stringify({ v: moneyAsJsonNumber('0.10') })).toBe('{"v":0.1}');
    expect(rateAsPercent('0.2')).toBe(20);
    expect(rateAsPercent('0.0725')).toBe(7.25);
    expect(rateAsPercent('0.07')).toBe(7);
    expect(rateAsPercent('1')).toBe(100);
  });
});

describe('properties', () => {
  const cents = fc.integer({ min: -99_999_999_999, max: 99_999_999_999 });

  it('format then parse gives the same cents back', () => {
    fc.assert(fc.property(cents, (c) => toCents(fromCents(c)) === c));
  });

  it('a string with more places rounds half-up: the nearest cent, and a half goes away from zero', () => {
    fc.assert(
      fc.property(cents, fc.integer({ min: 0, max: 999 }), (c, thousandths) => {
        // c cents and `thousandths` thousandths of a cent, written out as text with 5 places
        const abs = Math.abs(c);
        const text = `${c < 0 ? '-' : ''}${fromCents(abs)}${String(thousandths).padStart(3, '0')}`;
        const expectedAbs = abs + (thousandths >= 500 ? 1 : 0);
        const expected = c < 0 ? -expectedAbs : expectedAbs;
        return toCents(text) === (expected === 0 ? 0 : expected);
      }),
    );
  });

  it('price × quantity equals the exact product rounded half-up once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999 }), // price in 1/100000 dollars
        fc.integer({ min: 1, max: 999_999 }), // quantity in thousandths
        (priceUnits, qtyThousandths) => {
          const price = `${Math.floor(priceUnits / 100000)}.${String(priceUnits % 100000).padStart(5, '0')}`;
          const quantity = qtyThousandths / 1000;
          // exact: price × quantity × 100 = priceUnits × qtyThousandths / 10^6 cents
          const product = BigInt(priceUnits) * BigInt(qtyThousandths);
          const whole = product / 1_000_000n;
          const rest = product % 1_000_000n;
          const expected = Number(whole + (rest >= 500_000n ? 1n : 0n));
          return extendedCents(price, quantity) === expected;
        },
      ),
    );
  });
});
