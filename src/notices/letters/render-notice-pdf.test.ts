import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { contentFor, letterInput, PLANS } from '../../../test/support/letter-fixtures.js';
import { pdfPages } from '../../../test/support/pdf-pages.js';
import { NOTICE_KINDS } from '../queue-notices.js';
import { stringsFor } from './i18n/index.js';
const en = stringsFor('en');
const es = stringsFor('es');
import { TAGLINES } from './i18n/taglines.js';
import { renderNoticePdf } from './render-notice-pdf.js';
import { fontFor, unprintableChars } from './write-letter-pdf.js';

/** The rendered letter's pages as pdftotext reads them. */
async function pages(input: Parameters<typeof renderNoticePdf>[0]): Promise<string[]> {
  const pdf = await renderNoticePdf(input);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return pdfPages(pdf);
}

describe('renderNoticePdf (text read back with pdftotext)', () => {
  it('a Spanish denial to a member: reasons, deadline, appeal form page, taglines page', async () => {
    const p = await pages(letterInput({ kind: 'denial', recipient: 'member', language: 'es' }));
    const all = p.join(' ');
    expect(p[0]).toContain('Medi-Cal Rx (fee-for-service)');
    expect(p[0]).toContain('Servicios al afiliado: 1-800-977-2273 (TTY 711)');
    expect(p[0]).toContain('20 de noviembre de 2026');
    expect(p[0]).toContain('Negamos su solicitud de cobertura de un medicamento');
    expect(all).toContain('Su prueba de sangre HbA1c reciente es menor de 7% o tiene más de 6 meses.');
    expect(all).toContain('Primero debe probar metformina durante al menos 90 días, a menos que no pueda tomarla.');
    expect(all).toContain('Debe pedir la apelación a más tardar el 19 de enero de 2027.');
    expect(all).toContain('Audiencia Estatal Imparcial');

    // The appeal form starts its own page, filled in, with the urgent box and the signature line.
    const form = p.findIndex((page) => page.startsWith('Formulario de solicitud de apelación'));
    expect(form).toBeGreaterThan(0);
    for (const v of [
      'María José Hernández',
      'M100200300',
      '5 de marzo de 1978',
      'par_TEST0001',
      '19 de enero de 2027',
      'APELACIÓN RÁPIDA',
      'Firma',
      'Fecha',
      'Por teléfono: llame al 1-800-977-2273',
    ])
      expect(p[form]).toContain(v);
    // One sheet: the next page is the taglines page.
    expect(p[form + 1]).toMatch(/^Ayuda con idiomas y sus derechos/);

    // The last page: taglines in five languages and the non-discrimination notice.
    const last = p[p.length - 1];
    expect(last).toMatch(/^Ayuda con idiomas y sus derechos/);
    for (const t of [
      'ATTENTION: If you need help in your language',
      'ATENCIÓN: si habla español',
      'Tiếng Việt (Vietnamese): CHÚ Ý: Nếu bạn nói Tiếng Việt, có các dịch vụ hỗ trợ ngôn ngữ miễn phí dành cho bạn.',
      'PAUNAWA: Kung nagsasalita',
      'Sección 1557',
    ])
      expect(last).toContain(t);
    // Chinese is printed in Chinese characters and read back as such (a line may break anywhere in it: compare without spaces).
    expect(last.replace(/\s/g, '')).toContain(
      '中文(Chinese):注意：如果您使用简体中文，您可以免费获得语言援助服务。请致电1-800-977-2273（TTY：711）。',
    );

    expect(p[0]).toContain(`Página 1 de ${p.length}`);
  });

  it('an English denial faxed to the prescriber: patient identification, criteria not met, reviewer, no taglines', async () => {
    const p = await pages(letterInput({ kind: 'denial', recipient: 'prescriber', lob: 'commercial' }));
    const all = p.join(' ');
    for (const v of [
      'Prior authorization fax: 1-510-555-0101',
      'Grace Okafor, MD',
      'NPI: 1234567893',
      'Date of birth March 5, 1978',
      'Member ID M100200300',
      'Prior authorization denied',
      'HbA1c at or above 7% within the last 6 months',
      'Reviewed by Dana Doctor, MD (physician).',
      'may appeal by May 19, 2027',
      'Independent Medical Review',
      'By fax: send the appeal form to 1-510-555-0101.',
    ])
      expect(all).toContain(v);
    // The appeal form is the last page, on one sheet, for a Medicare plan too (it adds the CMS-1696 line).
    expect(p[p.length - 1]).toMatch(/^Appeal request form.*Signature/);
    const partD = await pages(letterInput({ kind: 'denial', recipient: 'member', lob: 'medicare-d', language: 'es' }));
    const formPage = partD.findIndex((page) => page.startsWith('Formulario de solicitud de apelación'));
    expect(partD[formPage]).toContain('CMS-1696');
    expect(partD[formPage + 1]).toMatch(/^Ayuda con idiomas/);
    expect(all).not.toContain('注意');
    expect(p[0]).toContain(`Page 1 of ${p.length}`);
  });

  it('an information request lists exactly the items and the due date and time', async () => {
    const [first] = await pages(letterInput({ kind: 'information-request', recipient: 'prescriber' }));
    expect(first).toContain('1. Question: Attach the most recent HbA1c with its date');
    expect(first).toContain('2. Document: Chart notes documenting the metformin trial');
    expect(first).toContain('Please send it by November 23, 2026 at 9:00 AM PST.');
  });

  it('prints a Vietnamese name and tagline with their diacritics', async () => {
    const input = letterInput({
      kind: 'approval',
      recipient: 'member',
      language: 'vi',
      member: { firstName: 'Thị Hương', lastName: 'Nguyễn', language: 'vi' },
    });
    const [first] = await pages(input);
    expect(first).toContain('Thị Hương Nguyễn');
    expect(first).toContain('Tiếng Việt (Vietnamese): CHÚ Ý: Nếu bạn nói Tiếng Việt');
    expect(first).toContain('Your drug is approved');
  });

  it('prints the Chinese tagline in Chinese characters, with the font embedded', async () => {
    const pdf = await renderNoticePdf(
      letterInput({
        kind: 'denial',
        recipient: 'member',
        language: 'zh',
        member: { firstName: 'Wei', lastName: '王', language: 'zh' },
      }),
    );
    const p = pdfPages(pdf);
    // An English letter (no Chinese template) with the Chinese tagline first.
    expect(p[0].replace(/\s/g, '')).toContain(
      'Freehelpinyourlanguage:中文(Chinese):注意：如果您使用简体中文，您可以免费获得语言援助服务。请致电1-800-977-2273（TTY：711）。',
    );
    // The CJK font is a subset: a Chinese character the letters do not use prints as "?", not as an empty box.
    expect(p[0]).toContain('Wei ?');
    expect(p[p.length - 1].replace(/\s/g, '')).toContain(
      '中文(Chinese):注意：如果您使用简体中文，您可以免费获得语言援助服务。请致电1-800-977-2273（TTY：711）。',
    );
    // Only the embedded fonts (subsets), none of the standard 14.
    const fonts = execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' });
    expect(fonts).toMatch(/\+NotoSans-Regular +CID TrueType +Identity-H +yes +yes +yes/);
    expect(fonts).toMatch(/\+NotoSans-Bold /);
    expect(fonts).toMatch(/\+NotoSansSC-Regular /);
    expect(fonts).not.toContain('Helvetica');
  });

  it('renders every kind, in English and Spanish, for every recipient', async () => {
    for (const kind of NOTICE_KINDS) {
      for (const recipient of ['member', 'prescriber', 'pharmacy'] as const) {
        const content =
          kind === 'appeal-decision'
            ? contentFor(kind, PLANS['medi-cal'].plan, { decision: 'partially-overturned' })
            : undefined;
        for (const language of ['en', 'es']) {
          const p = await pages(letterInput({ kind, recipient, language, content }));
          expect(p.length, `${kind}/${recipient}/${language}`).toBeGreaterThan(0);
        }
      }
    }
    // 90 letters: ~4 s of CPU on a quiet machine, minutes when the machine is shared (load 20 on 2 cores).
  }, 300_000);
});

