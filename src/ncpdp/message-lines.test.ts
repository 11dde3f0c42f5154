import { describe, expect, it } from 'vitest';
import { FQ_WIDTH, messageLines, toAscii, wrap } from './message-lines.js';

describe('526-FQ message lines', () => {
  it('wraps at word boundaries into lines of at most 40 characters', () => {
    const lines = wrap('Ozempic needs approval from Bay Area Rx PBM before the plan pays (prior authorization).');
    expect(lines).toEqual([
      'Ozempic needs approval from Bay Area Rx',
      'PBM before the plan pays (prior',
      'authorization).',
    ]);
    expect(lines.every((l) => l.length <= FQ_WIDTH)).toBe(true);
  });

  it('cuts a word longer than a line instead of overflowing', () => {
    expect(wrap('x'.repeat(95))).toEqual(['x'.repeat(40), 'x'.repeat(40), 'x'.repeat(15)]);
  });

  it('writes ASCII only: accents dropped, typographic punctuation made plain', () => {
    expect(toAscii('Pérez — “Ñandú” … ok')).toBe('Perez - "Nandu" ... ok');
  });

  it('marks continued lines within a paragraph, not across paragraphs', () => {
    const lines = messageLines([{ text: 'a '.repeat(30) }, { text: 'Fax 1-510-555-0101', keep: true }]);
    expect(lines.map((l) => l.continues)).toEqual([true, false, false]);
  });

  it('keeps the next step whole and cuts the explanation with "..." when nine lines are not enough', () => {
    const lines = messageLines([
      { text: 'word '.repeat(100) },
      { text: 'PA: ePA, fax 1-510-555-0101, phone 1-510-555-0102, portal', keep: true },
    ]);
    expect(lines).toHaveLength(9);
    expect(lines[6].text.endsWith('...')).toBe(true);
    expect(
      lines
        .slice(7)
        .map((l) => l.text)
        .join(' '),
    ).toBe('PA: ePA, fax 1-510-555-0101, phone 1-510-555-0102, portal');
  });
});
