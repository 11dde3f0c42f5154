import type { AppContext } from '../app-context.js';
import { countLoaded, emptySummary, type ImportSummary } from '../imports/import-summary.js';
import { recordImportRun, type ImportOptions } from '../imports/import-run.js';
import { fieldCountProblem, readCsvFile } from '../imports/read-import-file.js';
import { isValidNpi } from '../shared/npi.js';
import { readContactFields } from './contact-fields.js';
import { upsertPharmacies, type PharmacyInsert } from './members.repo.js';

export const PHARMACY_COLUMNS = [
  'npi',
  'name',
  'pharmacy_type',
  'phone',
  'fax',
  'address_line1',
  'city',
  'state',
  'zip',
] as const;
const REQUIRED = ['npi', 'name'] as const;
/** Cost sharing differs by pharmacy type (PlanPolicy.costSharing). */
const PHARMACY_TYPES = new Set(['retail', 'mail', 'specialty']);
const BATCH = 500;

/** Pharmacies (CSV, PHARMACY_COLUMNS), upserted by NPI (check digit enforced). */
export async function importPharmacies(
  ctx: AppContext,
  csvText: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const file = readCsvFile(csvText, 'pharmacies', { required: REQUIRED, optional: PHARMACY_COLUMNS });
  const summary = emptySummary('pharmacies', options.source);
  if (file.unknownColumns.length) summary.warnings.push(`Ignored columns: ${file.unknownColumns.join(', ')}`);
  const rows: PharmacyInsert[] = [];
  const firstLine = new Map<string, number>();
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
    if (!v('name')) problems.push('name is empty');
    const type = (v('pharmacy_type') || 'retail').toLowerCase();
    if (!PHARMACY_TYPES.has(type))
      problems.push(`pharmacy_type "${v('pharmacy_type')}" must be retail, mail or specialty`);
    const contact = readContactFields(v, problems, ['phone', 'fax']);
    const dup = firstLine.get(npi);
    if (npi && dup !== undefined) problems.push(`npi ${npi} already appears on line ${dup}`);
    if (problems.length) {
      summary.rejected.push({ row: record.line, id: npi || undefined, reason: problems.join('; ') });
      continue;
    }
    firstLine.set(npi, record.line);
    rows.push({
      npi,
      name: v('name'),
      pharmacyType: type,
      phone: contact.phones.phone,
      fax: contact.phones.fax,
      addressLine1: contact.addressLine1,
      city: contact.city,
      state: contact.state,
      zip: contact.zip,
    });
  }
  await ctx.database.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await upsertPharmacies(tx, rows.slice(i, i + BATCH));
      options.onProgress?.(Math.min(i + BATCH, rows.length), rows.length);
    }
    countLoaded(summary, 'pharmacies', rows.length);
    await recordImportRun(tx, options.run, summary);
  });
  return summary;
}
