/**
 * Money in OpenPBM (docs/design.md#money): amounts travel as decimal strings ("12.50") and are
 * computed as whole cents. Nothing here goes through floating point: a decimal string is read
 * digit by digit into a BigInt, products of decimals (a 5-decimal unit price × a 3-decimal
 * quantity, cents × a coinsurance rate) are exact, and the one rounding rule is applied once, at
 * the end: **half-up to the cent, halves rounded away from zero** ("1.005" → 1.01, "-1.005" → −1.01).
 *
 * Pure and dependency-free so the server, the letters and the web app share one rule.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** An exact decimal: `units / 10^scale`. */
interface Decimal {
  units: bigint;
  scale: number;
}

/** A decimal string ("12.5", "0.02366", "-4") exactly; null when the text is not one. */
function readDecimal(text: string): Decimal | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const fraction = m[3] ?? '';
  const units = BigInt(m[2] + fraction);
  return { units: m[1] ? -units : units, scale: fraction.length };
}

/** `n / 10^scale` rounded half-up (away from zero) to a whole number. */
function roundScaled(n: bigint, scale: number): bigint {
  if (scale <= 0) return n * 10n ** BigInt(-scale);
  const divisor = 10n ** BigInt(scale);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  let q = abs / divisor;
  if ((abs % divisor) * 2n >= divisor) q += 1n;
  return negative ? -q : q;
}

function toSafeNumber(cents: bigint, what: string): number {
  const n = Number(cents);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} is too large to count in cents`);
  return n;
}

/**
 * A JSON number (a quantity such as 2.5) as its decimal text. `String` gives the shortest text
 * that reads back as the same double, which is the literal the sender wrote ("2.675" stays 2.675).
 */
function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value);
  // Exponent notation only appears outside the range of any quantity or price we accept.
  if (/e/i.test(text)) throw new RangeError(`not a plain decimal: ${text}`);
  return text;
}

/** Is the text a decimal amount ("12.50", "3", "0.005", "-4.00")? */
export function isMoneyText(text: string): boolean {
  return readDecimal(text) !== null;
}

/** "12.50" → 1250; more than two decimals are rounded half-up once ("1.005" → 101). Throws on anything else. */
export function toCents(value: string): number {
  const d = readDecimal(value);
  if (!d) throw new RangeError(`not a money amount: ${JSON.stringify(value)}`);
  return toSafeNumber(roundScaled(d.units * 100n, d.scale), 'the amount');
}

/** Like toCents, but null for text that is not an amount (for reading input). */
export function parseCents(value: string): number | null {
  const d = readDecimal(value);
  return d ? toSafeNumber(roundScaled(d.units * 100n, d.scale), 'the amount') : null;
}

/** 1250 → "12.50", -400 → "-4.00" (the API's money strings). */
export function fromCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const digits = String(Math.abs(cents)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * Price × quantity in cents, exact then rounded half-up once: "0.02366" × 30 → 71, "2.675" × 3 → 803
 * (floating point gives 8.02). The quantity is a number as sent (442-E7 carries 3 decimals).
 */
export function extendedCents(unitPrice: string, quantity: number): number {
  const price = readDecimal(unitPrice);
  if (!price) throw new RangeError(`not a price: ${JSON.stringify(unitPrice)}`);
  const qty = readDecimal(numberText(quantity))!;
  return toSafeNumber(roundScaled(price.units * qty.units * 100n, price.scale + qty.scale), 'the price');
}

/** Cents × a rate given as a decimal string ("0.25" = 25 %), rounded half-up to the cent. */
export function applyRate(cents: number, rate: string): number {
  const r = readDecimal(rate);
  if (!r) throw new RangeError(`not a rate: ${JSON.stringify(rate)}`);
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  return toSafeNumber(roundScaled(BigInt(cents) * r.units, r.scale), 'the amount');
}

/** A JSON-number amount (FHIR Money.value, QHP copay_amount) as a money string, rounded half-up. */
export function moneyFromNumber(value: number): string {
  return fromCents(toCents(numberText(value)));
}

/**
 * A money string as a JSON number for formats that demand one (FHIR Money.value, USDF cost).
 * cents / 100 is the double nearest the two-place decimal, which JSON writes back as that decimal.
 */
export function moneyAsJsonNumber(value: string): number {
  return toCents(value) / 100;
}

/** A rate ("0.2") as a percentage number (20) for display, exactly. */
export function rateAsPercent(rate: string): number {
  const r = readDecimal(rate);
  if (!r) throw new RangeError(`not a rate: ${JSON.stringify(rate)}`);
  // units × 100 / 10^scale has at most (scale − 2) decimals: its text reads back exactly.
  const scaled = r.units * 100n;
  if (r.scale <= 2) return Number(scaled / 10n ** BigInt(r.scale));
  const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(r.scale + 1, '0');
  const text = `${scaled < 0n ? '-' : ''}${digits.slice(0, -r.scale)}.${digits.slice(-r.scale)}`;
  return Number(text);
}
