import { trimmed } from './header.js';
import { decodeOverpunch } from './overpunch.js';
import { fieldValue, fieldValues, findSegment } from './segments.js';
import type { Segment, Transmission } from './transmission.js';

/**
 * What a D.0 response must carry for its statuses (the mandatory fields a pharmacy system reads):
 * a complete header with 501-F1 A or R; per group a status segment with 112-AN; a rejected
 * group's reject count and 1 to 5 codes; a paid or duplicate claim's patient pay, ingredient
 * cost, dispensing fee and total paid; a claim's prescription number; additional messages
 * counted and qualified. Returns what is missing or inconsistent; empty when none.
 */
export function missingMandatoryFields(t: Transmission): string[] {
  const out: string[] = [];
  if (t.kind !== 'response' || !t.header.complete) out.push('header: not a complete 31-byte response header');
  const headerStatus = trimmed(t.header, 'headerResponseStatus');
  if (headerStatus !== 'A' && headerStatus !== 'R') out.push(`501-F1: "${headerStatus}" is not A or R`);
  const code = trimmed(t.header, 'transactionCode');
  const count = Number(trimmed(t.header, 'transactionCount'));
  if (t.groups.length !== count) out.push(`109-A9: counts ${count}, the response has ${t.groups.length} group(s)`);
  t.groups.forEach((g, i) => out.push(...groupProblems(g, code, headerStatus).map((p) => `group ${i + 1}: ${p}`)));
  return out;
}

/** AM23 amounts that also enter the total paid: taxes, incentive, professional fee, other amounts, other payers. */
const OTHER_AMOUNTS = ['AW', 'AX', 'FL', 'J1', 'J4', 'J5', 'EQ', '2Y', 'FN', 'NZ'];

function groupProblems(g: Segment[], code: string, headerStatus: string): string[] {
  const out: string[] = [];
  const status = findSegment(g, 'AM21');
  const an = fieldValue(status, 'AN');
  if (!status || !an) return ['AM21 112-AN missing'];
  const allowed = code === 'B2' || code === 'E1' ? ['A', 'R'] : ['P', 'D', 'R', 'C'];
  if (!allowed.includes(an)) out.push(`112-AN "${an}" is not one of ${allowed.join('/')} for ${code}`);
  if (headerStatus === 'R' && an !== 'R') out.push('a rejected transmission answers R');
  const rejects = fieldValues(status, 'FB');
  if (an === 'R') {
    if (rejects.length < 1 || rejects.length > 5) out.push(`511-FB: ${rejects.length} reject codes (1 to 5)`);
    if (Number(fieldValue(status, 'FA')) !== rejects.length) out.push('510-FA does not count the 511-FB codes');
  } else if (rejects.length) out.push('511-FB on a transaction that was not rejected');
  const messages = fieldValues(status, 'FQ');
  if (messages.length) {
    if (Number(fieldValue(status, 'UF')) !== messages.length) out.push('130-UF does not count the 526-FQ lines');
    if (fieldValues(status, 'UH').length !== messages.length) out.push('132-UH missing before a 526-FQ');
    if (messages.some((m) => m.length > 40)) out.push('526-FQ longer than 40 characters');
  }
  if ((code === 'B1' || code === 'B3') && (an === 'P' || an === 'D')) {
    const p = findSegment(g, 'AM23');
    const cents = (id: string) => {
      const v = fieldValue(p, id);
      return v === undefined ? null : decodeOverpunch(v);
    };
    for (const id of ['F5', 'F6', 'F7', 'F9']) if (cents(id) === null) out.push(`AM23 ${id} missing or not an amount`);
    const [f5, f6, f7, f9] = ['F5', 'F6', 'F7', 'F9'].map(cents);
    // With taxes, incentives, fees or other amounts in play the sum has more terms; checked only without them.
    const simple = !p?.fields.some((f) => OTHER_AMOUNTS.includes(f.id));
    if (simple && f5 !== null && f6 !== null && f7 !== null && f9 !== null && f6 + f7 - f5 !== f9)
      out.push('509-F9 is not ingredient cost + dispensing fee − patient pay');
  }
  if (headerStatus === 'A' && code !== 'E1') {
    const claim = findSegment(g, 'AM22');
    if (!fieldValue(claim, 'D2') && an !== 'R') out.push('AM22 402-D2 missing');
  }
  return out;
}
