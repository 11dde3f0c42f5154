import type { Lang } from '../../i18n/i18n';
import { LETTER_KINDS, pickWord as pick, type Words } from '../../ui/plain-words';

/** Formulary tiers in words (shared: every portal names them the same way). */
export { tierLabel } from '../../ui/plain-words';

const NOTICE_KINDS: Words = {
  ...LETTER_KINDS,
  'closure-no-response': { en: 'Case closed letter', es: 'Carta de caso cerrado' },
  'urgency-reclassified': { en: 'Urgency changed letter', es: 'Carta de cambio de urgencia' },
  'deemed-approval': { en: 'Approval letter (late decision)', es: 'Carta de aprobación (decisión tardía)' },
  'pa-needed': { en: 'Approval needed letter', es: 'Carta de aprobación necesaria' },
  escalation: { en: 'Escalation letter', es: 'Carta de escalamiento' },
  'appeal-acknowledgment': { en: 'Appeal received letter', es: 'Carta de apelación recibida' },
  'appeal-decision': { en: 'Appeal decision letter', es: 'Carta de decisión de apelación' },
};

export const noticeLabel = (kind: string, lang: Lang) => pick(NOTICE_KINDS, kind, lang, kind.replace(/-/g, ' '));

const ACTIONS: Words = {
  initiated: { en: 'Your prescriber started the request', es: 'Su médico inició la solicitud' },
  'answers-saved': {
    en: 'Your prescriber saved answers to the plan’s questions',
    es: 'Su médico guardó respuestas a las preguntas del plan',
  },
  submitted: { en: 'The request was sent to the plan', es: 'La solicitud se envió al plan' },
  'submitted-incomplete': {
    en: 'The request was sent without everything the plan needs',
    es: 'La solicitud se envió sin todo lo que el plan necesita',
  },
  'routed-to-review': {
    en: 'A clinical reviewer will look at the request',
    es: 'Un revisor clínico revisará la solicitud',
  },
  assigned: { en: 'A reviewer started working on the request', es: 'Un revisor comenzó a trabajar en la solicitud' },
  'information-requested': {
    en: 'The plan asked your prescriber for more information',
    es: 'El plan pidió más información a su médico',
  },
  'information-received': { en: 'Your prescriber sent the information', es: 'Su médico envió la información' },
  'information-not-received': { en: 'The information did not arrive in time', es: 'La información no llegó a tiempo' },
  'returned-to-review': { en: 'The request went back to review', es: 'La solicitud volvió a revisión' },
  'attachment-added': { en: 'A document was added', es: 'Se agregó un documento' },
  'urgency-reclassified': {
    en: 'The plan changed the request from urgent to standard',
    es: 'El plan cambió la solicitud de urgente a estándar',
  },
  'due-soon': { en: 'The decision is due soon', es: 'La decisión vence pronto' },
  escalated: { en: 'The request was escalated to a supervisor', es: 'La solicitud se escaló a un supervisor' },
  cancelled: { en: 'The request was withdrawn', es: 'La solicitud fue retirada' },
  'appeal-filed': { en: 'An appeal was filed', es: 'Se presentó una apelación' },
  'appeal-withdrawn': { en: 'The appeal was withdrawn', es: 'La apelación fue retirada' },
  'determination:approved': { en: 'Approved', es: 'Aprobada' },
  'determination:partially-approved': { en: 'Partly approved', es: 'Aprobada en parte' },
  'determination:denied': { en: 'Denied', es: 'Denegada' },
  'determination:closed-no-response': {
    en: 'Closed because the information did not arrive',
    es: 'Cerrada porque la información no llegó',
  },
  'determination:deemed-approved': {
    en: 'Approved because the decision was late',
    es: 'Aprobada porque la decisión llegó tarde',
  },
  'appeal-overturned': {
    en: 'The appeal was won: the decision was changed',
    es: 'Se ganó la apelación: se cambió la decisión',
  },
  'appeal-partially-overturned': { en: 'The appeal was partly won', es: 'Se ganó la apelación en parte' },
  'appeal-upheld': {
    en: 'The appeal was decided: the decision stays',
    es: 'Se decidió la apelación: la decisión se mantiene',
  },
};

export const historyLabel = (action: string, lang: Lang) => pick(ACTIONS, action, lang, action.replace(/[-:.]/g, ' '));

