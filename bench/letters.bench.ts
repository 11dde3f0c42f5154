/**
 * CPU a letter costs the process that renders it (issue #15: the jobs process's letters share the
 * PA bench's two cores with the API), in process, without a database: the functions the delivery
 * jobs call on a notice's letter input —
 *   - fax: faxWithCoverSheet (deliverDueNotices: the letter and its cover sheet, one PDF);
 *   - print: renderNoticePdf + assemblePrintFile (buildPrintBatch: letters behind address pages, one file);
 *   - letter: renderNoticePdf alone (the notices API's PDF, and the share of the two above).
 * Letters as the PA bench sends them (English faxes to the prescriber: approvals, information
 * requests, denials) and as members get them by mail (Spanish and English, with the appeal form and
 * the taglines page), each with its own member, case and notice ids so words vary as in a real run.
 * After a warm-up round, ROUNDS rounds of LETTERS letters per kind; printed: the median of the
 * rounds' CPU ms per letter (process.cpuUsage, user + system), wall ms, heap and RSS at the end.
 *
 *   npm run bench:letters
 *   BENCH_LETTERS=40 BENCH_ROUNDS=7 npm run bench:letters
 */
import { assemblePrintFile } from '../src/notices/delivery/build-print-batch.js';
import { faxWithCoverSheet } from '../src/notices/delivery/fax-cover-sheet.js';
import { renderNoticePdf, type LetterInput } from '../src/notices/letters/render-notice-pdf.js';
import { contentFor, letterInput, PLANS, type LineOfBusiness } from '../test/support/letter-fixtures.js';
import { median } from './stats.js';

const LETTERS = Number(process.env.BENCH_LETTERS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

type Recipient = 'member' | 'prescriber';
interface Sample {
  kind: string;
  recipient: Recipient;
  language: string;
  lob: LineOfBusiness;
}

/** The PA bench's faxes: 70 % approvals, 10 % information requests, the rest denials after review. */
const FAXES: Sample[] = [
  ...Array.from({ length: 7 }, () => ({
    kind: 'approval',
    recipient: 'prescriber' as const,
    language: 'en',
    lob: 'commercial' as const,
  })),
  { kind: 'information-request', recipient: 'prescriber', language: 'en', lob: 'commercial' },
  { kind: 'denial', recipient: 'prescriber', language: 'en', lob: 'commercial' },
  { kind: 'denial', recipient: 'prescriber', language: 'en', lob: 'medi-cal' },
];
/** Mailed member letters: Spanish and English, approvals, denials (appeal form, taglines) and information requests. */
const MAIL: Sample[] = [
  { kind: 'denial', recipient: 'member', language: 'es', lob: 'medi-cal' },
  { kind: 'approval', recipient: 'member', language: 'es', lob: 'medi-cal' },
  { kind: 'information-request', recipient: 'member', language: 'es', lob: 'medi-cal' },
  { kind: 'approval', recipient: 'member', language: 'en', lob: 'commercial' },
  { kind: 'denial', recipient: 'member', language: 'en', lob: 'commercial' },
];

/** Letter `i` of a sample list: its own member, case and notice (the words a letter does not share with the others). */
function inputFor(samples: Sample[], i: number): LetterInput {
  const s = samples[i % samples.length];
  const paRequestId = `par_01KB${String(100000 + i).padStart(8, '0')}`;
  const base = letterInput({
    kind: s.kind,
    recipient: s.recipient,
    language: s.language,
    lob: s.lob,
    content: { ...contentFor(s.kind, PLANS[s.lob].plan), paRequestId },
    member: { id: `B${String(i).padStart(7, '0')}`, lastName: `Member${i}`, language: s.language },
  });
  return { ...base, notice: { ...base.notice, id: `ntc_01KB${String(i).padStart(10, '0')}`, paRequestId } };
}

async function fax(i: number): Promise<number> {
  const input = inputFor(FAXES, i);
  const out = await faxWithCoverSheet(input, {
    to: `Prescriber NPI ${input.notice.recipientId}`,
    toFax: '1-510-555-0171',
    from: 'Pharmacy prior authorization',
    fromFax: '1-510-555-0101',
    fromPhone: '1-510-555-0101',
    subject: input.notice.kind,
    sentAt: new Date('2026-11-20T17:05:00Z'),
  });
  return out.pdf.length;
}

async function letterOnly(i: number): Promise<number> {
  return (await renderNoticePdf(inputFor(i % 2 ? MAIL : FAXES, i))).length;
}

/** One print file of `count` letters (the per-letter cost includes its share of the file's assembly). */
async function printFile(first: number, count: number): Promise<number> {
  const items = [];
  for (let i = first; i < first + count; i++) {
    const input = inputFor(MAIL, i);
    items.push({
      address: [`${input.member!.firstName} ${input.member!.lastName}`, '1 Bench St', 'Oakland, CA 94612'],
      reference: `${input.notice.id} · ${input.notice.kind}`,
      letter: await renderNoticePdf(input),
    });
  }
  return (await assemblePrintFile(items)).pdf.length;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Round {
  cpuPerLetter: number;
  wallPerLetter: number;
  bytes: number;
}

/** A round: `count` letters from `first`, CPU and wall time per letter. */
async function round(run: (first: number, count: number) => Promise<number>, first: number): Promise<Round> {
  const c0 = cpuMs();
  const t0 = performance.now();
  const bytes = await run(first, LETTERS);
  return { cpuPerLetter: (cpuMs() - c0) / LETTERS, wallPerLetter: (performance.now() - t0) / LETTERS, bytes };
}

const oneByOne = (each: (i: number) => Promise<number>) => async (first: number, count: number) => {
  let bytes = 0;
  for (let i = first; i < first + count; i++) bytes += await each(i);
  return bytes;
};

const KINDS: Array<[name: string, run: (first: number, count: number) => Promise<number>]> = [
  ['fax (letter + cover sheet, one PDF)', oneByOne(fax)],
  [`print (letter + address page, files of ${LETTERS})`, printFile],
  ['letter alone (renderNoticePdf)', oneByOne(letterOnly)],
];

async function main() {
  console.log(
    `bench:letters — ${LETTERS} letters a round, ${ROUNDS} rounds after a warm-up (${new Date().toISOString()})`,
  );
  const results: Array<{ name: string; rounds: Round[] }> = [];
  let next = 0;
  for (const [name, run] of KINDS) {
    await round(run, next); // warm-up: module loading, font opening, JIT
    next += LETTERS;
    const rounds: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      rounds.push(await round(run, next));
      next += LETTERS;
    }
    results.push({ name, rounds });
  }
  console.log('\n| letters | CPU ms a letter (median) | min–max of rounds | wall ms a letter (median) | KB a letter |');
  console.log('|---|---:|---|---:|---:|');
  for (const { name, rounds } of results) {
    const cpu = rounds.map((r) => r.cpuPerLetter);
    console.log(
      `| ${name} | ${median(cpu).toFixed(2)} | ${Math.min(...cpu).toFixed(2)}–${Math.max(...cpu).toFixed(2)} | ${median(rounds.map((r) => r.wallPerLetter)).toFixed(2)} | ${(median(rounds.map((r) => r.bytes)) / LETTERS / 1024).toFixed(0)} |`,
    );
  }
  const m = process.memoryUsage();
  console.log(`\nheap used ${(m.heapUsed / 2 ** 20).toFixed(0)} MB, RSS ${(m.rss / 2 ** 20).toFixed(0)} MB at the end`);
}

await main();
