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

export type PlanFact = { name: string; label: string; _label?: unknown };

/**
 * A fact the plan computed, in words: `facts.metforminDays365` (as the trace records it) or `metforminDays365`
 * → the set's name for it ("Days of metformin in the last year" / "Días de metformina en el último año").
 * A fact the set no longer names is spelled out from its name ("Metformin days 365"), never shown as a code.
 */
export function factText(facts: PlanFact[] | undefined, key: string, lang: Lang): string {
  const name = key.replace(/^facts\./, '');
  const f = facts?.find((x) => x.name === name);
  if (f) return localized(f.label, f._label, lang);
  const words = name
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
