import { localized } from '../../../src/shared/fhir-translation';
import type { Lang } from '../i18n/i18n';

/**
 * Words a plan wrote in its criteria sets — a set's title, the documents it asks for — in the portal's
 * language where the set translates them (FHIR translation extension on `_title` / `_text`), else the
 * English the plan wrote (docs/design.md#portal-language). Questions and options: questionnaire-extensions.ts.
 */
export type PlanDocument = { id: string; text: string; _text?: unknown };

export const documentText = (d: { text: string; _text?: unknown }, lang: Lang) => localized(d.text, d._text, lang);

export const criteriaTitle = (c: { title: string; _title?: unknown }, lang: Lang) => localized(c.title, c._title, lang);

export type PlanRule = { id: string; text: string; _text?: unknown };

/** A criteria set's rule in words (its id only if the set no longer names it). */
export function ruleText(rules: PlanRule[], id: string, lang: Lang): string {
  const r = rules.find((x) => x.id === id);
  return r ? localized(r.text, r._text, lang) : id;
}
