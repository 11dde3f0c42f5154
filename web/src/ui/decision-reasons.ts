import type { Lang } from '../i18n/i18n';

/** A decision that may say its reasons in several languages (GET /pa-requests/{id}: determination). */
export interface DecisionWords {
  reasons: string[];
  reasonsByLanguage?: Record<string, string[]>;
}

/** A decision recorded before reasons were stored in both languages: its letter says them in the member's language. */
const IN_THE_LETTER: Record<Exclude<Lang, 'en'>, string> = {
  es: 'Los motivos de esta decisión están en la carta de la decisión.',
};

/**
 * The reasons a screen shows (docs/design.md#portal-language): on English screens the reasons as
 * written (the reviewer's own words); in another language the server's wording in it (the plain
 * wording of each criterion not met, as the letter has it), never the English.
 */
export function decisionReasons(d: DecisionWords, lang: Lang): string[] {
  if (lang === 'en') return d.reasons;
  const words = d.reasonsByLanguage?.[lang];
  if (words?.length) return words;
  return d.reasons.length ? [IN_THE_LETTER[lang]] : [];
}

/** The case's history steps that record an appeal's decision (src/appeals/decide-appeal.ts). */
const APPEAL_DECIDED = ['appeal-overturned', 'appeal-partially-overturned', 'appeal-upheld'];

/**
 * A history step's reason: on English screens as recorded. In another language a decision's
 * reasons (English, the reviewer's words) are left to the decision section, which says them in that
 * language; an appeal's decision says the reasons the step stored in that language
 * (`details.reasonsByLanguage`), or nothing when it has none; and the system's own notes (English,
 * e.g. "Not every criterion could be confirmed automatically") are left out — the step's name says
 * what happened. A person's words stay.
 */
export function historyReason(
  h: { action: string; actor: string; reason: string | null; details?: Record<string, unknown> | null },
  lang: Lang,
): string | null {
  if (lang === 'en' || !h.reason) return h.reason;
  if (APPEAL_DECIDED.includes(h.action)) {
    const words = (h.details?.reasonsByLanguage as Record<string, string[]> | undefined)?.[lang];
    return words?.length ? words.join(' ') : null;
  }
  if (h.actor === 'system') return null;
  return h.action.startsWith('determination') || h.action === 'cancelled' ? null : h.reason;
}
