/**
 * The PDF standard fonts (Helvetica) encode text as WinAnsi (Windows-1252): Latin-1 plus a few
 * typographic signs. That covers English and Spanish (á é í ó ú ñ ü ¿ ¡) but not Chinese or most
 * Vietnamese letters, which pdfkit would print as wrong glyphs. Letter text is checked against
 * this set (tests), and names from the database are folded to it before printing.
 */
const EXTRA = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

export function isWinAnsiChar(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return code === 0x0a || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || EXTRA.has(code);
}

/** Characters of `text` that Helvetica cannot show. */
export function unprintableChars(text: string): string[] {
  return [...new Set([...text].filter((ch) => !isWinAnsiChar(ch)))];
}

/**
 * `text` with every character Helvetica cannot show replaced by its closest printable form:
 * accents it lacks are dropped ("Nguyễn" → "Nguyen", "Trần" → "Tran"), spaces become plain
 * spaces, anything else becomes "?".
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (isWinAnsiChar(ch)) { out += ch; continue; }
    if (/\s/u.test(ch)) { out += ' '; continue; }
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += base && [...base].every(isWinAnsiChar) ? base : ch === '\u0110' ? 'D' : ch === '\u0111' ? 'd' : '?';
  }
  return out;
}
