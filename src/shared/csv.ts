import { CsvError, parse } from 'csv-parse/sync';

/**
 * RFC 4180 CSV read by csv-parse: quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF, LF
 * or old-Mac CR line ends (mixed in one file too), an optional UTF-8 byte-order mark. Lenient where files from
 * spreadsheets commonly differ from the RFC and no value is guessed: a bare quote inside an unquoted field is kept
 * literally (`5" tablet`, also `"x"y` or `"x" ,` — the characters of the file, not a guess at what was meant). Strict
 * where the rest of the file would be misread: a quote that never closes.
 *
 * Line numbers are the line where a record starts, counted here from the byte offsets csv-parse reports (its own
 * `lines` counter counts a CRLF inside a quoted field twice, and names the end of a record, not its start).
 */

export class CsvSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

export interface CsvRow {
  /** 1-based line number where the record starts (the header is line 1 in a normal file). */
  line: number;
  fields: string[];
}

const CR = 0x0d;
const LF = 0x0a;

/** Walks the file's bytes once, turning the byte offsets csv-parse reports into 1-based line numbers. */
class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly bytes: Buffer) {}

  /** The line of the first character at or after `offset` that is not a line break (blank lines are skipped). */
  lineOfRecordAt(offset: number): number {
    this.advanceTo(offset);
    while (this.offset < this.bytes.length && (this.bytes[this.offset] === CR || this.bytes[this.offset] === LF)) {
      this.advanceTo(this.offset + (this.bytes[this.offset] === CR && this.bytes[this.offset + 1] === LF ? 2 : 1));
    }
    return this.line;
  }

  private advanceTo(target: number): void {
    const end = Math.min(target, this.bytes.length);
    while (this.offset < end) {
      const b = this.bytes[this.offset];
      if (b === LF || (b === CR && this.bytes[this.offset + 1] !== LF)) this.line++;
      this.offset++;
    }
  }
}

const REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed (missing ")',
};

export function parseCsvRows(text: string): CsvRow[] {
  const bytes = Buffer.from(text, 'utf8');
  const lines = new LineCounter(bytes);
  const rows: CsvRow[] = [];
  // Byte offset where the next record starts: just after the previous record and its line break.
  let nextStart = 0;
  try {
    parse(bytes, {
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: (record: string[], context) => {
        rows.push({ line: lines.lineOfRecordAt(nextStart), fields: record });
        nextStart = context.bytes;
        return null;
      },
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    // The failing record starts where the last good one ended.
    const field = typeof err.index === 'number' ? ` (field ${err.index + 1})` : '';
    const reason = REASONS[err.code];
    throw new CsvSyntaxError(reason ? `${reason}${field}` : err.message, lines.lineOfRecordAt(nextStart));
  }
  return rows;
}

export interface CsvRecord {
  line: number;
  /** Values by lower-cased header name; missing trailing fields are empty strings. */
  values: Record<string, string>;
  /** How many fields the line really had (importers reject a count that differs from the header's). */
  fieldCount: number;
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

/** First record = header (names trimmed and lower-cased); every other record keyed by it. */
export function parseCsv(text: string): CsvTable {
  const rows = parseCsvRows(text);
  if (rows.length === 0) throw new CsvSyntaxError('the file is empty (no header line)', 1);
  const headerRow = rows[0];
  const header = headerRow.fields.map((h) => h.trim().toLowerCase());
  const seen = new Set<string>();
  header.forEach((h, idx) => {
    if (h === '') throw new CsvSyntaxError(`header column ${idx + 1} has no name`, headerRow.line);
    if (seen.has(h)) throw new CsvSyntaxError(`header column "${h}" appears twice`, headerRow.line);
    seen.add(h);
  });
  const records = rows.slice(1).map((r) => {
    const values: Record<string, string> = {};
    header.forEach((h, idx) => {
      values[h] = r.fields[idx] ?? '';
    });
    return { line: r.line, values, fieldCount: r.fields.length };
  });
  return { header, records };
}

function quote(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 text (CRLF line ends) for the given columns; absent values are empty fields. */
export function stringifyCsv(header: readonly string[], rows: Iterable<Record<string, unknown>>): string {
  const lines = [header.map(quote).join(',')];
  for (const row of rows) lines.push(header.map((h) => quote(row[h])).join(','));
  return lines.join('\r\n') + '\r\n';
}
