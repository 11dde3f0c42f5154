/**
 * Language-assistance taglines on every member letter (Section 1557 of the ACA, 45 CFR 92.11;
 * California requires them in the plan's threshold languages, e.g. CA H&S §1367.04 and the
 * Medi-Cal threshold languages: Spanish, Chinese, Vietnamese, Tagalog). Each says, in its own
 * language, that free language help is available and which number to call.
 *
 * `native` is the text in the language's own script. `printable` is what the PDF shows: letters
 * use the PDF standard font Helvetica (WinAnsi encoding), which has no Chinese characters and
 * none of Vietnamese's stacked diacritics, and no font ships with this project's packages. So
 * Chinese is printed in Hanyu Pinyin (without tone marks) and Vietnamese without diacritics;
 * the language's name and the phone number stay readable. When a CJK-capable font is added,
 * the writer can print `native` instead.
 */
export interface Tagline {
  language: string;
  /** The language's name as its speakers write it, printable in Helvetica. */
  name: string;
  native: (phone: string) => string;
  printable: (phone: string) => string;
}

export const TAGLINES: Tagline[] = [
  {
    language: 'en',
    name: 'English',
    native: (phone) => `ATTENTION: If you need help in your language, call ${phone} (TTY: 711). Aids and services for people with disabilities, like documents in braille and large print, are also available. These services are free of charge.`,
    printable: (phone) => `ATTENTION: If you need help in your language, call ${phone} (TTY: 711). Aids and services for people with disabilities, like documents in braille and large print, are also available. These services are free of charge.`,
  },
  {
    language: 'es',
    name: 'Español (Spanish)',
    native: (phone) => `ATENCIÓN: si habla español, tiene a su disposición servicios gratuitos de asistencia lingüística. Llame al ${phone} (TTY: 711).`,
    printable: (phone) => `ATENCIÓN: si habla español, tiene a su disposición servicios gratuitos de asistencia lingüística. Llame al ${phone} (TTY: 711).`,
  },
  {
    language: 'zh',
    name: 'Zhongwen (Chinese)',
    native: (phone) => `注意：如果您使用繁體中文，您可以免費獲得語言援助服務。請致電 ${phone}（TTY：711）。`,
    printable: (phone) => `ZHUYI: Ruguo nin shiyong fanti zhongwen, nin keyi mianfei huode yuyan yuanzhu fuwu. Qing zhidian ${phone} (TTY: 711).`,
  },
  {
    language: 'vi',
    name: 'Tieng Viet (Vietnamese)',
    native: (phone) => `CHÚ Ý: Nếu bạn nói Tiếng Việt, có các dịch vụ hỗ trợ ngôn ngữ miễn phí dành cho bạn. Gọi số ${phone} (TTY: 711).`,
    printable: (phone) => `CHU Y: Neu ban noi Tieng Viet, co cac dich vu ho tro ngon ngu mien phi danh cho ban. Goi so ${phone} (TTY: 711).`,
  },
  {
    language: 'tl',
    name: 'Tagalog',
    native: (phone) => `PAUNAWA: Kung nagsasalita ka ng Tagalog, maaari kang gumamit ng mga serbisyo ng tulong sa wika nang walang bayad. Tumawag sa ${phone} (TTY: 711).`,
    printable: (phone) => `PAUNAWA: Kung nagsasalita ka ng Tagalog, maaari kang gumamit ng mga serbisyo ng tulong sa wika nang walang bayad. Tumawag sa ${phone} (TTY: 711).`,
  },
];

export const taglineFor = (language: string): Tagline | undefined => TAGLINES.find((t) => t.language === language);
