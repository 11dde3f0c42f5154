import { decodeOverpunch, centsToMoney } from './overpunch.js';

/** CCYYMMDD → YYYY-MM-DD when it is a real calendar date, else null. */
export function readDate(value: string | undefined): string | null {
  if (!value || !/^\d{8}$/.test(value)) return null;
  const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** YYYY-MM-DD → CCYYMMDD */
export function writeDate(iso: string): string {
  return iso.replace(/-/g, '');
}

/** A whole number written with digits only (leading zeros allowed), else null. */
export function readWholeNumber(value: string | undefined): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null;
  return Number(value);
}

/** 9(7)v999: a quantity with three implied decimals ("0000030000" and "30000" are both 30). */
export function readQuantity(value: string | undefined): number | null {
  if (!value || !/^\d{1,10}$/.test(value)) return null;
  return Number(value) / 1000;
}

/** A quantity as ten digits with three implied decimals; null when it does not fit or has more decimals. */
export function writeQuantity(quantity: number): string | null {
  const thousandths = Math.round(quantity * 1000);
  if (thousandths < 0 || thousandths > 9_999_999_999 || Math.abs(thousandths - quantity * 1000) > 1e-6) return null;
  return String(thousandths).padStart(10, '0');
}

/** An overpunched amount as "12.50", or null. */
export function readAmount(value: string | undefined): string | null {
  if (value === undefined) return null;
  const cents = decodeOverpunch(value);
  return cents === null ? null : centsToMoney(cents);
}
