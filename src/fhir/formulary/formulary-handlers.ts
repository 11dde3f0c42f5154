import type { Basic, Extension, InsurancePlan, MedicationKnowledge, Resource } from '@medplum/fhirtypes';
import type { AppContext } from '../../app-context.js';
import { notFound } from '../../platform/errors.js';
import { ok, type FhirRequest, type FhirResponse } from '../fhir-request.js';
import { searchsetBundle } from '../search/bundle.js';
import { parseDateSearch } from '../search/date-search.js';
import { allOf, matchesToken, parseSearch, referenceId, type ParsedSearch } from '../search/search-params.js';
import {
  BASIC_CHAINS,
  BASIC_INCLUDES,
  BASIC_PARAMS,
  INSURANCE_PLAN_INCLUDES,
  INSURANCE_PLAN_PARAMS,
  MEDICATION_KNOWLEDGE_PARAMS,
} from './formulary-search-params.js';
import { formularyIndexOf, type FormularyIndex } from './formulary-index.js';
import { USDF } from './usdf.js';

async function indexOf(ctx: AppContext): Promise<FormularyIndex> {
  return formularyIndexOf(await ctx.reference.get());
}

const ext = (r: { extension?: Extension[] }, url: string) => (r.extension ?? []).filter((e) => e.url === url);

/** `_id` and `_lastUpdated`, which every resource type here supports. */
function commonFilters(search: ParsedSearch): Array<(r: Resource) => boolean> {
  const tests: Array<(r: Resource) => boolean> = [];
  const ids = search.params.get('_id');
  if (ids) tests.push((r) => allOf(ids, (v) => r.id === v));
  for (const reps of search.params.get('_lastUpdated') ?? []) {
    const alts = reps.map((v) => parseDateSearch('_lastUpdated', v));
    tests.push((r) => alts.some((t) => t(new Date(r.meta!.lastUpdated!))));
  }
  return tests;
}

const applyAll = <T extends Resource>(list: T[], tests: Array<(r: T) => boolean>) =>
  tests.length ? list.filter((r) => tests.every((t) => t(r))) : list;

export async function searchInsurancePlans(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  const search = parseSearch(req, INSURANCE_PLAN_PARAMS, { includes: INSURANCE_PLAN_INCLUDES });
  const index = await indexOf(ctx);
  const p = search.params;
  const formularyRefs = (plan: InsurancePlan) =>
    (plan.coverage ?? []).flatMap((c) => ext(c, USDF.ext.formularyReference).map((e) => e.valueReference!.reference!));
  const tests: Array<(r: InsurancePlan) => boolean> = [
    ...commonFilters(search),
    (r) =>
      allOf(p.get('identifier'), (v) =>
        matchesToken(
          v,
          (r.identifier ?? []).map((i) => ({ system: i.system, code: i.value })),
        ),
      ),
    (r) => allOf(p.get('status'), (v) => r.status === v),
    (r) =>
      allOf(p.get('type'), (v) =>
        matchesToken(
          v,
          (r.type ?? []).flatMap((t) => t.coding ?? []),
        ),
      ),
    (r) => allOf(p.get('name'), (v) => (r.name ?? '').toLowerCase().startsWith(v.toLowerCase())),
    (r) =>
      allOf(p.get('coverage-type'), (v) =>
        matchesToken(
          v,
          (r.coverage ?? []).flatMap((c) => c.type.coding ?? []),
        ),
      ),
    (r) =>
      allOf(p.get('formulary-coverage'), (v) =>
        formularyRefs(r).includes(`InsurancePlan/${referenceId(v, 'InsurancePlan')}`),
      ),
  ];
  const matches = applyAll(index.insurancePlans, tests);
  return ok(
    searchsetBundle({
      req,
      resourceType: 'InsurancePlan',
      matches,
      search,
      includesFor: (page) =>
        search.include.length
          ? page.flatMap((plan) =>
              formularyRefs(plan)
                .map((ref) => index.insurancePlansById.get(ref.split('/')[1]))
                .filter((f): f is InsurancePlan => !!f),
            )
          : [],
    }),
  );
}

