import { describe, expect, it } from 'vitest';
import { contentFor, letterInput, PLANS } from '../../../test/support/letter-fixtures.js';
import { pdfPages } from '../../../test/support/pdf-pages.js';
import { renderNoticePdf } from '../letters/render-notice-pdf.js';
import { faxWithCoverSheet } from './fax-cover-sheet.js';

const cover = {
  to: 'Prescriber NPI 1234567893',
  toFax: '1-510-555-0171',
  from: 'Pharmacy prior authorization',
  fromFax: '1-510-555-0101',
  fromPhone: '1-510-555-0101',
  subject: 'Prior authorization denied',
  sentAt: new Date('2026-11-20T17:05:00Z'),
};

describe('faxWithCoverSheet (text read back with pdftotext)', () => {
  it('one PDF: the cover sheet first, stating every page, then the letter as it is printed alone', async () => {
    const input = letterInput({
      kind: 'denial',
      recipient: 'prescriber',
      lob: 'medi-cal',
      content: contentFor('denial', PLANS['medi-cal'].plan),
    });
    const letter = pdfPages(await renderNoticePdf(input));
    const fax = await faxWithCoverSheet(input, cover);
    const p = pdfPages(fax.pdf);

    expect(fax.pages).toBe(letter.length + 1);
    expect(p).toHaveLength(fax.pages);
    expect(p[0]).toMatch(/^FAX To: Prescriber NPI 1234567893 Fax: 1-510-555-0171 From: Pharmacy prior authorization/);
    expect(p[0]).toContain('Date: 2026-11-20 17:05 UTC');
    expect(p[0]).toContain(`Pages (including this one): ${letter.length + 1}`);
    expect(p[0]).toContain('Re: Prior authorization denied');
    expect(p[0]).toContain('CONFIDENTIALITY NOTICE');
    expect(p[0]).toContain('call 1-510-555-0101 and destroy all copies');
    // The cover sheet names no patient.
    expect(p[0]).not.toContain('M100200300');
    // The letter's pages follow unchanged, its own page numbers not counting the cover sheet.
    expect(p.slice(1)).toEqual(letter);
    expect(p[1]).toContain(`Page 1 of ${letter.length}`);
  });

  it('the cover sheet reads the same on every fax a process sends (its fonts are shared between documents)', async () => {
    const input = letterInput({ kind: 'approval', recipient: 'prescriber', lob: 'commercial' });
    const [first, second] = [await faxWithCoverSheet(input, cover), await faxWithCoverSheet(input, cover)];
    expect(pdfPages(second.pdf)).toEqual(pdfPages(first.pdf));
    expect(pdfPages(first.pdf)[0]).toContain('Pages (including this one): 2');
  });
});
