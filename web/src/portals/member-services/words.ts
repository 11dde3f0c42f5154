import type { Lang } from '../../i18n/i18n';
import { historyActionLabel, pickWord as pick, STAFF_HISTORY_ACTIONS, type Words } from '../../ui/plain-words';

/** Plain words for codes the API returns, as member services explains them to a caller. */

export { rejectInWords } from '../../ui/reject-words';
/** Letters: their kind and recipient in the words every staff screen uses. */
export { staffLetterLabel as noticeLabel } from '../../ui/plain-words';
export { letterRecipientLabel as recipientLabel } from '../../ui/letter-delivery';

const HOW: Words = {
  epa: {
    en: 'electronic PA from the prescriber’s system',
    es: 'Autorización previa electrónica desde el sistema del médico',
  },
  portal: { en: 'the prescriber portal', es: 'el portal de médicos' },
  fax: { en: 'fax', es: 'fax' },
  phone: { en: 'phone', es: 'teléfono' },
};
export const howToRequest = (way: string, lang: Lang) => pick(HOW, way, lang);

const RELATIONSHIPS: Words = {
  member: { en: 'The member', es: 'El afiliado' },
  representative: { en: 'Authorized representative', es: 'Representante autorizado' },
  'prescriber-office': { en: 'Prescriber’s office', es: 'Consultorio del médico' },
  pharmacy: { en: 'Pharmacy', es: 'Farmacia' },
  other: { en: 'Someone else', es: 'Otra persona' },
};
export const relationshipLabel = (r: string, lang: Lang) => pick(RELATIONSHIPS, r, lang);
export const RELATIONSHIP_KEYS = Object.keys(RELATIONSHIPS);

const METHODS: Words = {
  'member-id+date-of-birth': { en: 'Member ID and date of birth', es: 'Número de afiliado y fecha de nacimiento' },
  'date-of-birth+address': { en: 'Date of birth and address', es: 'Fecha de nacimiento y dirección' },
  'date-of-birth+phone': { en: 'Date of birth and phone on file', es: 'Fecha de nacimiento y teléfono registrado' },
  'representative-authorization-on-file': {
    en: 'Representative authorization on file',
    es: 'Autorización de representante registrada',
  },
  'prescriber-npi+member-date-of-birth': {
    en: 'Prescriber NPI and member’s date of birth',
    es: 'NPI del médico y fecha de nacimiento del afiliado',
  },
  'pharmacy-npi+member-date-of-birth': {
    en: 'Pharmacy NPI and member’s date of birth',
    es: 'NPI de la farmacia y fecha de nacimiento del afiliado',
  },
};
export const methodLabel = (m: string, lang: Lang) => pick(METHODS, m, lang);
export const METHOD_KEYS = Object.keys(METHODS);

const TOPICS: Words = {
  'claim-reject': { en: 'A pharmacy claim was not paid', es: 'Una reclamación de farmacia no se pagó' },
  'pa-status': { en: 'Prior authorization status', es: 'Estado de autorización previa' },
  appeal: { en: 'Appeal', es: 'Apelación' },
  coverage: { en: 'Coverage or cost', es: 'Cobertura o costo' },
  letter: { en: 'A letter', es: 'Una carta' },
  other: { en: 'Other', es: 'Otro' },
};
export const topicLabel = (t: string, lang: Lang) => pick(TOPICS, t, lang);
export const TOPIC_KEYS = Object.keys(TOPICS);

const URGENCY: Words = {
  standard: { en: 'Standard', es: 'Estándar' },
  urgent: { en: 'Urgent', es: 'Urgente' },
};
export const urgencyLabel = (u: string, lang: Lang) => pick(URGENCY, u, lang);

/** History actions: "determination:denied" → the status label; others in the words every staff screen uses. */
export const actionLabel = (action: string, lang: Lang) => historyActionLabel(STAFF_HISTORY_ACTIONS, action, lang);
