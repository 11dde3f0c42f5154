import { renderPdf } from '../render-pdf.js';
import type { Block, ExtraPage, Letter, Section } from './letter.js';
import { toWinAnsi } from './win-ansi.js';

type Doc = PDFKit.PDFDocument;

/**
 * Lays a structured letter out on US Letter pages with pdfkit's built-in Helvetica (no font
 * files: the standard 14 fonts need none; see win-ansi.ts for what they can show). Sizes stay at
 * 10 pt and up so a faxed copy stays legible. The appeal form and the language-assistance page
 * each start on a new page; every page carries the notice id and "Page n of N".
 */
export function writeLetterPdf(letter: Letter): Promise<Buffer> {
  return renderPdf((doc) => {
    const w = new LetterWriter(doc);
    w.letterhead(letter);
    w.body(letter);
    for (const page of [letter.appealForm, letter.languageAssistance]) if (page) w.extraPage(page);
    w.footers(letter);
  }, {
    bufferPages: true,
    lang: letter.metadata.lang,
    displayTitle: true,
    info: { Title: toWinAnsi(letter.metadata.title), Author: toWinAnsi(letter.metadata.author), Subject: toWinAnsi(letter.metadata.subject), Creator: 'OpenPBM' },
  });
}

const BODY = 10.5;
const SMALL = 9;
const GREY = '#444444';

class LetterWriter {
  /** Extra pages (the appeal form) are set a little tighter so a form stays on one sheet. */
  private compact = false;

  constructor(private readonly doc: Doc) {}

  private get left() { return this.doc.page.margins.left; }
  private get width() { return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right; }
  private get bottom() { return this.doc.page.height - this.doc.page.margins.bottom; }

