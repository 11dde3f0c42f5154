import type { Resource } from '@medplum/fhirtypes';
import type { AppContext } from '../../app-context.js';
import { notFound } from '../../platform/errors.js';
import type { FhirRequest, FhirResponse } from '../fhir-request.js';
import { invalidElement } from '../operation-outcome.js';
import { parseDateSearch } from '../search/date-search.js';
import { formularyIndexOf } from './formulary-index.js';

const TYPES = ['InsurancePlan', 'Basic', 'MedicationKnowledge'] as const;

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.at(-1) : v;
}

/**
 * A whole formulary as NDJSON, following usdf-FormularyBulkDataGraphDefinition: the Formulary,
 * its FormularyItems (Basic), and the FormularyDrugs they name. `_type` narrows the resource types
 * and `_since` keeps resources updated at or after an instant (Bulk Data Access 2.0 parameters).
 */
export async function exportFormulary(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  const index = formularyIndexOf(await ctx.reference.get());
  const formulary = index.insurancePlansById.get(req.params.id);
  if (!formulary || !index.formularyPlan.has(req.params.id))
    throw notFound('Formulary (InsurancePlan of type DRUGPOL)', req.params.id);
  const unknown = Object.keys(req.query).filter((k) => k !== '_type' && k !== '_since' && k !== '_outputFormat');
  if (unknown.length) throw invalidElement(unknown[0], 'is not a supported $export parameter (_type, _since)');
  const types = one(req.query._type)
    ?.split(',')
    .map((t) => t.trim()) ?? [...TYPES];
  const bad = types.find((t) => !(TYPES as readonly string[]).includes(t));
  if (bad) throw invalidElement('_type', `${bad} is not part of a formulary export (${TYPES.join(', ')})`);
  const format = one(req.query._outputFormat);
  if (format && !['application/fhir+ndjson', 'application/ndjson', 'ndjson'].includes(format))
    throw invalidElement('_outputFormat', 'only NDJSON is produced');
  const sinceRaw = one(req.query._since);
  const since = sinceRaw ? parseDateSearch('_since', `ge${sinceRaw}`) : () => true;

  const items = index.itemsByFormulary.get(formulary.id!) ?? [];
  const drugIds = [...new Set(items.map((i) => i.subject!.reference!.split('/')[1]))];
  const out: Resource[] = [];
  if (types.includes('InsurancePlan')) out.push(formulary);
  if (types.includes('Basic')) out.push(...items);
  if (types.includes('MedicationKnowledge')) out.push(...drugIds.map((id) => index.drugsById.get(id)!).filter(Boolean));
  const lines = out.filter((r) => since(new Date(r.meta!.lastUpdated!))).map((r) => JSON.stringify(r));
  return {
    status: 200,
    body: lines.length ? `${lines.join('\n')}\n` : '',
    contentType: 'application/fhir+ndjson',
    headers: { 'content-disposition': `attachment; filename="${formulary.id}.ndjson"` },
  };
}