function tokenOfExtension(item: Basic, url: string) {
  return ext(item, url).flatMap((e) => e.valueCodeableConcept?.coding ?? []);
}

export async function searchFormularyItems(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  const search = parseSearch(req, BASIC_PARAMS, { includes: BASIC_INCLUDES, chains: BASIC_CHAINS });
  const index = await indexOf(ctx);
  const p = search.params;
  const rxcuiFilter = p.get('subject:MedicationKnowledge.code');
  let pool = index.items;
  // Narrow by formulary first: the common query names one formulary.
  const formularies = p.get('formulary');
  if (formularies?.length === 1 && formularies[0].length === 1)
    pool = index.itemsByFormulary.get(referenceId(formularies[0][0], 'InsurancePlan')) ?? [];
  const tests: Array<(r: Basic) => boolean> = [
    ...commonFilters(search),
    (r) => allOf(p.get('code'), (v) => matchesToken(v, r.code.coding ?? [])),
    (r) =>
      allOf(
        p.get('subject'),
        (v) => r.subject?.reference === `MedicationKnowledge/${referenceId(v, 'MedicationKnowledge')}`,
      ),
    (r) => allOf(p.get('status'), (v) => ext(r, USDF.ext.availabilityStatus).some((e) => e.valueCode === v)),
    (r) => allOf(formularies, (v) => index.itemFacts.get(r)!.formularyId === referenceId(v, 'InsurancePlan')),
    (r) =>
      allOf(p.get('pharmacy-benefit-type'), (v) => matchesToken(v, tokenOfExtension(r, USDF.ext.pharmacyBenefitType))),
    (r) => allOf(p.get('drug-tier'), (v) => matchesToken(v, tokenOfExtension(r, USDF.ext.drugTierId))),
    (r) =>
      allOf(rxcuiFilter, (v) => {
        const drug = index.drugsById.get(r.subject!.reference!.split('/')[1]);
        return !!drug && matchesToken(v, drug.code?.coding ?? []);
      }),
  ];
  const matches = applyAll(pool, tests);
  return ok(
    searchsetBundle({
      req,
      resourceType: 'Basic',
      matches,
      search,
      includesFor: (page) =>
        page.flatMap((item) => {
          const out: Resource[] = [];
          if (search.include.includes('Basic:formulary')) {
            const f = index.insurancePlansById.get(index.itemFacts.get(item)!.formularyId);
            if (f) out.push(f);
          }
          if (search.include.includes('Basic:subject')) {
            const d = index.drugsById.get(item.subject!.reference!.split('/')[1]);
            if (d) out.push(d);
          }
          return out;
        }),
    }),
  );
}

export async function searchFormularyDrugs(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  const search = parseSearch(req, MEDICATION_KNOWLEDGE_PARAMS);
  const index = await indexOf(ctx);
  const p = search.params;
  const tests: Array<(r: MedicationKnowledge) => boolean> = [
    ...commonFilters(search),
    (r) => allOf(p.get('status'), (v) => r.status === v),
    (r) => allOf(p.get('code'), (v) => matchesToken(v, r.code?.coding ?? [])),
    (r) =>
      allOf(p.get('drug-name'), (v) =>
        [r.code?.text ?? '', ...(r.synonym ?? [])].some((s) => s.toLowerCase().includes(v.toLowerCase())),
      ),
    (r) => allOf(p.get('doseform'), (v) => (r.doseForm?.text ?? '').toLowerCase() === v.toLowerCase().split('|').pop()),
  ];
  return ok(
    searchsetBundle({ req, resourceType: 'MedicationKnowledge', matches: applyAll(index.drugs, tests), search }),
  );
}

function read<T extends Resource>(map: (i: FormularyIndex) => Map<string, T>, type: string) {
  return async (req: FhirRequest, ctx: AppContext): Promise<FhirResponse> => {
    const resource = map(await indexOf(ctx)).get(req.params.id);
    if (!resource) throw notFound(type, req.params.id);
    return ok(resource);
  };
}

export const readInsurancePlan = read((i) => i.insurancePlansById, 'InsurancePlan');
export const readFormularyItem = read((i) => i.itemsById, 'Basic');
export const readFormularyDrug = read((i) => i.drugsById, 'MedicationKnowledge');
