import type { LetterContext } from '../letter-context.js';
import type { Letter } from '../letter.js';

const cityLine = (x: { city: string | null; state: string | null; zip: string | null }) =>
  [x.city, [x.state, x.zip].filter(Boolean).join(' ')].filter((s) => s && s.trim()).join(', ');
const lines = (...xs: Array<string | null | undefined>) => xs.filter((x): x is string => Boolean(x && x.trim()));

/** Plan letterhead: the plan's name, who handles PA, and the numbers to call or fax. */
export function letterhead(c: LetterContext): Letter['letterhead'] {
  const { t, contacts } = c;
  return {
    name: c.input.plan.name,
    lines: lines(
      t.letterhead.handledBy(contacts.handledBy),
      contacts.memberServicesPhone ? t.letterhead.memberServices(contacts.memberServicesPhone) : null,
      contacts.priorAuthPhone ? t.letterhead.paPhone(contacts.priorAuthPhone) : null,
      contacts.priorAuthFax ? t.letterhead.paFax(contacts.priorAuthFax) : null,
    ),
  };
}

/** The address block: a member's name and mailing address; a prescriber's or pharmacy's name, NPI and fax. */
export function recipientBlock(c: LetterContext): string[] {
  const { input, t } = c;
  const { notice, member, prescriber, pharmacy } = input;
  if (notice.recipient === 'member' && member) return lines(c.memberName, member.addressLine1, cityLine(member));
  if (notice.recipient === 'prescriber' && prescriber) {
    return lines(
      c.prescriberName,
      `${t.labels.npi}: ${prescriber.npi}`,
      prescriber.fax ? `${t.labels.fax}: ${prescriber.fax}` : null,
      prescriber.addressLine1,
      cityLine(prescriber),
    );
  }
  if (notice.recipient === 'pharmacy' && pharmacy) {
    return lines(
      pharmacy.name,
      `${t.labels.npi}: ${pharmacy.npi}`,
      pharmacy.fax ? `${t.labels.fax}: ${pharmacy.fax}` : null,
      pharmacy.addressLine1,
      cityLine(pharmacy),
    );
  }
  return lines(notice.address ?? notice.recipientId);
}

/**
 * Who and what the letter is about. Letters to prescribers and pharmacies identify the patient
 * by name, member id and date of birth (the three a provider office matches a chart on).
 */
export function referenceRows(c: LetterContext): Array<[string, string]> {
  const { input, t, content } = c;
  const rows: Array<[string, string]> = [];
  const requestId = input.notice.paRequestId ?? content.paRequestId;
  const appealId = input.notice.appealId ?? content.appealId;
  if (c.audience === 'member') {
    rows.push([t.labels.member, c.memberName]);
    if (input.member) rows.push([t.labels.memberId, input.member.id]);
  } else {
    rows.push([t.labels.patient, c.memberName]);
    if (input.member)
      rows.push([t.labels.memberId, input.member.id], [t.labels.dateOfBirth, c.date(input.member.dateOfBirth)]);
    if (input.notice.recipient === 'pharmacy' && input.prescriber)
      rows.push([t.labels.prescriber, `${c.prescriberName} (${t.labels.npi} ${input.prescriber.npi})`]);
  }
  rows.push([t.labels.drug, c.drug]);
  if (requestId) rows.push([t.labels.requestNumber, requestId]);
  if (appealId) rows.push([t.labels.appealNumber, appealId]);
  rows.push([t.labels.plan, input.plan.name]);
  return rows;
}

export function greeting(c: LetterContext): string {
  const { input, t } = c;
  if (input.notice.recipient === 'member') return t.greeting.person(c.memberName);
  if (input.notice.recipient === 'prescriber') return t.greeting.person(c.prescriberName);
  return t.greeting.pharmacy;
}
