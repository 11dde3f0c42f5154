import { CsvSyntaxError, parseCsv, type CsvRecord } from '../shared/csv.js';
import { DomainError } from '../platform/errors.js';

/**
 * A file that cannot be read at all is IMPORT_FAILED, and the import writes nothing. Row-level
 * problems are not errors here: the importers report them in the summary.
 */
function refuseBinary(text: string, what: string): void {
  if (text.includes('\u0000'))
    throw new DomainError(
      'IMPORT_FAILED',
      `The ${what} file is not text (it contains NUL bytes); send the file itself, not a spreadsheet or archive`,
    );
}

export interface CsvFile {
  header: string[];
  records: CsvRecord[];
  /** Header columns the importer does not use. */
  unknownColumns: string[];
}

export function readCsvFile(
  text: string,
  what: string,
  columns: { required: readonly string[]; optional?: readonly string[] },
): CsvFile {
  refuseBinary(text, what);
  let table;
  try {
    table = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) {
      throw new DomainError('IMPORT_FAILED', `The ${what} CSV cannot be read: ${err.message}`, {
        errors: [{ path: `line ${err.line}`, message: err.reason }],
      });
    }
    throw err;
  }
  const missing = columns.required.filter((c) => !table.header.includes(c));
  if (missing.length) {
    throw new DomainError(
      'IMPORT_FAILED',
      `The ${what} CSV is missing the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (header line: ${table.header.join(',')})`,
      {
        errors: missing.map((c) => ({ path: `header.${c}`, message: 'is a required column' })),
      },
    );
  }
  const known = new Set([...columns.required, ...(columns.optional ?? [])]);
  return { ...table, unknownColumns: table.header.filter((h) => !known.has(h)) };
}

export function readJsonFile(text: string, what: string): unknown {
  refuseBinary(text, what);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new DomainError('IMPORT_FAILED', `The ${what} file is empty`);
  try {
    return JSON.parse(body);
  } catch (err) {
    throw new DomainError('IMPORT_FAILED', `The ${what} file is not valid JSON: ${(err as Error).message}`, {
      errors: [{ path: '', message: (err as Error).message }],
    });
  }
}

/** A record whose field count differs from the header's cannot be trusted column by column. */
export function fieldCountProblem(record: CsvRecord, headerLength: number): string | null {
  if (record.fieldCount === headerLength) return null;
  return `has ${record.fieldCount} field${record.fieldCount === 1 ? '' : 's'} but the header has ${headerLength} (an unquoted comma, or a missing field?)`;
}
