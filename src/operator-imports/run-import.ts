import type { AppContext } from '../app-context.js';
import { importDrugCatalog } from '../catalog/import-drug-catalog.js';
import { importQhpDrugs, importQhpPlans } from '../formulary/import-qhp.js';
import { importMembers } from '../members/import-members.js';
import { importPharmacies } from '../members/import-pharmacies.js';
import { importPrescribers } from '../members/import-prescribers.js';
import { newId } from '../platform/ids.js';
import { importPlanBundle } from './import-plan-bundle.js';
import type { ImportOptions } from '../imports/import-run.js';
import type { ImportSummary, ProgressFn } from '../imports/import-summary.js';

export const IMPORT_KINDS = [
  'drug-catalog',
  'qhp-plans',
  'qhp-drugs',
  'plan-bundle',
  'members',
  'prescribers',
  'pharmacies',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const isImportKind = (value: string): value is ImportKind => (IMPORT_KINDS as readonly string[]).includes(value);

/** The file format each kind reads. */
export const IMPORT_FORMAT: Record<ImportKind, 'csv' | 'json'> = {
  'drug-catalog': 'csv',
  'qhp-plans': 'json',
  'qhp-drugs': 'json',
  'plan-bundle': 'json',
  members: 'csv',
  prescribers: 'csv',
  pharmacies: 'csv',
};

export interface RunImportOptions {
  actor: { username: string; role: string };
  source?: string;
  onProgress?: ProgressFn;
  /** qhp-plans only: the processor that adjudicates the imported plans. */
  processorId?: string;
}

/**
 * Runs one import as an operator action: the importer's own transaction also records the
 * import_runs row and the audit event, so a run is on record exactly when its data is.
 */
export async function runImport(
  ctx: AppContext,
  kind: ImportKind,
  text: string,
  options: RunImportOptions,
): Promise<{ runId: string; summary: ImportSummary }> {
  const startedAt = ctx.clock.now();
  const runId = newId('imp', startedAt);
  const common: ImportOptions = {
    source: options.source,
    onProgress: options.onProgress,
    run: { id: runId, actor: options.actor, startedAt, now: () => ctx.clock.now() },
  };
  let summary: ImportSummary;
  switch (kind) {
    case 'drug-catalog':
      summary = await importDrugCatalog(ctx, text, common);
      break;
    case 'qhp-plans':
      summary = await importQhpPlans(ctx, text, { ...common, processorId: options.processorId });
      break;
    case 'qhp-drugs':
      summary = await importQhpDrugs(ctx, text, common);
      break;
    case 'plan-bundle':
      summary = await importPlanBundle(ctx, text, common);
      break;
    case 'members':
      summary = await importMembers(ctx, text, common);
      break;
    case 'prescribers':
      summary = await importPrescribers(ctx, text, common);
      break;
    case 'pharmacies':
      summary = await importPharmacies(ctx, text, common);
      break;
    default: {
      const never: never = kind;
      throw new Error(`unknown import kind ${String(never)}`);
    }
  }
  return { runId, summary };
}
