import type { AppContext } from '../app-context.js';
import { countLoaded, emptySummary, type ImportSummary } from '../imports/import-summary.js';
import { recordImportRun, type ImportOptions } from '../imports/import-run.js';
import { fieldCountProblem, readCsvFile } from '../imports/read-import-file.js';
import { isValidNpi } from '../shared/npi.js';
import { readContactFields } from './contact-fields.js';
import { upsertPrescribers, type PrescriberInsert } from './members.repo.js';

export const PRESCRIBER_COLUMNS = [
  'npi',
  'first_name',
  'last_name',
  'credential',
  'specialty',
  'phone',
  'fax',
  'address_line1',
  'city',
  'state',
  'zip',
] as const;
const REQUIRED = ['npi', 'first_name', 'last_name'] as const;
const BATCH = 500;

/** Prescribers (CSV, PRESCRIBER_COLUMNS), upserted by NPI; an NPI must carry a valid check digit. */
export async function importPrescribers(
  ctx: AppContext,
  csvText: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const file = readCsvFile(csvText, 'prescribers', { required: REQUIRED, optional: PRESCRIBER_COLUMNS });
  const summary = emptySummary('prescribers', options.source);
  if (file.unknownColumns.length) summary.warnings.push(`Ignored columns: ${file.unknownColumns.join(', ')}`);
  const rows: PrescriberInsert[] = [];
  const firstLine = new Map<string, number>();
  let withoutFax = 0;
  for (const record of file.records) {
    const v = (k: string) => (record.values[k] ?? '').trim();
    const npi = v('npi');
    const countProblem = fieldCountProblem(record, file.header.length);
    if (countProblem) {
      summary.rejected.push({ row: record.line, id: npi || undefined, reason: countProblem });
      continue;
    }
    const problems: string[] = [];
    if (!isValidNpi(npi))
      problems.push(/^\d{10}$/.test(npi) ? `npi ${npi} has a wrong check digit` : `npi "${npi}" is not 10 digits`);
    if (!v('first_name')) problems.push('first_name is empty');
    if (!v('last_name')) problems.push('last_name is empty');
    const contact = readContactFields(v, problems, ['phone', 'fax']);
    const dup = firstLine.get(npi);
    if (npi && dup !== undefined) problems.push(`npi ${npi} already appears on line ${dup}`);
    if (problems.length) {
      summary.rejected.push({ row: record.line, id: npi || undefined, reason: problems.join('; ') });
      continue;
    }
    firstLine.set(npi, record.line);
    if (!contact.phones.fax) withoutFax++;
    rows.push({
      npi,
      firstName: v('first_name'),
      lastName: v('last_name'),
      credential: v('credential') || null,
      specialty: v('specialty') || null,
      phone: contact.phones.phone,
      fax: contact.phones.fax,
      addressLine1: contact.addressLine1,
      city: contact.city,
      state: contact.state,
      zip: contact.zip,
    });
  }
  // Letters and information requests go to prescribers by fax (docs/design.md#notices); without one they wait in the portal.
  if (withoutFax)
    summary.warnings.push(
      `${withoutFax} prescriber${withoutFax > 1 ? 's have' : ' has'} no fax number: their notices go to the portal only`,
    );
  await ctx.database.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await upsertPrescribers(tx, rows.slice(i, i + BATCH));
      options.onProgress?.(Math.min(i + BATCH, rows.length), rows.length);
    }
    countLoaded(summary, 'prescribers', rows.length);
    await recordImportRun(tx, options.run, summary);
  });
  return summary;
}
