/** Money as integer cents inside rules; decimal strings ("12.50") at the edges (docs/design.md#money). */
export { applyRate, extendedCents, fromCents, toCents } from '../../shared/money.js';
