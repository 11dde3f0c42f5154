import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateR4 } from '../support/fhir-validation.js';
import { hasSharedExamples, listExamples, readExample } from '../support/shared-examples.js';

/** The Da Vinci USDF example files (../shared/examples/fhir-formulary): in CI their absence fails the run, locally these tests skip. */
const hasUsdfExamples = hasSharedExamples('fhir-formulary');
import { createTestApp, type TestApp } from '../support/test-app.js';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const USDF = 'http://hl7.org/fhir/us/davinci-drug-formulary/StructureDefinition/';
const OZEMPIC_SBD = '1991306'; // semaglutide 0.25/0.5 MG pen [Ozempic]: PA + step + quantity limit on CACOM1

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function get(url: string) {
  const r = await t.app.inject({ method: 'GET', url });
  const type = String(r.headers['content-type']);
  const body = type.includes('json') && !type.includes('ndjson') ? r.json() : r.body;
  return { status: r.statusCode, type: String(r.headers['content-type']), body };
}

async function all(url: string): Promise<any[]> {
  const out: any[] = [];
  let next: string | undefined = url;
  while (next) {
    const r = await get(next.replace(/^https?:\/\/[^/]+/, ''));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    out.push(...r.body.entry.filter((e: any) => e.search.mode === 'match').map((e: any) => e.resource));
    next = r.body.link.find((l: any) => l.relation === 'next')?.url;
  }
  return out;
}

/** Synchronous FHIRPath (no async functions in these expressions). */
const evaluate = (r: unknown, path: string) => fhirpath.evaluate(r, path, undefined, r4) as unknown[];

const extUrls = (r: any) => new Set<string>((r.extension ?? []).map((e: any) => e.url));
const systems = (codings: any[]) => new Set(codings.map((c) => c.system));

describe('FHIR metadata and errors', () => {
  it('GET /fhir/metadata is a CapabilityStatement listing the USDF resources with their search parameters and includes', async () => {
    const r = await get('/fhir/metadata');
    expect(r.status).toBe(200);
    expect(r.type).toContain('application/fhir+json');
    expect(r.body.resourceType).toBe('CapabilityStatement');
    expect(r.body.fhirVersion).toBe('4.0.1');
    const basic = r.body.rest[0].resource.find((x: any) => x.type === 'Basic');
    expect(basic.supportedProfile).toEqual([`${USDF}usdf-FormularyItem`]);
    expect(basic.searchParam.map((p: any) => p.name)).toEqual(
      expect.arrayContaining(['code', 'formulary', 'subject', 'drug-tier', 'pharmacy-benefit-type', '_lastUpdated']),
    );
    expect(basic.searchInclude).toEqual(['Basic:formulary', 'Basic:subject']);
  });

  it('an unknown resource path is a 404 OperationOutcome, never HTML or problem+json', async () => {
    const r = await get('/fhir/Observation');
    expect(r.status).toBe(404);
    expect(r.type).toContain('application/fhir+json');
    expect(r.body.resourceType).toBe('OperationOutcome');
  });

  it('an unknown search parameter is a 400 OperationOutcome naming it', async () => {
    const r = await get('/fhir/Basic?tier=generic');
    expect(r.status).toBe(400);
    expect(r.body.issue[0].expression).toEqual(['tier']);
  });

  it.each([
    ['/fhir/Basic?_count=-1', '_count'],
    ['/fhir/Basic?_lastUpdated=yesterday', '_lastUpdated'],
    ['/fhir/Basic?_include=Basic:author', '_include'],
    ['/fhir/InsurancePlan/Formulary-CACOM1/$export?_type=Patient', '_type'],
  ])('bad input %s is a 400 naming %s', async (url, element) => {
    const r = await get(url);
    expect(r.status).toBe(400);
    expect(r.body.resourceType).toBe('OperationOutcome');
    expect(r.body.issue[0].expression).toEqual([element]);
  });

  it('an unknown id is a 404 OperationOutcome', async () => {
    for (const url of [
      '/fhir/InsurancePlan/nope',
      '/fhir/Basic/nope',
      '/fhir/MedicationKnowledge/nope',
      '/fhir/InsurancePlan/nope/$export',
    ]) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(r.body.issue[0].code).toBe('not-found');
    }
  });
});

