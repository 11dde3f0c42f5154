import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import type { Lang } from '../i18n/i18n';
import { itemText } from '../questionnaire/questionnaire-extensions';
import { documentText, type PlanDocument } from './plan-text';

/** What was asked for: a question or a document, in the reviewer's words or the criteria set's. */
export interface InformationItemWords {
  question?: string;
  document?: string;
  linkId?: string;
  documentId?: string;
}

/** The case's criteria set words an item can point at. */
export interface CaseWords {
  questionnaire?: unknown;
  requiredDocuments: PlanDocument[];
}

function findItem(items: QuestionnaireItem[] | undefined, linkId: string): QuestionnaireItem | undefined {
  for (const it of items ?? []) {
    if (it.linkId === linkId) return it;
    const inner = findItem(it.item, linkId);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * An information request's item in the portal's language (docs/design.md#portal-language): a question
 * or document of the criteria set (the system's "still needed" list) is worded from the set, with its
 * translation; a reviewer's own question stays in the reviewer's words.
 */
export function informationItemText(item: InformationItemWords, c: CaseWords, lang: Lang): string {
  if (item.linkId) {
    const q = findItem((c.questionnaire as Questionnaire | null | undefined)?.item, item.linkId);
    if (q) return itemText(q, lang);
  }
  if (item.documentId) {
    const d = c.requiredDocuments.find((r) => r.id === item.documentId);
    if (d) return documentText(d, lang);
  }
  return item.document ?? item.question ?? '';
}

const SYSTEM_NOTE: Record<Exclude<Lang, 'en'>, string> = {
  es: 'A la solicitud le falta información obligatoria.',
};

/**
 * A request's note: a reviewer's as written; the one the system writes when a submission is
 * incomplete (requestedBy "system", English) in the portal's own words on screens in another language.
 */
export function informationNote(r: { note: string | null; requestedBy: string }, lang: Lang): string | null {
  if (!r.note) return null;
  if (lang === 'en' || r.requestedBy !== 'system') return r.note;
  return SYSTEM_NOTE[lang];
}
