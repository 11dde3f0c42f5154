/**
 * An appeal decision's reasons in every letter language (docs/design.md#portal-language), as
 * rules/determination-wording.ts does for the case's own determination: what a screen in Spanish
 * shows in place of the English `reasons`.
 *
 * `reasons` stay as written — the reviewer's own words, or the system's sentence — for English
 * screens, the letter and the audit trail. Beside them the appeal stores `reasonsByLanguage`
 * ({ en: [...], es: [...] }): the system's sentence in both languages when the reviewer wrote none,
 * otherwise one plain sentence per decision that sends the reader to the letter. Pure: no I/O.
 */
import type { AppealDecision } from '../appeal-status.js';

export type Wording = { en: string; es: string };

/** An appeal overturned without reasons: the system says why (callers use `.en` as the reason). */
export const CRITERIA_MET_ON_APPEAL: Wording = {
  en: 'On appeal, the coverage criteria were reviewed again and are met.',
  es: 'En la apelación, se revisaron otra vez los criterios de cobertura y se cumplen.',
};

/** When the reasons are the reviewer's own words: one plain sentence per decision, pointing to the letter. */
const REVIEWER_WROTE: Record<AppealDecision, Wording> = {
  overturned: {
    en: 'On appeal, a clinical reviewer approved the request. The letter explains why.',
    es: 'En la apelación, un revisor clínico aprobó la solicitud. La carta explica por qué.',
  },
  'partially-overturned': {
    en: 'On appeal, a clinical reviewer approved part of the request. The letter explains why.',
    es: 'En la apelación, un revisor clínico aprobó una parte de la solicitud. La carta explica por qué.',
  },
  upheld: {
    en: 'On appeal, a clinical reviewer upheld the decision. The letter explains why.',
    es: 'En la apelación, un revisor clínico mantuvo la decisión. La carta explica por qué.',
  },
};

/** The reasons people read, in English and Spanish: `reviewerReasons` are what the reviewer wrote (trimmed, non-empty). */
export function appealReasonsByLanguage(
  decision: AppealDecision,
  reviewerReasons: readonly string[],
): { en: string[]; es: string[] } {
  const wording = reviewerReasons.length ? REVIEWER_WROTE[decision] : CRITERIA_MET_ON_APPEAL;
  return { en: [wording.en], es: [wording.es] };
}
