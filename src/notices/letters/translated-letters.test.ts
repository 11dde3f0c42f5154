import { describe, expect, it } from 'vitest';
import { contentFor, letterInput, PLANS } from '../../../test/support/letter-fixtures.js';
import { pdfPages } from '../../../test/support/pdf-pages.js';
import { memberLetterLanguage, NOTICE_KINDS } from '../queue-notices.js';
import { buildLetter } from './build-letter.js';
import { stringsFor } from './i18n/index.js';
import { LETTER_LANGUAGES, letterResource, type LetterLanguage } from './i18n/letter-resources.js';
import { renderNoticePdf } from './render-notice-pdf.js';

/** A member letter as queued since #17: in `language`, recording whether English is attached. */
function memberNotice(kind: string, language: LetterLanguage, englishAttached: boolean, name = 'Thị Hương Nguyễn') {
  const [firstName, ...last] = name.split(' ');
  const base = letterInput({
    kind,
    recipient: 'member',
    language,
    member: { firstName: firstName, lastName: last.join(' '), language },
    content:
      kind === 'appeal-decision'
        ? contentFor(kind, PLANS['medi-cal'].plan, { decision: 'partially-overturned' })
        : undefined,
  });
  return { ...base, notice: { ...base.notice, content: { ...base.notice.content, englishAttached } } };
}

/** pdftotext breaks lines anywhere in Chinese: compare without white space. */
const squeeze = (s: string) => s.replace(/\s/g, '');

describe('member letters in each language, read back from the PDF with pdftotext', () => {
  for (const language of LETTER_LANGUAGES.filter((l) => l !== 'en')) {
    it(`every kind in ${language}: the translated title, the member’s name, then the English letter`, async () => {
      for (const kind of NOTICE_KINDS) {
        const input = memberNotice(kind, language, true);
        const translated = buildLetter(input);
        const english = buildLetter(input, { englishCopy: true });
        expect(translated.language, `${kind}/${language}`).toBe(language);
        const pages = pdfPages(await renderNoticePdf(input));
        const copy = pages.findIndex((p) =>
          p.includes(`This is the English copy of your letter in ${letterResource(language).englishName}.`),
        );
        expect(copy, `${kind}/${language}: English copy`).toBeGreaterThan(0);
        const ours = squeeze(pages.slice(0, copy).join(' '));
        expect(ours, `${kind}/${language}: title`).toContain(squeeze(translated.title));
        expect(ours, `${kind}/${language}: notice`).toContain(squeeze(stringsFor(language).englishAttached));
        expect(ours, `${kind}/${language}: name`).toContain('ThịHươngNguyễn');
        expect(squeeze(pages.slice(copy).join(' ')), `${kind}/${language}: English title`).toContain(
          squeeze(english.title),
        );
      }
    }, 300_000);
  }

  it('Chinese and Korean print in their own scripts and read back as written, Latin names and drugs included', async () => {
    const zh = pdfPages(await renderNoticePdf(memberNotice('denial', 'zh-Hant', true, 'Mei Chen')));
    expect(squeeze(zh[0])).toContain('我們拒絕了您的藥物承保申請');
    expect(squeeze(zh[0])).toContain('MeiChen您好：');
    expect(squeeze(zh[0])).toContain(
      squeeze('您的開藥醫生 Grace Okafor, MD 請我們為您承保 Ozempic 0.25 MG/DOSE Pen Injector。'),
    );
    expect(squeeze(zh.join(''))).toContain('您必須在2027年1月19日前提出上訴。');
    const ko = pdfPages(await renderNoticePdf(memberNotice('approval', 'ko', true, 'Ji-woo Nguyễn')));
    expect(ko[0]).toContain('귀하의 약이 승인되었습니다');
    expect(ko[0]).toContain('Ji-woo Nguyễn 님께:');
    expect(ko[0]).toContain('좋은 소식입니다. Ozempic 0.25 MG/DOSE Pen Injector에 대한 귀하의 요청을 승인했습니다.');
    // The taglines page of a Korean letter has the Korean tagline and the Chinese one (Simplified, its own subset).
    const taglines = ko.find((p) => p.startsWith('언어 지원과 귀하의 권리'))!;
    expect(taglines).toContain(
      '한국어 (Korean): 주의: 한국어를 사용하시는 경우, 언어 지원 서비스를 무료로 이용하실 수 있습니다.',
    );
    expect(squeeze(taglines)).toContain('注意：如果您使用简体中文');
  });

  it('Vietnamese stacked diacritics and Tagalog read back exactly', async () => {
    const vi = pdfPages(await renderNoticePdf(memberNotice('denial', 'vi', true)));
    for (const line of [
      'Chúng tôi đã từ chối yêu cầu bao trả thuốc của quý vị',
      'Kính gửi Thị Hương Nguyễn:',
      'Quyền kháng cáo của quý vị',
      'Lý do chúng tôi từ chối',
    ])
      expect(vi.join('\n')).toContain(line);
    const tl = pdfPages(await renderNoticePdf(memberNotice('denial', 'tl', true, 'Maria Santos')));
    expect(tl[0]).toContain('Tinanggihan namin ang iyong kahilingan na saklawin ang gamot');
    expect(tl[0]).toContain('Mahal na Maria Santos:');
  });

  it('a reviewed translation goes alone; an English letter has no copy; page numbers count each letter', async () => {
    const alone = pdfPages(await renderNoticePdf(memberNotice('approval', 'vi', false)));
    expect(alone.join(' ')).not.toContain('This is the English copy');
    expect(alone.join(' ')).not.toContain('Bản tiếng Anh');
    expect(alone[0]).toContain(`Trang 1/${alone.length}`);
    const both = pdfPages(await renderNoticePdf(memberNotice('approval', 'vi', true)));
    expect(both.length).toBe(2 * alone.length);
    expect(both[alone.length]).toContain(`Page 1 of ${alone.length}`);
    const english = pdfPages(await renderNoticePdf(memberNotice('approval', 'en', false, 'Mary Smith')));
    expect(english.length).toBe(alone.length);
  });
});

describe('memberLetterLanguage (queueNotices): the member’s stored language, when the plan writes letters in it', () => {
  const mediCal = ['en', 'es', 'zh', 'vi', 'tl'];
  it.each([
    ['vi', mediCal, 'vi'],
    ['zh', mediCal, 'zh-Hant'],
    ['zh-Hant', mediCal, 'zh-Hant'],
    ['zh-Hans', mediCal, 'en'],
    ['fil', mediCal, 'tl'],
    ['ko', mediCal, 'en'],
    ['ko', [...mediCal, 'ko'], 'ko'],
    ['es', ['en'], 'en'],
    ['ru', mediCal, 'en'],
  ])('%s with plan languages %j → %s', (member, plan, expected) => {
    expect(memberLetterLanguage(member, plan)).toBe(expected);
  });
});
