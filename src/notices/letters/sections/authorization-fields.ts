import type { LetterContext } from '../letter-context.js';
import type { Block } from '../letter.js';

/** The authorization number and period, and the amount approved (what the pharmacy claim will check). */
export function authorizationFields(c: LetterContext, options: { withRequested?: boolean } = {}): Block[] {
  const { t, content, input } = c;
  const a = content.authorization;
  if (!a) return [];
  const rows: Array<[string, string]> = [[t.labels.authorizationNumber, a.authorizationNumber]];
  if (a.effectiveFrom && a.effectiveTo)
    rows.push([t.labels.approvedPeriod, t.period(c.date(a.effectiveFrom), c.date(a.effectiveTo))]);
  if (options.withRequested && input.request)
    rows.push([t.labels.requestedAmount, t.amountForDays(c.number(input.request.quantity), input.request.daysSupply)]);
  rows.push([
    t.labels.approvedAmount,
    a.approvedQuantity !== null && a.perDays !== null
      ? t.amountPerDays(c.number(a.approvedQuantity), a.perDays)
      : t.asPrescribedWithinLimits,
  ]);
  if (content.scope) rows.push([t.labels.covers, content.scope]);
  return [{ type: 'fields', rows }];
}