describe('US Drug Formulary searches', () => {
  it('InsurancePlan?type=DRUGPOL lists one formulary per plan that has its own pharmacy benefit', async () => {
    const plans = await all('/fhir/InsurancePlan?type=http://terminology.hl7.org/CodeSystem/v3-ActCode|DRUGPOL');
    expect(plans.map((p) => p.id).sort()).toEqual([
      'Formulary-CACOM1',
      'Formulary-IHSS01',
      'Formulary-MCRX-FFS',
      'Formulary-PARTD1',
    ]);
  });

  it('a carved-out plan (Medi-Cal managed care) points its drug coverage at the Medi-Cal Rx formulary', async () => {
    const r = await get('/fhir/InsurancePlan?identifier=MCAL-MC&_include=InsurancePlan:formulary-coverage');
    const [match, included] = r.body.entry;
    expect(match.resource.id).toBe('PayerInsurancePlan-MCAL-MC');
    expect(match.resource.coverage[0].extension[0].valueReference.reference).toBe('InsurancePlan/Formulary-MCRX-FFS');
    expect(included).toMatchObject({ search: { mode: 'include' }, resource: { id: 'Formulary-MCRX-FFS' } });
  });

  it('the payer plan carries cost sharing per pharmacy benefit type and tier (copay in USD, coinsurance in %)', async () => {
    const { body: plan } = await get('/fhir/InsurancePlan/PayerInsurancePlan-CACOM1');
    const retail = plan.plan[0].specificCost.find((s: any) => s.category.coding[0].code === '1-month-in-retail');
    const generic = retail.benefit.find((b: any) => b.type.coding[0].code === 'generic');
    expect(generic.cost[0].value).toEqual({ value: 10, unit: '$', system: 'urn:iso:std:iso:4217', code: 'USD' });
    const specialty = retail.benefit.find((b: any) => b.type.coding[0].code === 'specialty');
    expect(specialty.cost[0].value).toMatchObject({ value: 20, code: '%' });
    const mail = plan.plan[0].specificCost.find((s: any) => s.category.coding[0].code === '3-month-in-mail');
    expect(mail.benefit.find((b: any) => b.type.coding[0].code === 'generic').cost[0].value.value).toBe(20);
  });

  it('Basic?code=formulary-item&formulary=…&subject:MedicationKnowledge.code=… finds the drug with PA, step therapy and its quantity limit', async () => {
    const r = await get(
      `/fhir/Basic?code=formulary-item&formulary=InsurancePlan/Formulary-CACOM1&subject:MedicationKnowledge.code=${RXNORM}|${OZEMPIC_SBD}&_include=Basic:subject&_include=Basic:formulary`,
    );
    expect(r.status).toBe(200);
    const [item, ...included] = r.body.entry;
    expect(r.body.total).toBe(1);
    const ext = (url: string) => item.resource.extension.find((e: any) => e.url === USDF + url);
    expect(ext('usdf-PriorAuthorization-extension').valueBoolean).toBe(true);
    expect(ext('usdf-StepTherapyLimit-extension').valueBoolean).toBe(true);
    expect(ext('usdf-QuantityLimit-extension').valueBoolean).toBe(true);
    expect(ext('usdf-QuantityLimitDetail-extension').extension[0].valueTiming.repeat).toEqual({
      count: 3,
      period: 28,
      periodUnit: 'd',
    });
    expect(ext('usdf-DrugTierID-extension').valueCodeableConcept.coding[0].code).toBe('preferred-brand');
    expect(included.map((e: any) => e.resource.id).sort()).toEqual([
      'Formulary-CACOM1',
      `FormularyDrug-${OZEMPIC_SBD}`,
    ]);
  });

  it('a drug not covered by the plan has no formulary item (Zestril is excluded on CACOM1)', async () => {
    const zestril = await all('/fhir/MedicationKnowledge?drug-name=zestril');
    expect(zestril.length).toBeGreaterThan(0);
    const code = zestril[0].code.coding[0].code;
    const r = await get(`/fhir/Basic?formulary=Formulary-CACOM1&subject:MedicationKnowledge.code=${code}`);
    expect(r.body.total).toBe(0);
  });

  it('drug-tier and pharmacy-benefit-type filter the items; _count pages with next links that reach every match exactly once', async () => {
    const tiered = await all('/fhir/Basic?formulary=Formulary-PARTD1&drug-tier=specialty&_count=7');
    expect(tiered.length).toBeGreaterThan(7);
    expect(new Set(tiered.map((i) => i.id)).size).toBe(tiered.length);
    const first = await get('/fhir/Basic?formulary=Formulary-PARTD1&drug-tier=specialty');
    expect(first.body.total).toBe(tiered.length);
    const mail = await get('/fhir/Basic?formulary=Formulary-MCRX-FFS&pharmacy-benefit-type=3-month-in-mail');
    expect(mail.body.total).toBe(0); // Medi-Cal Rx prices retail only
  });

  it('_lastUpdated selects by meta.lastUpdated with prefixes', async () => {
    const every = await get('/fhir/Basic?formulary=Formulary-IHSS01&_count=0');
    const future = await get('/fhir/Basic?formulary=Formulary-IHSS01&_lastUpdated=gt2999-01-01');
    const past = await get('/fhir/Basic?formulary=Formulary-IHSS01&_lastUpdated=ge2000-01-01T00:00:00Z');
    expect(every.body.total).toBeGreaterThan(0);
    expect(future.body.total).toBe(0);
    expect(past.body.total).toBe(every.body.total);
  });

  it('MedicationKnowledge carries the RxNorm SCD/SBD coding and the SCDF group coding when the catalog knows its RxCUI', async () => {
    const ozempic = await get(`/fhir/MedicationKnowledge/FormularyDrug-${OZEMPIC_SBD}`);
    expect(ozempic.body.code.coding.map((c: any) => c.code)).toEqual([OZEMPIC_SBD, '1991305']);
    const byGroup = await all(`/fhir/MedicationKnowledge?code=${RXNORM}|1991305`);
    expect(byGroup.length).toBeGreaterThan(1);
  });

  it('$export returns the whole formulary as NDJSON: the Formulary, every item, every drug they name', async () => {
    const r = await get('/fhir/InsurancePlan/Formulary-IHSS01/$export');
    expect(r.status).toBe(200);
    expect(r.type).toContain('application/fhir+ndjson');
    const lines = (r.body as string)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const items = await all('/fhir/Basic?formulary=Formulary-IHSS01&_count=500');
    expect(lines[0].id).toBe('Formulary-IHSS01');
    expect(lines.filter((x) => x.resourceType === 'Basic').length).toBe(items.length);
    const drugIds = new Set(items.map((i) => i.subject.reference.split('/')[1]));
    expect(new Set(lines.filter((x) => x.resourceType === 'MedicationKnowledge').map((x) => x.id))).toEqual(drugIds);
    const onlyDrugs = await get(
      '/fhir/InsurancePlan/Formulary-IHSS01/$export?_type=MedicationKnowledge&_since=2999-01-01',
    );
    expect(onlyDrugs.body).toBe('');
  });
});

