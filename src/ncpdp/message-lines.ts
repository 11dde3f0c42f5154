/**
 * 526-FQ Additional Message Information is 40 characters an occurrence; a paragraph longer than
 * that continues on the next occurrence, marked by 131-UG `+`. Up to nine lines (132-UH 01–09)
 * are free text.
 */
export const FQ_WIDTH = 40;
export const FQ_MAX_LINES = 9;

export interface MessageLine {
  text: string;
  /** The next line continues this paragraph (131-UG = +). */
  continues: boolean;
}

/** D.0 text is ASCII: accents dropped, typographic punctuation made plain, anything else a space. */
export function toAscii(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text.replace(/ {2,}/g, ' ').trim(); // most text: nothing to fold
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[^\x20-\x7e]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Word-wraps one paragraph into lines of at most `width` characters (a longer word is cut). */
export function wrap(paragraph: string, width = FQ_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of toAscii(paragraph).split(' ')) {
    if (!word) continue;
    let w = word;
    while (w.length > width) {
      if (line) lines.push(line);
      line = '';
      lines.push(w.slice(0, width));
      w = w.slice(width);
    }
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Lines for the pharmacist: the paragraphs that must be read whole (the next step) first keep
 * their room, the explanation gets the rest and ends with "..." when it is cut. Paragraphs keep
 * their order.
 */
export function messageLines(
  paragraphs: Array<{ text: string; keep?: boolean }>,
  maxLines = FQ_MAX_LINES,
): MessageLine[] {
  const wrapped = paragraphs.map((p) => ({ lines: wrap(p.text), keep: !!p.keep }));
  let room = maxLines - wrapped.filter((p) => p.keep).reduce((n, p) => n + p.lines.length, 0);
  const out: MessageLine[] = [];
  for (const p of wrapped) {
    let lines = p.lines;
    if (!p.keep) {
      const fit = Math.max(0, room);
      if (lines.length > fit) {
        lines = lines.slice(0, fit);
        if (fit > 0) lines[fit - 1] = `${lines[fit - 1].slice(0, FQ_WIDTH - 3)}...`;
      }
      room -= lines.length;
    }
    lines.forEach((text, i) => out.push({ text, continues: i < lines.length - 1 }));
  }
  return out.slice(0, maxLines);
}