  /** Starts a new page when `height` would not fit on this one (keeps a bullet with its text, a heading with what follows). */
  private ensureSpace(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private text(text: string, options: { font?: string; size?: number; x?: number; width?: number; gap?: number; color?: string } = {}) {
    const { doc } = this;
    const x = options.x ?? this.left;
    const width = options.width ?? this.width - (x - this.left);
    doc.font(options.font ?? 'Helvetica').fontSize(options.size ?? BODY).fillColor(options.color ?? 'black');
    const t = toWinAnsi(text);
    this.ensureSpace(Math.min(doc.heightOfString(t, { width }), 3 * doc.currentLineHeight(true)));
    doc.text(t, x, doc.y, { width });
    doc.y += options.gap ?? 4;
  }

  private rule(color = '#999999') {
    const { doc } = this;
    doc.save().moveTo(this.left, doc.y).lineTo(this.left + this.width, doc.y).lineWidth(0.75).strokeColor(color).stroke().restore();
    doc.y += 8;
  }

  letterhead(letter: Letter) {
    this.text(letter.letterhead.name, { font: 'Helvetica-Bold', size: 16, gap: 2 });
    for (const line of letter.letterhead.lines) this.text(line, { size: SMALL, gap: 0, color: GREY });
    this.doc.y += 6;
    this.rule();
    if (letter.languageNotice) this.text(letter.languageNotice, { font: 'Helvetica-Bold', size: SMALL, gap: 8 });
  }

  body(letter: Letter) {
    this.text(letter.date, { gap: 12 });
    for (const line of letter.recipient) this.text(line, { gap: 0 });
    this.doc.y += 12;
    this.fields(letter.reference, SMALL + 1);
    this.doc.y += 8;
    this.text(letter.title, { font: 'Helvetica-Bold', size: 14, gap: 10 });
    this.text(letter.greeting, { gap: 8 });
    this.sections(letter.sections);
    this.doc.y += 6;
    for (const line of letter.closing) this.text(line, { gap: 0 });
  }

  extraPage(page: ExtraPage) {
    this.compact = true;
    this.doc.addPage();
    this.text(page.title, { font: 'Helvetica-Bold', size: 15, gap: 4 });
    this.rule();
    this.sections(page.sections);
  }

  private sections(sections: Section[]) {
    for (const s of sections) {
      if (s.heading) {
        this.ensureSpace(50);
        this.doc.y += 4;
        this.text(s.heading, { font: 'Helvetica-Bold', size: 11.5, gap: 3 });
      }
      for (const b of s.blocks) this.block(b);
      this.doc.y += this.compact ? 1 : 4;
    }
  }

  private block(b: Block) {
    switch (b.type) {
      case 'paragraph': return this.text(b.text, { font: b.bold ? 'Helvetica-Bold' : 'Helvetica', gap: 6 });
      case 'note': return this.text(b.text, { font: 'Helvetica-Oblique', size: SMALL, gap: 6 });
      case 'bullets': return this.list(b.items.map((item) => ['\u2022', item]));
      case 'numbered': return this.list(b.items.map((item, i) => [`${i + 1}.`, item]));
      case 'fields': return this.fields(b.rows, this.compact ? SMALL + 1 : BODY);
      case 'checkbox': return this.checkbox(b.label);
      case 'write-in': return this.writeIn(b.label, b.lines);
      case 'signature': return this.signature(b.labels);
    }
  }

  private list(items: Array<[marker: string, text: string]>) {
    const { doc } = this;
    const indent = 16;
    for (const [marker, item] of items) {
      doc.font('Helvetica').fontSize(BODY).fillColor('black');
      const t = toWinAnsi(item);
      this.ensureSpace(Math.min(doc.heightOfString(t, { width: this.width - indent }), 3 * doc.currentLineHeight(true)));
      const y = doc.y;
      doc.text(marker, this.left + 2, y, { width: indent - 2, lineBreak: false });
      doc.text(t, this.left + indent, y, { width: this.width - indent });
      doc.y += 3;
    }
    doc.y += 3;
  }

  private fields(rows: Array<[string, string]>, size: number) {
    const { doc } = this;
    const labelWidth = 150;
    for (const [label, value] of rows) {
      doc.fontSize(size);
      const v = toWinAnsi(value);
      const height = Math.max(doc.font('Helvetica').heightOfString(v, { width: this.width - labelWidth }), doc.font('Helvetica-Bold').heightOfString(toWinAnsi(label), { width: labelWidth - 6 }));
      this.ensureSpace(height);
      const y = doc.y;
      doc.font('Helvetica-Bold').fillColor('black').text(toWinAnsi(label), this.left, y, { width: labelWidth - 6 });
      doc.font('Helvetica').text(v, this.left + labelWidth, y, { width: this.width - labelWidth });
      doc.y = y + height + 2;
    }
  }

  private checkbox(label: string) {
    const { doc } = this;
    doc.font('Helvetica').fontSize(BODY);
    const t = toWinAnsi(label);
    const height = doc.heightOfString(t, { width: this.width - 18 });
    this.ensureSpace(height);
    const y = doc.y;
    doc.save().rect(this.left, y + 1, 10, 10).lineWidth(1).strokeColor('black').stroke().restore();
    doc.fillColor('black').text(t, this.left + 18, y, { width: this.width - 18 });
    doc.y = y + Math.max(height, 12) + 4;
  }

  private writeIn(label: string, lines: number) {
    const { doc } = this;
    this.ensureSpace(lines * 20 + 16);
    doc.font('Helvetica').fontSize(BODY).fillColor('black');
    const t = toWinAnsi(label);
    if (lines === 1 && t && doc.widthOfString(t) < this.width * 0.6) {
      // One line to fill in: the line follows the label on the same row.
      const y = doc.y + 8;
      doc.text(t, this.left, y, { width: this.width, lineBreak: false });
      const lineY = y + doc.currentLineHeight();
      doc.save().moveTo(this.left + doc.widthOfString(t) + 6, lineY).lineTo(this.left + this.width, lineY).lineWidth(0.5).strokeColor('#777777').stroke().restore();
      doc.y = lineY + 6;
      return;
    }
    if (t) this.text(t, { gap: 0 });
    for (let i = 0; i < lines; i += 1) {
      doc.y += 19;
      doc.save().moveTo(this.left, doc.y).lineTo(this.left + this.width, doc.y).lineWidth(0.5).strokeColor('#777777').stroke().restore();
    }
    doc.y += 8;
  }

  private signature(labels: string[]) {
    const { doc } = this;
    this.ensureSpace(44);
    const gap = 24;
    const each = (this.width - gap * (labels.length - 1)) / labels.length;
    const lineY = doc.y + 26;
    labels.forEach((label, i) => {
      const x = this.left + i * (each + gap);
      doc.save().moveTo(x, lineY).lineTo(x + (i === 0 ? each : each * 0.6), lineY).lineWidth(0.75).strokeColor('black').stroke().restore();
      doc.font('Helvetica').fontSize(SMALL).fillColor('black').text(toWinAnsi(label), x, lineY + 3, { width: each, lineBreak: false });
    });
    doc.y = lineY + 18;
  }

  /** Notice id and page n of N at the foot of every page (the bottom margin is lifted while writing there). */
  footers(letter: Letter) {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    const { page, of } = letter.pageWords;
    for (let i = range.start; i < range.start + range.count; i += 1) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('Helvetica').fontSize(8).fillColor(GREY)
        .text(toWinAnsi(`${letter.footer} - ${page} ${i - range.start + 1} ${of} ${range.count}`), this.left, doc.page.height - 36, { width: this.width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  }
}