describe('OpenPBM formulary resources validate as base FHIR R4 (Medplum validator)', () => {
  it('every InsurancePlan, and samples of every Basic and MedicationKnowledge, have no validation issues', async () => {
    const resources = [
      ...(await all('/fhir/InsurancePlan?_count=100')),
      ...(await all('/fhir/Basic?formulary=Formulary-CACOM1&_count=500')),
      ...(await all('/fhir/MedicationKnowledge?_count=500')),
    ];
    expect(resources.length).toBeGreaterThan(300);
    const problems = resources.flatMap((r) => validateR4(r).map((p) => `${r.resourceType}/${r.id} ${p}`));
    expect(problems).toEqual([]);
  });
});

/** The IG's must-support elements (Formulary.fsh, USDF 2.x) that OpenPBM populates, per profile. */
const MUST_SUPPORT: Record<string, { url: string; paths: string[]; documentedAbsent: string[] }> = {
  'usdf-PayerInsurancePlan': {
    url: '/fhir/InsurancePlan?type=commhmo,medid,medi,qhp',
    paths: [
      'meta.lastUpdated',
      'identifier',
      'status',
      'type',
      'name',
      "coverage.where(type.coding.code='DRUGPOL')",
      `coverage.extension.where(url='${USDF}usdf-FormularyReference-extension')`,
      "coverage.benefit.where(type.coding.code='drug')",
      "plan.where(type.coding.code='drug').specificCost.category",
      'plan.specificCost.benefit.type',
      'plan.specificCost.benefit.cost.qualifiers',
      'plan.specificCost.benefit.cost.value.value',
    ],
    documentedAbsent: ['period', 'coverageArea'],
  },
  'usdf-Formulary': {
    url: '/fhir/InsurancePlan?type=DRUGPOL',
    paths: ['meta.lastUpdated', 'identifier', 'status', "type.coding.where(code='DRUGPOL')", 'name'],
    documentedAbsent: ['period'],
  },
  'usdf-FormularyItem': {
    url: '/fhir/Basic?formulary=Formulary-PARTD1&_count=1000',
    paths: [
      'meta.lastUpdated',
      `extension.where(url='${USDF}usdf-FormularyReference-extension')`,
      `extension.where(url='${USDF}usdf-AvailabilityStatus-extension')`,
      `extension.where(url='${USDF}usdf-PharmacyBenefitType-extension')`,
      `extension.where(url='${USDF}usdf-DrugTierID-extension')`,
      `extension.where(url='${USDF}usdf-PriorAuthorization-extension')`,
      `extension.where(url='${USDF}usdf-StepTherapyLimit-extension')`,
      `extension.where(url='${USDF}usdf-QuantityLimit-extension')`,
      "code.coding.where(code='formulary-item')",
      'subject',
    ],
    documentedAbsent: [`extension.where(url='${USDF}usdf-AvailabilityPeriod-extension')`],
  },
  'usdf-FormularyDrug': {
    url: '/fhir/MedicationKnowledge?_count=1000',
    paths: ['meta.lastUpdated', 'code.coding.code', 'code.coding.system', 'status', 'doseForm'],
    documentedAbsent: [],
  },
};