describe('letter fonts', () => {
  it('Noto Sans shows Spanish and Vietnamese; a line with Chinese is set in the CJK subset, which has every character of the taglines', () => {
    expect(fontFor('Nguyễn Thị Hương, Trần Đức')).toBe('regular');
    expect(fontFor('Nguyễn', 'bold')).toBe('bold');
    expect(fontFor('中文 (Chinese): 注意', 'bold')).toBe('sc');
    expect(fontFor('我們拒絕了您的藥物承保申請', 'bold')).toBe('tcBold');
    expect(fontFor('귀하의 약이 승인되었습니다')).toBe('kr');
    expect(unprintableChars('¿Qué pasó? Añadir: ü – “ok” • 5 € Nguyễn Thị Hương, Trần Đức, 9:00\u202fAM')).toEqual([]);
    for (const tl of TAGLINES)
      expect(
        unprintableChars(
          `${en.languageAssistance.otherLanguageNotice} ${es.languageAssistance.otherLanguageNotice} ${tl.name}: ${tl.text('1-800-977-2273')}`,
        ),
        tl.language,
      ).toEqual([]);
    // A Chinese character not in the subset is reported (rebuild it with scripts/subset-cjk-font.ts).
    expect(unprintableChars('注意：龍')).toEqual(['龍']);
  });
});

describe('what a letter prints does not depend on the letters before it in the process', () => {
  /** The PDF's bytes less what differs in every document: its creation date and its /ID. */
  const normalized = (pdf: Buffer) =>
    pdf
      .toString('latin1')
      .replace(/\(D:\d+Z\)/g, '')
      .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '');
  const withName = (kind: string, language: string, lastName: string, noticeId: string) => {
    const base = letterInput({ kind, recipient: 'member', language, member: { lastName } });
    return { ...base, notice: { ...base.notice, id: noticeId } };
  };

  it('the same letter rendered again, after letters with other names, ids and languages, is the same PDF (the fonts\u2019 remembered subsets, widths and encodings)', async () => {
    const first = await renderNoticePdf(withName('approval', 'en', 'Quayle-Zimmerman', 'ntc_01KBQZXJ7V'));
    // Other letters meet other glyphs first (ids, names with letters beyond ASCII, other scripts).
    await renderNoticePdf(withName('denial', 'vi', 'Nguyễn Thị Hương', 'ntc_01KBWYK9P2'));
    await renderNoticePdf(withName('approval', 'es', 'Åström Ñúñez', 'ntc_01KB0000AA'));
    await renderNoticePdf(withName('information-request', 'zh-Hant', 'Wójcik', 'ntc_01KBJ3F8M4'));
    const again = await renderNoticePdf(withName('approval', 'en', 'Quayle-Zimmerman', 'ntc_01KBQZXJ7V'));
    expect(normalized(again)).toBe(normalized(first));
    expect(pdfPages(again).join('\n')).toContain('Quayle-Zimmerman');
  });
});
