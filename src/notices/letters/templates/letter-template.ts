import type { LetterContext } from '../letter-context.js';
import type { Section } from '../letter.js';

/**
 * After an adverse decision the letter explains the plan's own appeal (rights, how, and the
 * appeal form page) or, once the plan has decided an appeal, the next level outside the plan.
 */
export type AppealPath = 'plan-appeal' | 'next-level' | null;

/** One kind of notice: its title and body for the letter's audience. Adding a kind = adding one of these. */
export interface LetterTemplate {
  title(c: LetterContext): string;
  body(c: LetterContext): Section[];
  appealPath?(c: LetterContext): AppealPath;
}

export const forAudience = <T>(c: LetterContext, texts: { member: T; provider: T }): T =>
  c.audience === 'member' ? texts.member : texts.provider;

export const paragraphs = (...texts: Array<string | null | undefined | false>): Section => ({
  blocks: texts
    .filter((x): x is string => typeof x === 'string' && x !== '')
    .map((text) => ({ type: 'paragraph' as const, text })),
});