describe.each(Object.entries(MUST_SUPPORT))('must-support elements of %s', (profile, spec) => {
  it(`every resource claiming ${profile} populates its must-support elements`, async () => {
    const resources = (await all(spec.url)).filter((r) => r.meta.profile.includes(USDF + profile));
    expect(resources.length).toBeGreaterThan(0);
    for (const r of resources)
      for (const p of spec.paths) expect(evaluate(r, p).length, `${r.id} ${p}`).toBeGreaterThan(0);
    for (const r of resources)
      for (const p of spec.documentedAbsent) expect(evaluate(r, p), `${r.id} ${p}`).toEqual([]);
  });
});

describe.skipIf(!hasUsdfExamples)(
  'conformance with the Da Vinci USDF example resources (../shared/examples/fhir-formulary)',
  () => {
    const byPrefix = (prefix: string) =>
      listExamples('fhir-formulary', new RegExp(`^${prefix}`)).map((f) => readExample(`fhir-formulary/${f}`));

    it('formulary items have the examples’ profile, code coding and extension set (every URL OpenPBM emits occurs in the IG examples)', async () => {
      const examples = byPrefix('Basic-FormularyItem-');
      const igUrls = new Set(examples.flatMap((e: any) => [...extUrls(e)]));
      const required = [...extUrls(examples[0])].filter(
        (u) => examples.every((e: any) => extUrls(e).has(u)) && !u.includes('AvailabilityPeriod'),
      );
      const ours = (await get(`/fhir/Basic?formulary=Formulary-CACOM1&subject:MedicationKnowledge.code=${OZEMPIC_SBD}`))
        .body.entry[0].resource;
      expect(ours.meta.profile).toEqual(examples[0].meta.profile);
      expect(ours.code.coding.map((c: any) => [c.system, c.code])).toEqual(
        examples[0].code.coding.map((c: any) => [c.system, c.code]),
      );
      for (const u of extUrls(ours)) expect(igUrls, u).toContain(u);
      for (const u of required) expect(extUrls(ours), u).toContain(u);
      const cc = (r: any, url: string) =>
        systems(r.extension.filter((e: any) => e.url === url).flatMap((e: any) => e.valueCodeableConcept.coding));
      for (const url of [`${USDF}usdf-DrugTierID-extension`, `${USDF}usdf-PharmacyBenefitType-extension`])
        expect(cc(ours, url)).toEqual(cc(examples[1], url));
    });

    it('formulary drugs have the examples’ profile and RxNorm codings (drug first, drug-form group second)', async () => {
      const examples = byPrefix('MedicationKnowledge-FormularyDrug-');
      const ours = (await get(`/fhir/MedicationKnowledge/FormularyDrug-${OZEMPIC_SBD}`)).body;
      expect(ours.meta.profile).toEqual(examples[0].meta.profile);
      for (const e of examples) expect(systems(e.code.coding)).toEqual(systems(ours.code.coding));
      expect(ours.code.coding.length).toBe(2);
    });

    it('formularies and payer plans have the examples’ profiles, types, coverage and cost-sharing code systems', async () => {
      const formularyExample = byPrefix('InsurancePlan-Formulary')[0];
      const formulary = (await get('/fhir/InsurancePlan/Formulary-PARTD1')).body;
      expect(formulary.meta.profile).toEqual(formularyExample.meta.profile);
      expect(formulary.type[0].coding.map((c: any) => [c.system, c.code])).toEqual(
        formularyExample.type[0].coding.map((c: any) => [c.system, c.code]),
      );

      const planExample = readExample('fhir-formulary/InsurancePlan-PayerInsurancePlanA3001.json');
      const plan = (await get('/fhir/InsurancePlan/PayerInsurancePlan-PARTD1')).body;
      expect(plan.meta.profile).toEqual(planExample.meta.profile);
      expect(systems(plan.type[0].coding)).toEqual(systems(planExample.type[0].coding));
      expect(extUrls(plan.coverage[0])).toEqual(extUrls(planExample.coverage[0]));
      const sc = (c: any[]) => c.map((x) => [x.system, x.code]);
      expect(sc(plan.coverage[0].type.coding)).toEqual(sc(planExample.coverage[0].type.coding));
      expect(plan.plan[0].type.coding[0].code).toBe(planExample.plan[0].type.coding[0].code);
      const pick = (p: any, path: string) =>
        new Set(evaluate(p, `plan.specificCost.${path}.coding.system`) as string[]);
      for (const path of ['category', 'benefit.type', 'benefit.cost.type', 'benefit.cost.qualifiers'])
        expect(pick(plan, path), path).toEqual(pick(planExample, path));
    });
  },
);
