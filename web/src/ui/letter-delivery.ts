import type { Lang } from '../i18n/i18n';
import { pickWord, type Words } from './plain-words';

/**
 * How a letter (GET /notices: `recipient`, `channel`) reached its recipient: by mail, e-mail or fax,
 * or posted in the recipient's own portal — a member's letter in the member portal. Not how the
 * request reached the plan (the case's `channel`, ui/channel-label.ts): a letter to the member is
 * never "Prescriber portal" because the prescriber sent the request there.
 */
const SENT_BY: Words = {
  mail: { en: 'Mail', es: 'Correo postal' },
  email: { en: 'E-mail', es: 'Correo electrónico' },
  fax: { en: 'Fax', es: 'Fax' },
};

const PORTAL_OF: Words = {
  member: { en: 'Member portal', es: 'Portal para afiliados' },
  prescriber: { en: 'Prescriber portal', es: 'Portal de médicos' },
  pharmacy: { en: 'Pharmacy portal', es: 'Portal de farmacias' },
};

export const letterDeliveryLabel = (n: { recipient: string; channel: string }, lang: Lang): string =>
  n.channel === 'portal' ? pickWord(PORTAL_OF, n.recipient, lang) : pickWord(SENT_BY, n.channel, lang);

const RECIPIENTS: Words = {
  member: { en: 'Member', es: 'Afiliado' },
  prescriber: { en: 'Prescriber', es: 'Médico' },
  pharmacy: { en: 'Pharmacy', es: 'Farmacia' },
};

/** Whom a letter went to (GET /notices `recipient`), as the staff screens name them. */
export const letterRecipientLabel = (recipient: string, lang: Lang): string => pickWord(RECIPIENTS, recipient, lang);
