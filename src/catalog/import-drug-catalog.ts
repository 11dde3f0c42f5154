import type { AppContext } from '../app-context.js';
import { countLoaded, emptySummary, type ImportSummary, type RejectedRow } from '../imports/import-summary.js';
import { recordImportRun, type ImportOptions } from '../imports/import-run.js';
import { fieldCountProblem, readCsvFile } from '../imports/read-import-file.js';
import { isCalendarDate, isDecimal, normalizeNdc } from '../shared/field-checks.js';
import { upsertConcepts, upsertPackages } from './catalog.repo.js';
import type { drugConcepts, drugPackages } from './catalog.tables.js';

type ConceptInsert = Omit<typeof drugConcepts.$inferInsert, 'updatedAt'>;
type PackageInsert = typeof drugPackages.$inferInsert;

const REQUIRED = [
  'ndc',
  'rxcui',
  'tty',
  'name',
  'ingredient',
  'dose_form',
  'scdf_rxcui',
  'scdf_name',
  'generic',
] as const;
const OPTIONAL = [
  'ingredient_rxcui',
  'strength',
  'brand_name',
  'brand_rxcui',
  'generic_scd_rxcui',
  'drug_class',
  'unit_price',
  'price_unit',
  'price_effective_date',
  // provenance columns of reference-data/drugs.csv: documentation, not data the product uses
  'price_source',
  'mapping_method',
  'rxnorm_version',
  'source_rxnorm',
  'source_ndc_mapping',
  'source_scdf',
  'drug_class_source',
  'n_ndcs_in_rxnorm',
  'notes',
] as const;

/** NCPDP unit-of-measure codes a unit price can be quoted in (each, milliliter, gram). */
const PRICE_UNITS = new Set(['EA', 'ML', 'GM']);

const BATCH = 500;

export interface ParsedCatalog {
  concepts: ConceptInsert[];
  packages: PackageInsert[];
  rejected: RejectedRow[];
  warnings: string[];
}

/** The drug-form group: the RxNorm SCDF, or its name where no SCDF id was available (PROVENANCE.md). */
export function drugGroupId(scdfRxcui: string, scdfName: string): string {
  return scdfRxcui ? scdfRxcui : `scdf:${scdfName}`;
}

function parseGeneric(value: string): boolean | null {
  const v = value.trim().toUpperCase();
  if (v === 'Y' || v === 'TRUE' || v === '1') return true;
  if (v === 'N' || v === 'FALSE' || v === '0') return false;
  return null;
}

const CONCEPT_FIELDS: Array<keyof ConceptInsert> = [
  'tty',
  'name',
  'ingredient',
  'ingredientRxcui',
  'strength',
  'doseForm',
  'groupId',
  'groupName',
  'brandName',
  'generic',
  'genericScdRxcui',
  'drugClass',
];

/**
 * Drug catalog CSV (the columns of reference-data/drugs.csv) → concepts and packages. One row is
 * one product concept (SCD/SBD) and, when `ndc` is filled, one package of it; a concept without
 * an NDC is still a concept (single-source brands keep their NDCs on the SBD). Pure: no I/O.
 */