/** What a claim reject means for the member and what to do next, by NCPDP reject code. */
const REJECTS: Record<string, { en: [string, string]; es: [string, string] }> = {
  '22': {
    en: [
      'The pharmacy billed the brand, but the plan covers its generic, which works the same way.',
      'Ask the pharmacy for the generic. If you need the brand, your prescriber can ask for an exception.',
    ],
    es: [
      'La farmacia facturó la marca, pero el plan cubre su genérico, que funciona igual.',
      'Pida el genérico a la farmacia. Si necesita la marca, su médico puede pedir una excepción.',
    ],
  },
  '41': {
    en: ['Another plan pays for this drug.', 'Ask the pharmacy to bill the other processor shown below.'],
    es: ['Otro plan paga este medicamento.', 'Pida a la farmacia que facture al otro procesador que se muestra abajo.'],
  },
  '52': {
    en: ['The pharmacy’s member ID did not match our records.', 'Show the pharmacy your member ID card.'],
    es: [
      'El número de afiliado que usó la farmacia no coincide con nuestros registros.',
      'Muestre a la farmacia su tarjeta de afiliado.',
    ],
  },
  '09': {
    en: ['The date of birth sent by the pharmacy did not match.', 'Ask the pharmacy to check your date of birth.'],
    es: [
      'La fecha de nacimiento que envió la farmacia no coincide.',
      'Pida a la farmacia que revise su fecha de nacimiento.',
    ],
  },
  '54': {
    en: [
      'The drug code sent by the pharmacy is not in the plan’s list.',
      'Ask the pharmacy to check the drug code on the package.',
    ],
    es: [
      'El código del medicamento que envió la farmacia no está en la lista del plan.',
      'Pida a la farmacia que revise el código en el empaque.',
    ],
  },
  '60': {
    en: ['This drug is not covered at your age.', 'Your prescriber can ask the plan for an exception.'],
    es: ['Este medicamento no está cubierto a su edad.', 'Su médico puede pedir una excepción al plan.'],
  },
  '61': {
    en: ['This drug is not covered for the sex on file.', 'Your prescriber can ask the plan for an exception.'],
    es: ['Este medicamento no está cubierto para el sexo registrado.', 'Su médico puede pedir una excepción al plan.'],
  },
  '65': {
    en: ['You were not covered on the date of the fill.', 'Call member services to check your coverage dates.'],
    es: [
      'Usted no tenía cobertura en la fecha del surtido.',
      'Llame a Servicios al afiliado para revisar sus fechas de cobertura.',
    ],
  },
  '70': {
    en: [
      'This drug is not on the plan’s list of covered drugs.',
      'Ask your prescriber about a covered alternative, or to ask for an exception.',
    ],
    es: [
      'Este medicamento no está en la lista de medicamentos cubiertos del plan.',
      'Pregunte a su médico por una alternativa cubierta o pídale que solicite una excepción.',
    ],
  },
  '75': {
    en: [
      'The plan must approve this drug first (prior authorization).',
      'Your prescriber sends the request to the plan. You can follow it under Prior Authorizations.',
    ],
    es: [
      'El plan debe aprobar primero este medicamento (autorización previa).',
      'Su médico envía la solicitud al plan. Puede seguirla en Autorizaciones previas.',
    ],
  },
  '76': {
    en: [
      'The amount billed is more than the plan allows.',
      'The pharmacy can fill the allowed amount, or your prescriber can ask for an exception.',
    ],
    es: [
      'La cantidad facturada es mayor de lo que permite el plan.',
      'La farmacia puede surtir la cantidad permitida o su médico puede pedir una excepción.',
    ],
  },
  '79': {
    en: ['It is too soon to refill this prescription.', 'The pharmacy can fill it on the date shown below.'],
    es: [
      'Es demasiado pronto para volver a surtir esta receta.',
      'La farmacia puede surtirla en la fecha que se muestra abajo.',
    ],
  },
  '608': {
    en: [
      'The plan covers this drug after you try another drug first (step therapy).',
      'Ask your prescriber about the first-step drug, or to ask for an exception.',
    ],
    es: [
      'El plan cubre este medicamento después de probar otro primero (terapia escalonada).',
      'Pregunte a su médico por el medicamento del primer paso o pídale que solicite una excepción.',
    ],
  },
};

export function rejectHelp(code: string, description: string, lang: Lang): { reason: string; next: string } {
  const found = REJECTS[code]?.[lang];
  if (found) return { reason: found[0], next: found[1] };
  return lang === 'es'
    ? {
        reason: `La farmacia recibió el código ${code} (${description}).`,
        next: 'Llame a Servicios al afiliado para que le ayuden.',
      }
    : { reason: `The pharmacy was told: ${description} (code ${code}).`, next: 'Call member services for help.' };
}

const INFO_STATUS: Words = {
  open: { en: 'Waiting for your prescriber', es: 'Esperando a su médico' },
  answered: { en: 'Answered', es: 'Respondida' },
  expired: { en: 'Not answered in time', es: 'Sin respuesta a tiempo' },
};

export const infoStatus = (status: string, lang: Lang) => pick(INFO_STATUS, status, lang, status);
