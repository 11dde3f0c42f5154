/** Money as integer cents inside rules; decimal strings ("12.50") at the edges (docs/design.md#api). */
export function toCents(value: string | number): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new Error(`not a money amount: ${value}`);
  return Math.round(n * 100);
}

export function fromCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** cents × rate, rounded half-up to the cent. */
export function applyRate(cents: number, rate: number): number {
  return Math.round(cents * rate + 1e-9);
}
