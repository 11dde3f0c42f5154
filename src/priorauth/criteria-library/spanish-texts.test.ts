import { describe, expect, it } from 'vitest';
import { translationOf } from '../../shared/fhir-translation.js';
import { factWords } from '../../shared/fact-words.js';
import type { QuestionnaireItem } from '@medplum/fhirtypes';
import { criteriaLibrary } from './index.js';

/**
 * docs/design.md#portal-language: the plan's own words on a Spanish screen are Spanish. Every text a
 * portal shows from the demo criteria sets — the set's title, each question, each option, each
 * required document, each rule, each computed fact — carries a Spanish translation (FHIR translation extension), written
 * with the plan's one word for each thing.
 */
type Translatable = { where: string; text: string; element: unknown };

function texts(): Translatable[] {
  const out: Translatable[] = [];
  for (const set of criteriaLibrary) {
    const s = set as unknown as Record<string, unknown> & typeof set;
    out.push({ where: `${set.id} title`, text: set.title, element: s._title });
    const walk = (items: QuestionnaireItem[] | undefined) => {
      for (const it of items ?? []) {
        const item = it as QuestionnaireItem & { _text?: unknown };
        if (it.text) out.push({ where: `${set.id} ${it.linkId}`, text: it.text, element: item._text });
        for (const o of it.answerOption ?? []) {
          const c = o.valueCoding as { display?: string; _display?: unknown } | undefined;
          if (c?.display) out.push({ where: `${set.id} ${it.linkId} option`, text: c.display, element: c._display });
        }
        walk(it.item);
      }
    };
    walk(set.questionnaire.item);
    for (const d of set.requiredDocuments)
      out.push({ where: `${set.id} document ${d.id}`, text: d.text, element: d._text });
    for (const r of set.rules) out.push({ where: `${set.id} rule ${r.id}`, text: r.text, element: r._text });
    // A computed fact in words (its label, or words made from its kind) for the reviewer's trace.
    for (const f of set.facts) {
      const w = factWords(f);
      out.push({ where: `${set.id} fact ${f.name}`, text: w.label, element: w._label });
    }
  }
  return out;
}

const NOT_CHOSEN = [
  /\breclamos?\b/i,
  /\bsolicitud(es)? de pago\b/i,
  /\bmiembros?\b/i,
  /\bpre-?autorizaci[oó]n/i,
  /\baprobaci[oó]n previa\b/i,
  /\bimpugnaci[oó]n/i,
  /\b(droguer[ií]a|botica)s?\b/i,
];

describe('the demo criteria sets in Spanish', () => {
  const all = texts();

  it('reads every set (a broken reader would pass anything)', () => {
    expect(criteriaLibrary.length).toBeGreaterThan(10);
    expect(all.length).toBeGreaterThan(200);
  });

  it('translate every title, question, option, required document and rule', () => {
    expect(all.filter((t) => !translationOf(t.element, 'es')).map((t) => `${t.where}: ${t.text}`)).toEqual([]);
  });

  it('use the plan’s Spanish words, never a synonym', () => {
    const spanish = [
      ...all.map((t) => translationOf(t.element, 'es') ?? ''),
      ...criteriaLibrary.flatMap((s) => Object.values(s.denialLanguage).map((w) => w.es)),
    ];
    expect(spanish.filter((text) => NOT_CHOSEN.some((p) => p.test(text)))).toEqual([]);
  });
});
