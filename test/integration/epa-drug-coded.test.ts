import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EPA_HUB } from '../../src/demo/demo-accounts.js';
import { envelope, initiationBody, nextMessageId, sendScript } from '../support/epa.js';
import { importMembers } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * DrugCoded/DrugDBCode qualifiers (docs/epa-script.md#drugcoded): SCD for a clinical (generic)
 * drug, SBD for a branded one, from the catalog's RxNorm term type — in answers, and checked in
 * requests. Ozempic 00169413211 is RxCUI 1991311 (SBD) in reference-data/drugs.csv; lisinopril
 * 5 mg tablet is 311354 (SCD).
 */
const OZEMPIC_SBD = '1991311';
const LISINOPRIL_SCD = '311354';
const NPI = DEMO_EPA_HUB.prescriberNpis[0];
const DOB = '1970-01-15';
const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/examples/epa');

let t: TestApp;
let ids: string[];
let next = 0;
beforeAll(async () => {
  t = await createTestApp();
  ids = await importMembers(t, { planId: 'IHSS01', prefix: 'EPD', count: 4 });
});
afterAll(() => t.close());

/** A PAInitiationRequest coding the drug by RxNorm (DrugDBCode) instead of NDC. */
const byRxcui = (memberId: string, rxcui: string, qualifier: string) =>
  envelope(
    initiationBody({ memberId, dateOfBirth: DOB, npi: NPI, ndc: 'X' }).replace(
      /<ProductCode>.*?<\/ProductCode>/,
      `<DrugDBCode><Code>${rxcui}</Code><Qualifier>${qualifier}</Qualifier></DrugDBCode>`,
    ),
  );

const casesOf = async (memberId: string) =>
  Number(
    (
      await t.ctx.database.query<{ n: string }>('select count(*) as n from pa_requests where member_id = $1', [
        memberId,
      ])
    )[0].n,
  );

describe('DrugCoded SCD / SBD', () => {
  it('RTPB codes the branded drug asked for as SBD and each alternative by its own term type', async () => {
    const xml = readFileSync(path.join(EXAMPLES, 'RTPBRequest.xml'), 'utf8').replace(
      /<MessageID>[^<]*<\/MessageID>/,
      `<MessageID>${nextMessageId()}</MessageID>`,
    );
    const r = await sendScript(t.app, DEMO_EPA_HUB.apiKey, xml, '/api/v1/rtpb');
    expect(r.script!.transaction, r.raw).toBe('RTPBResponse');
    const med = r.script!.body.MedicationRequested;
    expect(med.DrugCoded.DrugDBCode).toEqual({ Code: OZEMPIC_SBD, Qualifier: 'SBD' });
    const rows = await t.ctx.database.query<{ rxcui: string; tty: string }>('select rxcui, tty from drug_concepts');
    const tty = new Map(rows.map((x) => [x.rxcui, x.tty]));
    for (const a of r.script!.body.Alternatives?.Alternative ?? [])
      expect(a.DrugCoded.DrugDBCode.Qualifier, a.DrugCoded.DrugDBCode.Code).toBe(tty.get(a.DrugCoded.DrugDBCode.Code));
  });

  it('a branded drug sent as SBD opens the case; a generic sent as SCD is answered (no PA needed)', async () => {
    const brand = await sendScript(t.app, DEMO_EPA_HUB.apiKey, byRxcui(ids[next++], OZEMPIC_SBD, 'SBD'));
    expect(brand.script!.body.Response?.Open?.PAReferenceID, brand.raw).toMatch(/^par_/);
    const generic = await sendScript(t.app, DEMO_EPA_HUB.apiKey, byRxcui(ids[next++], LISINOPRIL_SCD, 'SCD'));
    expect(generic.script!.transaction, generic.raw).toBe('PAInitiationResponse');
    expect(generic.script!.body.Response.Closed, generic.raw).toBeDefined();
  });

  it('a qualifier that contradicts the catalog is an Error naming DrugDBCode/Qualifier, and no case is opened', async () => {
    const memberId = ids[next++];
    const r = await sendScript(t.app, DEMO_EPA_HUB.apiKey, byRxcui(memberId, OZEMPIC_SBD, 'SCD'));
    expect(r.status).toBe(200);
    expect(r.script!.transaction, r.raw).toBe('Error');
    expect(r.script!.body.Description).toContain('MedicationPrescribed/DrugCoded/DrugDBCode/Qualifier');
    expect(r.script!.body.Description).toContain('branded drug (SBD)');
    expect(await casesOf(memberId)).toBe(0);
  });
});
