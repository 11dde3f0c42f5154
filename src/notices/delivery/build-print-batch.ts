import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderPdf } from '../render-pdf.js';
import type { AppContext } from '../../app-context.js';
import { findMemberById } from '../../members/index.js';
import { toLocalDate } from '../../platform/clock.js';
import { markBatched, selectUnbatchedMail, type NoticeRow } from '../notices.repo.js';
import { loadLetterInputs } from '../letters/load-letter-input.js';
import { renderNoticePdf } from '../letters/render-notice-pdf.js';
import { OPERATIONS_TIME_ZONE } from '../../platform/plan-time.js';

/** pdf-lib (≈ 150 modules) is loaded when a print file is first assembled, not at start-up (bench:startup); once (render-pdf.ts). */
let pdfLibModule: Promise<typeof import('pdf-lib')> | undefined;
const pdfLib = async () => (await (pdfLibModule ??= import('pdf-lib'))).PDFDocument;

type PdfLibDocument = Awaited<ReturnType<Awaited<ReturnType<typeof pdfLib>>['load']>>;

/**
 * Page sources in order: a whole document, or some of a document's pages (a print file's address
 * pages, each before its letter).
 */
type Part = PdfLibDocument | { from: PdfLibDocument; pages: number[] };

/** Concatenates parsed PDFs page by page, each source's pages copied once. */
async function concatParsed(parts: Part[]): Promise<{ pdf: Buffer; pages: number }> {
  const out = await (await pdfLib()).create();
  const copied = new Map<PdfLibDocument, Awaited<ReturnType<typeof out.copyPages>>>();
  for (const part of parts) {
    const [src, indices] = 'from' in part ? [part.from, part.pages] : [part, part.getPageIndices()];
    if (!copied.has(src)) copied.set(src, await out.copyPages(src, src.getPageIndices()));
    for (const i of indices) out.addPage(copied.get(src)![i]);
  }
  return { pdf: Buffer.from(await out.save()), pages: out.getPageCount() };
}

/**
 * A print file: each letter behind its page of `front` (the address pages, one document with a
 * page per letter).
 */
async function interleavePdfs(front: Buffer, letters: Buffer[]): Promise<{ pdf: Buffer; pages: number }> {
  const PdfLib = await pdfLib();
  const fronts = await PdfLib.load(front);
  if (fronts.getPageCount() !== letters.length) throw new Error('one front page per letter');
  const parts: Part[] = [];
  for (const [i, letter] of letters.entries()) parts.push({ from: fronts, pages: [i] }, await PdfLib.load(letter));
  return concatParsed(parts);
}

/**
 * The address pages (for window envelopes) of a print file's letters, one page each, in one
 * document: a document of its own for each page cost pdfkit's set-up and Helvetica's metrics, and
 * pdf-lib a parse, per letter.
 */
function renderAddressPages(pages: Array<{ lines: string[]; reference: string }>): Promise<Buffer> {
  return renderPdf(
    (doc) => {
      pages.forEach(({ lines, reference }, i) => {
        if (i > 0) doc.addPage();
        // Black again on each page: the grey of the page before carries over within a document.
        doc.fillColor('black').fontSize(11).font('Helvetica').text('Return service requested', 72, 72);
        doc.fontSize(12).text(lines.join('\n'), 90, 170, { width: 300 });
        doc.fontSize(8).fillColor('#555').text(reference, 72, 700);
      });
    },
    { margin: 72 },
  );
}

/** A mailed letter with what its address page says. */
export interface PrintItem {
  address: string[];
  /** Printed small at the foot of the address page (notice id and kind, for the mail house). */
  reference: string;
  letter: Buffer;
}

/** One print file's PDF: each letter behind its address page (buildPrintBatch; bench:letters times the same). */
export async function assemblePrintFile(items: PrintItem[]): Promise<{ pdf: Buffer; pages: number }> {
  const addresses = await renderAddressPages(items.map((i) => ({ lines: i.address, reference: i.reference })));
  return interleavePdfs(
    addresses,
    items.map((i) => i.letter),
  );
}

/**
 * Letters in one print file. The file is built in memory (pdf-lib holds every page it copies), so a
 * day's mail goes out as several files of this many letters rather than one of thousands: the
 * jobs process stays inside its memory budget (JOBS_HEAP_MB) whatever the day's volume.
 */
export const PRINT_BATCH_LETTERS = 200;

/**
 * One print file: up to PRINT_BATCH_LETTERS mailed letters not yet printed, each behind its address
 * page, in one PDF for the mail house; the letters are then marked sent with the file as their
 * reference. The daily job calls it until no letter is left (printAllMail).
 */
export async function buildPrintBatch(
  ctx: AppContext,
  now: Date,
  perFile = PRINT_BATCH_LETTERS,
): Promise<{ file: string | null; letters: number; pages: number }> {
  const db = ctx.database.db;
  const pending: NoticeRow[] = await selectUnbatchedMail(db, perFile);
  if (pending.length === 0) return { file: null, letters: 0, pages: 0 };
  // The file's letters' records read together (loadLetterInputs), not six reads a letter.
  const letters = await loadLetterInputs(ctx, pending);
  const items: PrintItem[] = [];
  for (const n of pending) {
    const input = letters.get(n.id);
    // A letter that cannot be written stops the file, as it always has: nothing is marked printed.
    if (!input || input instanceof Error) throw input ?? new Error(`Notice ${n.id}: its letter was not read`);
    const m =
      n.recipient !== 'member'
        ? undefined
        : input.member?.id === n.recipientId
          ? input.member
          : await findMemberById(db, n.recipientId);
    const address = m
      ? [`${m.firstName} ${m.lastName}`, m.addressLine1 ?? '', `${m.city ?? ''}, ${m.state ?? ''} ${m.zip ?? ''}`]
      : [n.address ?? ''];
    items.push({ address, reference: `${n.id} · ${n.kind}`, letter: await renderNoticePdf(input) });
  }
  const { pdf, pages } = await assemblePrintFile(items);
  mkdirSync(ctx.delivery.printDir, { recursive: true });
  const file = path.join(
    ctx.delivery.printDir,
    // The first letter's id keeps the files of one run (one `now`) apart.
    `print-batch-${toLocalDate(now, OPERATIONS_TIME_ZONE)}-${now.getTime()}-${pending[0]!.id}.pdf`,
  );
  writeFileSync(file, pdf);
  await markBatched(
    db,
    pending.map((n) => n.id),
    file,
    now,
  );
  return { file, letters: pending.length, pages };
}

/** The daily print run: print files until every mailed letter is in one. */
export async function printAllMail(
  ctx: AppContext,
  now: Date,
  perFile = PRINT_BATCH_LETTERS,
): Promise<{ files: string[]; letters: number }> {
  const files: string[] = [];
  let letters = 0;
  for (;;) {
    const batch = await buildPrintBatch(ctx, now, perFile);
    if (!batch.file) return { files, letters };
    files.push(batch.file);
    letters += batch.letters;
  }
}
