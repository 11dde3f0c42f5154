import type { Lang } from '../i18n/i18n';
import { statusLabel } from './format';

/**
 * Plain words for codes the API returns that several portals name the same way. Each portal keeps
 * the words that are its own (a member is told "your prescriber…", a pharmacist gets the counter
 * wording) and spreads these shared tables under them.
 */
export type Words = Record<string, { en: string; es: string }>;

/** The word for `key`, or the code itself in words when the table has none. */
export const pickWord = (table: Words, key: string, lang: Lang, fallback = key.replace(/-/g, ' ')): string =>
  table[key]?.[lang] ?? fallback;

/** "Dana Whitfield, MD": the credential once, even when the name already carries it. */
export function nameWithCredential(name: string, credential: string | null | undefined): string {
  return credential && !name.includes(credential) ? `${name}, ${credential}` : name;
}

/** Letters (GET /notices kind) every portal names the same way. */
export const LETTER_KINDS: Words = {
  approval: { en: 'Approval letter', es: 'Carta de aprobación' },
  'partial-approval': { en: 'Partial approval letter', es: 'Carta de aprobación parcial' },
  denial: { en: 'Denial letter', es: 'Carta de denegación' },
  'renewal-reminder': { en: 'Renewal reminder', es: 'Recordatorio de renovación' },
  'information-request': { en: 'Request for more information', es: 'Solicitud de más información' },
  'incomplete-request': { en: 'Incomplete request letter', es: 'Carta de solicitud incompleta' },
  cancellation: { en: 'Withdrawal letter', es: 'Carta de retiro' },
  'request-acknowledgment': { en: 'Request received letter', es: 'Carta de solicitud recibida' },
};

/** Letters as the staff screens (member services, reviewer, prescriber) name them. */
export const STAFF_LETTER_KINDS: Words = {
  ...LETTER_KINDS,
  'deemed-approval': { en: 'Approval (decision late)', es: 'Aprobación (decisión tardía)' },
  'appeal-acknowledgment': { en: 'Appeal received', es: 'Apelación recibida' },
  escalation: { en: 'Escalation notice', es: 'Aviso de escalamiento' },
  'closure-no-response': { en: 'Closed for no response', es: 'Cerrada por falta de respuesta' },
  'urgency-reclassified': { en: 'Urgency changed', es: 'Cambio de urgencia' },
  'pa-needed': { en: 'Approval needed', es: 'Aprobación necesaria' },
  'appeal-decision': { en: 'Appeal decision', es: 'Decisión de apelación' },
};

/** A letter's kind as the staff screens (member services, reviewer) name it. */
export const staffLetterLabel = (kind: string, lang: Lang): string => pickWord(STAFF_LETTER_KINDS, kind, lang);

/**
 * Case and appeal history steps (history[].action) as the staff screens (member services, reviewer) name
 * them; the prescriber portal spreads them under its own words for the steps it took itself.
 */
export const STAFF_HISTORY_ACTIONS: Words = {
  initiated: { en: 'Request started', es: 'Solicitud iniciada' },
  'answers-saved': { en: 'Answers saved', es: 'Respuestas guardadas' },
  submitted: { en: 'Sent to the plan', es: 'Enviada al plan' },
  'submitted-incomplete': { en: 'Sent incomplete', es: 'Enviada incompleta' },
  'routed-to-review': { en: 'Sent to clinical review', es: 'Enviada a revisión clínica' },
  assigned: { en: 'Reviewer assigned', es: 'Revisor asignado' },
  'information-requested': {
    en: 'More information requested from the prescriber',
    es: 'Se pidió más información al médico',
  },
  'returned-to-review': { en: 'Back in review', es: 'De vuelta en revisión' },
  'attachment-added': { en: 'Document added', es: 'Documento agregado' },
  'urgency-reclassified': { en: 'Urgent changed to standard', es: 'Cambiada de urgente a estándar' },
  'information-received': { en: 'Information received', es: 'Información recibida' },
  'information-not-received': { en: 'Information not received in time', es: 'La información no llegó a tiempo' },
  'due-soon': { en: 'Decision due soon', es: 'La decisión vence pronto' },
  escalated: { en: 'Escalated', es: 'Escalada' },
  cancelled: { en: 'Withdrawn', es: 'Retirada' },
  // Written on the case when its appeal moves (file-appeal, withdraw-appeal, decide-appeal).
  'appeal-filed': { en: 'Appeal filed', es: 'Apelación presentada' },
  'appeal-withdrawn': { en: 'Appeal withdrawn', es: 'Apelación retirada' },
  'appeal-overturned': { en: 'Appeal decided: overturned', es: 'Apelación decidida: revocada' },
  'appeal-partially-overturned': {
    en: 'Appeal decided: partly overturned',
    es: 'Apelación decidida: revocada en parte',
  },
  'appeal-upheld': { en: 'Appeal decided: upheld', es: 'Apelación decidida: confirmada' },
  // Written on the appeal itself (its own history, on the reviewer's appeal screen).
  filed: { en: 'Appeal filed', es: 'Apelación presentada' },
  withdrawn: { en: 'Appeal withdrawn', es: 'Apelación retirada' },
  'auto-forwarded-to-ire': {
    en: 'Sent to the independent review entity',
    es: 'Enviada a la entidad de revisión independiente',
  },
};

/** A case history step in words: "determination:denied" is the status it led to; others from `table`. */
export function historyActionLabel(table: Words, action: string, lang: Lang): string {
  const [head, tail] = action.split(':');
  if (tail && (head === 'determination' || head === 'decision')) return statusLabel(tail, lang);
  return pickWord(table, action, lang, action.replace(/[-:]/g, ' '));
}

/** Formulary tiers in words: no portal shows the code ("preferred-brand"). */
const TIERS: Words = {
  generic: { en: 'Generic', es: 'Genérico' },
  'preferred-generic': { en: 'Preferred generic', es: 'Genérico preferido' },
  'preferred-brand': { en: 'Preferred brand', es: 'Marca preferida' },
  'non-preferred-generic': { en: 'Non-preferred generic', es: 'Genérico no preferido' },
  'non-preferred-brand': { en: 'Non-preferred brand', es: 'Marca no preferida' },
  'non-preferred-drug': { en: 'Non-preferred drug', es: 'Medicamento no preferido' },
  specialty: { en: 'Specialty', es: 'Especialidad' },
};

export const tierLabel = (tier: string | null, lang: Lang) =>
  tier ? pickWord(TIERS, tier, lang, tier.replace(/-/g, ' ')) : '—';

/**
 * The prerequisite's name without the plan's English note in parentheses ("metformin (90 days'
 * supply in the past year)"): the days are said from the facts, in the portal's language.
 */
export function prerequisiteName(text: string, lang: Lang): string {
  const name = text.replace(/\s*\([^)]*\)\s*$/, '');
  return lang === 'es' ? (SPANISH_PREREQUISITES[name] ?? name) : name;
}
const SPANISH_PREREQUISITES: Record<string, string> = {
  'a statin': 'una estatina',
  'a preferred drug': 'un medicamento preferido',
  metformin: 'metformina',
};

/** A language by its own name ("Español", not "es"): how people find theirs in a list (docs/design.md#phones). */
const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Español',
  zh: '中文',
  vi: 'Tiếng Việt',
  tl: 'Tagalog',
};
export const languageName = (code: string | null | undefined): string =>
  code ? (LANGUAGE_NAMES[code.slice(0, 2).toLowerCase()] ?? code) : '—';
