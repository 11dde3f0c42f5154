/**
 * RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF or
 * LF (or old-Mac CR) line ends, an optional UTF-8 byte-order mark. Lenient where files from
 * spreadsheets commonly differ from the RFC and the meaning is still clear (a bare quote inside
 * an unquoted field is kept literally); strict where guessing would change data (text after a
 * closing quote, a quote that never closes).
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

export function parseCsvRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  let fields: string[] = [];
  let field = '';
  let rowLine = 1;
  let atFieldStart = true;

  const endRow = () => {
    fields.push(field);
    // A line with nothing on it is not a record (RFC 4180 files may end with a line break).
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    atFieldStart = true;
  };

  while (i < n) {
    const c = text[i];
    if (atFieldStart && c === '"') {
      const openedOn = line;
      i++;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError('a quoted field is never closed (missing ")', openedOn);
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\r' || q === '\n') {
          if (q === '\r' && text[i + 1] === '\n') {
            field += '\r\n';
            i += 2;
          } else {
            field += q;
            i++;
          }
          line++;
          continue;
        }
        field += q;
        i++;
      }
      const next = text[i];
      if (i < n && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError(
          `unexpected text after a closing quote (field ${fields.length + 1}); quotes inside a quoted field must be doubled ("")`,
          line,
        );
      }
      atFieldStart = false;
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    field += c;
    atFieldStart = false;
    i++;
  }
  if (fields.length > 0 || field !== '' || !atFieldStart) endRow();
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
