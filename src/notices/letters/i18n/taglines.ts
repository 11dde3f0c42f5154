/**
 * Language-assistance taglines on every member letter (Section 1557 of the ACA, 45 CFR 92.11;
 * California requires them in the plan's threshold languages, e.g. CA H&S §1367.04 and the
 * Medi-Cal threshold languages: Spanish, Chinese, Vietnamese, Korean, Tagalog). Each says, in its own
 * language and script, that free language help is available and which number to call.
 *
 * Letters print `text` as written: Latin scripts (Vietnamese diacritics included) in Noto Sans,
 * Chinese in a subset of Noto Sans SC and Korean in a subset of Noto Sans KR holding only the
 * characters used here and in the letters (src/notices/letters/font-subsets.ts). After changing
 * the Chinese or Korean text, rebuild the subsets with `npx tsx scripts/subset-cjk-font.ts` (a
 * unit test fails while a character is missing).
 */
export interface Tagline {
  language: string;
  /** The language's name as its speakers write it, with its English name. */
  name: string;
  text: (phone: string) => string;
}

export const TAGLINES: Tagline[] = [
  {
    language: 'en',
    name: 'English',
    text: (phone) =>
      `ATTENTION: If you need help in your language, call ${phone} (TTY: 711). Aids and services for people with disabilities, like documents in braille and large print, are also available. These services are free of charge.`,
  },
  {
    language: 'es',
    name: 'Español (Spanish)',
    text: (phone) =>
      `ATENCIÓN: si habla español, tiene a su disposición servicios gratuitos de asistencia lingüística. Llame al ${phone} (TTY: 711).`,
  },
  {
    language: 'zh',
    name: '中文 (Chinese)',
    text: (phone) => `注意：如果您使用简体中文，您可以免费获得语言援助服务。请致电 ${phone}（TTY：711）。`,
  },
  {
    language: 'vi',
    name: 'Tiếng Việt (Vietnamese)',
    text: (phone) =>
      `CHÚ Ý: Nếu bạn nói Tiếng Việt, có các dịch vụ hỗ trợ ngôn ngữ miễn phí dành cho bạn. Gọi số ${phone} (TTY: 711).`,
  },
  {
    language: 'ko',
    name: '한국어 (Korean)',
    text: (phone) =>
      `주의: 한국어를 사용하시는 경우, 언어 지원 서비스를 무료로 이용하실 수 있습니다. ${phone} (TTY: 711)번으로 전화해 주십시오.`,
  },
  {
    language: 'tl',
    name: 'Tagalog',
    text: (phone) =>
      `PAUNAWA: Kung nagsasalita ka ng Tagalog, maaari kang gumamit ng mga serbisyo ng tulong sa wika nang walang bayad. Tumawag sa ${phone} (TTY: 711).`,
  },
];

export const taglineFor = (language: string): Tagline | undefined => TAGLINES.find((t) => t.language === language);