export function parseDrugCatalog(csvText: string): ParsedCatalog {
  const file = readCsvFile(csvText, 'drug catalog', { required: REQUIRED, optional: OPTIONAL });
  const concepts = new Map<string, { row: ConceptInsert; line: number }>();
  const packages = new Map<string, { row: PackageInsert; line: number }>();
  const rejected: RejectedRow[] = [];
  const warnings: string[] = [];
  let hyphenated = 0;
  if (file.unknownColumns.length) warnings.push(`Ignored columns: ${file.unknownColumns.join(', ')}`);

  for (const record of file.records) {
    const v = (k: string) => (record.values[k] ?? '').trim();
    const reject = (reason: string) =>
      rejected.push({ row: record.line, id: v('ndc') || v('rxcui') || undefined, reason });
    const countProblem = fieldCountProblem(record, file.header.length);
    if (countProblem) {
      reject(countProblem);
      continue;
    }

    const problems: string[] = [];
    const rxcui = v('rxcui');
    if (!/^\d{1,10}$/.test(rxcui)) problems.push(`rxcui "${rxcui}" is not a numeric RxCUI`);
    const tty = v('tty').toUpperCase();
    if (tty !== 'SCD' && tty !== 'SBD')
      problems.push(`tty "${v('tty')}" must be SCD (clinical drug) or SBD (branded drug)`);
    for (const k of ['name', 'ingredient', 'dose_form', 'scdf_name'] as const)
      if (!v(k)) problems.push(`${k} is empty`);
    const scdfRxcui = v('scdf_rxcui');
    if (scdfRxcui && !/^\d{1,10}$/.test(scdfRxcui)) problems.push(`scdf_rxcui "${scdfRxcui}" is not a numeric RxCUI`);
    for (const k of ['ingredient_rxcui', 'generic_scd_rxcui'] as const)
      if (v(k) && !/^\d{1,10}$/.test(v(k))) problems.push(`${k} "${v(k)}" is not a numeric RxCUI`);
    const generic = parseGeneric(v('generic'));
    if (generic === null) problems.push(`generic "${v('generic')}" must be Y or N`);
    else if ((tty === 'SCD' && !generic) || (tty === 'SBD' && generic))
      problems.push(`generic=${v('generic')} contradicts tty ${tty} (an SCD is generic, an SBD is branded)`);

    let ndc: string | null = null;
    if (v('ndc')) {
      ndc = normalizeNdc(v('ndc'));
      if (!ndc) problems.push(`ndc "${v('ndc')}" is not an 11-digit NDC (or a hyphenated 4-4-2, 5-3-2, 5-4-1 NDC)`);
      else if (ndc !== v('ndc')) hyphenated++;
    }
    const unitPrice = v('unit_price');
    if (unitPrice && !isDecimal(unitPrice, 5))
      problems.push(`unit_price "${unitPrice}" must be a non-negative amount with at most 5 decimals`);
    const priceUnit = v('price_unit').toUpperCase();
    if (priceUnit && !PRICE_UNITS.has(priceUnit)) problems.push(`price_unit "${v('price_unit')}" must be EA, ML or GM`);
    const priceDate = v('price_effective_date');
    if (priceDate && !isCalendarDate(priceDate))
      problems.push(`price_effective_date "${priceDate}" is not a date (YYYY-MM-DD)`);
    if (problems.length) {
      reject(problems.join('; '));
      continue;
    }

    const concept: ConceptInsert = {
      rxcui,
      tty,
      name: v('name'),
      ingredient: v('ingredient'),
      ingredientRxcui: v('ingredient_rxcui') || null,
      strength: v('strength') || null,
      doseForm: v('dose_form'),
      groupId: drugGroupId(scdfRxcui, v('scdf_name')),
      groupName: v('scdf_name'),
      brandName: v('brand_name') || null,
      generic: generic!,
      genericScdRxcui: v('generic_scd_rxcui') || null,
      drugClass: v('drug_class') || null,
    };
    const seen = concepts.get(rxcui);
    if (seen) {
      const differs = CONCEPT_FIELDS.filter((f) => seen.row[f] !== concept[f]);
      if (differs.length) {
        reject(`RxCUI ${rxcui} is described differently than on line ${seen.line} (${differs.join(', ')})`);
        continue;
      }
    }
    if (ndc) {
      const dup = packages.get(ndc);
      if (dup) {
        reject(`NDC ${ndc} already appears on line ${dup.line}`);
        continue;
      }
      packages.set(ndc, {
        line: record.line,
        row: {
          ndc,
          rxcui,
          unitPrice: unitPrice || null,
          priceUnit: unitPrice ? priceUnit || 'EA' : null,
          priceEffectiveDate: unitPrice ? priceDate || null : null,
        },
      });
    } else if (unitPrice) {
      warnings.push(
        `Line ${record.line}: unit_price ${unitPrice} ignored — a price belongs to a package NDC and this row has none`,
      );
    }
    if (!seen) concepts.set(rxcui, { row: concept, line: record.line });
  }

  // RxNorm: a brand's SBD sits in its generic's drug-form group (docs/design.md#glossary). Say so when a file disagrees.
  for (const { row, line } of concepts.values()) {
    if (row.tty !== 'SBD' || !row.genericScdRxcui) continue;
    const scd = concepts.get(row.genericScdRxcui);
    if (scd && scd.row.groupId !== row.groupId) {
      warnings.push(
        `Line ${line}: SBD ${row.rxcui} is in group ${row.groupId} but its generic ${scd.row.rxcui} is in ${scd.row.groupId}`,
      );
    }
  }
  if (hyphenated)
    warnings.push(
      `${hyphenated} hyphenated NDC${hyphenated > 1 ? 's were' : ' was'} converted to the 11-digit 5-4-2 form`,
    );
  return {
    concepts: [...concepts.values()].map((c) => c.row),
    packages: [...packages.values()].map((p) => p.row),
    rejected,
    warnings,
  };
}

/**
 * Imports the drug catalog: concepts and packages are upserted (by RxCUI, by NDC) in one
 * transaction; rows with problems are reported with their line number and the rest load.
 */
export async function importDrugCatalog(
  ctx: AppContext,
  csvText: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const parsed = parseDrugCatalog(csvText);
  const summary = emptySummary('drug-catalog', options.source);
  summary.rejected.push(...parsed.rejected);
  summary.warnings.push(...parsed.warnings);
  const total = parsed.concepts.length + parsed.packages.length;
  let done = 0;
  await ctx.database.db.transaction(async (tx) => {
    // Concepts first: packages reference them.
    for (let i = 0; i < parsed.concepts.length; i += BATCH) {
      const batch = parsed.concepts.slice(i, i + BATCH);
      await upsertConcepts(tx, batch);
      done += batch.length;
      options.onProgress?.(done, total);
    }
    for (let i = 0; i < parsed.packages.length; i += BATCH) {
      const batch = parsed.packages.slice(i, i + BATCH);
      await upsertPackages(tx, batch);
      done += batch.length;
      options.onProgress?.(done, total);
    }
    countLoaded(summary, 'concepts', parsed.concepts.length);
    countLoaded(summary, 'packages', parsed.packages.length);
    countLoaded(summary, 'pricedPackages', parsed.packages.filter((p) => p.unitPrice).length);
    await recordImportRun(tx, options.run, summary);
  });
  ctx.reference.invalidate();
  return summary;
}
