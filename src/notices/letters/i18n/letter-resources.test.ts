import { describe, expect, it } from 'vitest';
import { placeholdersOf } from './fill-placeholders.js';
import { stringsFor } from './index.js';
import { LETTER_RESOURCES, letterLanguageFor, letterResource, reviewStatus, sendsAlone } from './letter-resources.js';

type Tree = string | string[] | { [key: string]: Tree };

/** Every leaf of a messages tree: dotted key → its strings (one, or each item of a list). */
function leaves(tree: Tree, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (typeof tree === 'string') out.set(prefix, [tree]);
  else if (Array.isArray(tree)) out.set(prefix, tree);
  else
    for (const [k, v] of Object.entries(tree))
      for (const [kk, vv] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  return out;
}

const english = leaves(letterResource('en').messages as Tree);

describe('letter resource files (src/notices/letters/i18n/messages)', () => {
  it('are English, Spanish, Traditional Chinese, Vietnamese, Korean and Tagalog', () => {
    expect(LETTER_RESOURCES.map((r) => r.language)).toEqual(['en', 'es', 'zh-Hant', 'vi', 'ko', 'tl']);
  });

  for (const resource of LETTER_RESOURCES.filter((r) => r.language !== 'en')) {
    it(`${resource.language} has every key of English, nothing else, with the same placeholders`, () => {
      const theirs = leaves(resource.messages as Tree);
      expect([...theirs.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, strings] of english) {
        const translated = theirs.get(key)!;
        // A list is a list of paragraphs or lines: one translated item per English item.
        expect(translated.length, key).toBe(strings.length);
        strings.forEach((s, i) => {
          expect(placeholdersOf(translated[i]), `${resource.language} ${key}[${i}]`).toEqual(placeholdersOf(s));
          expect(translated[i].trim(), `${resource.language} ${key}[${i}] is empty`).not.toBe('');
        });
      }
    });

    it(`${resource.language} says whether a qualified translator reviewed it, and who and when if so`, () => {
      expect(['reviewed', 'not-reviewed']).toContain(resource.review.status);
      if (resource.review.status === 'reviewed') {
        expect(resource.review.reviewer).toMatch(/\S/);
        expect(resource.review.reviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      } else expect(resource.review.note).toMatch(/qualified translator/);
      expect(resource.locale).toMatch(/^[a-z]{2,3}-[A-Z]{2}$/);
    });
  }

  it('the new translations and Spanish are marked not reviewed (no qualified translator has signed them off yet)', () => {
    expect(reviewStatus(letterResource('en'))).toBe('source');
    for (const l of ['es', 'zh-Hant', 'vi', 'ko', 'tl'] as const) {
      expect(reviewStatus(letterResource(l)), l).toBe('not-reviewed');
      expect(sendsAlone(l), l).toBe(false);
    }
    expect(sendsAlone('en')).toBe(true);
  });

  it('Spanish uses the portals\' one word for each thing: "afiliado", "Servicios al afiliado", "reclamación"', () => {
    // docs/design.md#portal-language: the letters and the screens (web/src/i18n/spanish-terms.test.ts) agree.
    const spanish = [...leaves(letterResource('es').messages as Tree).values()].flat();
    const notChosen = [
      /\bmiembros?\b/i,
      /\b[Ss]ervicios (para|a) (los )?afiliados?\b|\bservicios al afiliado\b/,
      /\breclamos?\b/i,
      /\bsolicitud(es)? de pago\b/i,
    ];
    expect(spanish.filter((text) => notChosen.some((p) => p.test(text)))).toEqual([]);
    expect(spanish).toContain('Servicios al afiliado: {phone} (TTY 711)');
  });

  it('binds every string: placeholders filled by name, whatever their order in the language', () => {
    const ko = stringsFor('ko');
    expect(ko.amountPerDays('30', 28)).toBe('28일마다 30단위');
    expect(stringsFor('en').amountPerDays('30', 28)).toBe('30 units every 28 days');
    expect(stringsFor('zh-Hant').pageOf(2, 5)).toBe('第 2 頁，共 5 頁');
    expect(stringsFor('vi').clock({ amount: 72, unit: 'hours' })).toBe('72 giờ');
    expect(stringsFor('es').clock({ amount: 1, unit: 'business-days' })).toBe('1 día hábil');
    expect(stringsFor('tl').escalation.forwarded.member.intro('Ozempic', null)).not.toContain('{');
    expect(stringsFor('tl').escalation.forwarded.member.intro('Ozempic', 'Disyembre 1, 2026')).toContain(
      'Disyembre 1, 2026',
    );
  });
});

describe("letterLanguageFor (a member's stored language → the letters they get)", () => {
  it.each([
    ['en', 'en'],
    ['es', 'es'],
    ['es-MX', 'es'],
    ['zh', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-TW', 'zh-Hant'],
    ['zh_hk', 'zh-Hant'],
    ['zh-Hans', null],
    ['zh-CN', null],
    ['vi', 'vi'],
    ['ko', 'ko'],
    ['KO-kr', 'ko'],
    ['tl', 'tl'],
    ['fil', 'tl'],
    ['hmn', null],
    ['ru', null],
  ])('%s → %s', (code, expected) => {
    expect(letterLanguageFor(code)).toBe(expected);
  });
});
