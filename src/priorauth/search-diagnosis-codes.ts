import type { AppContext } from '../app-context.js';
import { icd10CodesIn, searchIcd10, type Icd10Code } from './icd10-codes.js';
import { listCriteria } from './priorauth.repo.js';

/**
 * ICD-10-CM codes matching what a prescriber typed, from the codes the current criteria sets ask
 * about (docs/design.md#diagnoses): an import that changes a criteria set changes the list at once.
 */
export async function searchDiagnosisCodes(ctx: AppContext, q: string, limit: number): Promise<Icd10Code[]> {
  const rows = await listCriteria(ctx.database.db, { currentOnly: true });
  return searchIcd10(icd10CodesIn(rows.map((r) => r.body)), q, limit);
}
