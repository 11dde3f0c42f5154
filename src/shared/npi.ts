/**
 * NPI check digit (CMS, "Requirements for NPI check digit", 2005): the Luhn formula over the
 * NPI's first nine digits prefixed with "80840" (the ISO 7812 health-industry issuer prefix for
 * the US). Equivalent shortcut from the same document: Luhn over the nine digits, plus 24.
 */
export function npiCheckDigit(firstNine: string): number {
  if (!/^\d{9}$/.test(firstNine)) throw new Error(`npiCheckDigit needs exactly 9 digits, got "${firstNine}"`);
  const digits = `80840${firstNine}`;
  let sum = 0;
  // Luhn: from the rightmost digit of the payload (the check digit will sit to its right),
  // double every other digit starting with that one.
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

/** True for a 10-digit NPI whose last digit is the check digit of the first nine. */
export function isValidNpi(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{10}$/.test(value)) return false;
  return npiCheckDigit(value.slice(0, 9)) === value.charCodeAt(9) - 48;
}

/** The NPI with a valid check digit for nine given digits (synthetic data, tests, benchmarks). */
export function makeNpi(firstNine: string): string {
  return firstNine + String(npiCheckDigit(firstNine));
}
