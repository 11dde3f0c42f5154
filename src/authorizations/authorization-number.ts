/**
 * Authorization numbers people read over the phone and type into a pharmacy system: "PA", the
 * two-digit year of issue, a serial number from a database sequence (never reused, so two
 * approvals can never draw the same number), and a Luhn check digit (ISO/IEC 7812-1, the scheme
 * NPIs use) that catches any single mistyped digit and most swapped neighbours. The digits after
 * "PA" also fit NCPDP's numeric Prior Authorization Number field (462-EV, 11 digits) while the
 * serial stays under ten million.
 */
const PREFIX = 'PA';
const SERIAL_DIGITS = 7;

/** The Luhn check digit of a string of digits (the digit to append). */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new Error('luhnCheckDigit needs digits');
  let sum = 0;
  // From the rightmost payload digit (the check digit goes to its right), double every other one.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** `PA` + yy + serial (at least seven digits) + check digit, e.g. serial 42 in 2026 → PA2600000422. */
export function formatAuthorizationNumber(serial: number, issuedYear: number): string {
  if (!Number.isSafeInteger(serial) || serial < 1) throw new Error('an authorization serial is a positive integer');
  const payload = String(issuedYear % 100).padStart(2, '0') + String(serial).padStart(SERIAL_DIGITS, '0');
  return `${PREFIX}${payload}${luhnCheckDigit(payload)}`;
}

/**
 * True when the value has the shape of a number this scheme issues and its check digit matches.
 * Numbers issued before the scheme (random digits) may fail it: use it to explain a lookup that
 * found nothing ("check the number"), never to refuse a number that exists.
 */
export function hasValidCheckDigit(value: string): boolean {
  const m = /^PA(\d{2}\d{7,})(\d)$/.exec(value);
  return m !== null && luhnCheckDigit(m[1]) === Number(m[2]);
}
