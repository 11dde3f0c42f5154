import { fromCents, toCents } from '../../shared/money.js';

/**
 * Signed overpunch, the D.0 format of dollar amounts (s9(n)v99): two implied decimals, and the
 * last digit carries the sign — `{` and `A`–`I` are 0–9 positive, `}` and `J`–`R` are 0–9
 * negative. `100{` is 10.00, `12E` is 1.25, `40}` is −4.00.
 */
const POSITIVE = '{ABCDEFGHI';
const NEGATIVE = '}JKLMNOPQR';
/** 15 digits of cents stay exact in a double. */
const MAX_DIGITS = 15;

/** Cents from an overpunched amount, or null when the text is not one (empty, a bare number, other characters). */
export function decodeOverpunch(text: string): number | null {
  const n = text.length;
  if (n === 0 || n > MAX_DIGITS) return null;
  const last = text[n - 1];
  let sign = 1;
  let digit = POSITIVE.indexOf(last);
  if (digit === -1) {
    digit = NEGATIVE.indexOf(last);
    if (digit === -1) return null;
    sign = -1;
  }
  let value = 0;
  for (let i = 0; i < n - 1; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    value = value * 10 + c;
  }
  const cents = value * 10 + digit;
  return sign === -1 && cents !== 0 ? -cents : cents; // `}` alone is zero, not −0
}

/** An amount in cents as overpunched text, without leading zeros (`0` → `{`). */
export function encodeOverpunch(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  const digits = String(Math.abs(cents));
  const last = digits.charCodeAt(digits.length - 1) - 48;
  return digits.slice(0, -1) + (cents < 0 ? NEGATIVE[last] : POSITIVE[last]);
}

/** "12.50" / "-4.00" (the API's money strings) → cents; null when the text is not such an amount. */
export function moneyToCents(money: string): number | null {
  // D.0 amounts have exactly two implied decimals: a third decimal is not an amount here, not rounded.
  return /^-?\d{1,13}(?:\.\d{1,2})?$/.test(money) ? toCents(money) : null;
}

/** cents → "12.50" (the one money format, src/shared/money.ts) */
export const centsToMoney = fromCents;
