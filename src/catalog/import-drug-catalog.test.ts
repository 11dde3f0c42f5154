import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app-context.js';
import { DomainError } from '../platform/errors.js';
import { countRows, openTestContext, readRepoFile } from '../imports/test-context.test-support.js';
import { importDrugCatalog, parseDrugCatalog } from './import-drug-catalog.js';

const HEADER =
  'ndc,rxcui,tty,name,ingredient,dose_form,scdf_rxcui,scdf_name,generic,brand_name,drug_class,unit_price,price_unit,price_effective_date';

describe('parseDrugCatalog (pure)', () => {
  it('reads the shipped reference-data/drugs.csv: 291 concepts-or-packages rows, no rejects', () => {
    const parsed = parseDrugCatalog(readRepoFile('reference-data/drugs.csv'));
    expect(parsed.rejected).toEqual([]);
    expect(parsed.packages).toHaveLength(229);
    const rxcuis = new Set(parsed.concepts.map((c) => c.rxcui));
    expect(rxcuis.size).toBe(parsed.concepts.length);
    // Ozempic (SBD) sits in the generic semaglutide Pen Injector group; sildenafil has no SCDF id → named group.
    expect(parsed.concepts.find((c) => c.rxcui === '1991311')).toMatchObject({
      tty: 'SBD',
      groupId: '1991305',
      brandName: 'Ozempic',
      generic: false,
    });
    expect(parsed.concepts.find((c) => c.rxcui === '312950')).toMatchObject({
      groupId: 'scdf:sildenafil Oral Tablet',
      groupName: 'sildenafil Oral Tablet',
    });
    // A concept without an NDC (single-source brand's SCD) is still a concept.
    expect(parsed.concepts.some((c) => c.rxcui === '1991306')).toBe(true);
    expect(parsed.packages.find((p) => p.ndc === '83301001002')).toMatchObject({
      rxcui: '861004',
      unitPrice: '0.02366',
      priceUnit: 'EA',
      priceEffectiveDate: '2026-06-17',
    });
  });

  it('reports each bad row with its line number and every problem, and keeps the good rows', () => {
    const csv = [
      HEADER,
      '76282041901,314076,SCD,lisinopril 10 MG Oral Tablet,lisinopril,Oral Tablet,372614,lisinopril Oral Tablet,Y,,ACE inhibitor,,,',
      '1234,abc,XYZ,x,x,Oral Tablet,,x,Y,,,,,', // line 3
      '52427044090,104377,SBD,lisinopril 10 MG Oral Tablet [Zestril],lisinopril,Oral Tablet,372614,lisinopril Oral Tablet,Y,Zestril,ACE inhibitor,,,', // generic=Y on an SBD
      '76282041901,314076,SCD,lisinopril 10 MG Oral Tablet,lisinopril,Oral Tablet,372614,lisinopril Oral Tablet,Y,,ACE inhibitor,,,', // duplicate NDC
      '76282042001,314076,SCD,lisinopril 20 MG Oral Tablet,lisinopril,Oral Tablet,372614,lisinopril Oral Tablet,Y,,ACE inhibitor,,,', // same RxCUI, other name
      '0003-0894-21,1364447,SBD,apixaban 5 MG Oral Tablet [Eliquis],apixaban,Oral Tablet,,apixaban Oral Tablet,N,Eliquis,DOAC,1.5,EA,2026-02-30',
      '00003089321,1364441,SBD,apixaban 2.5 MG Oral Tablet [Eliquis],apixaban,Oral Tablet,,apixaban Oral Tablet,N,Eliquis,DOAC',
    ].join('\n');
    const parsed = parseDrugCatalog(csv);
    expect(parsed.rejected.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(parsed.rejected[0].reason).toMatch(/rxcui "abc".*tty "XYZ".*ndc "1234"/);
    expect(parsed.rejected[1].reason).toMatch(/contradicts tty SBD/);
    expect(parsed.rejected[2].reason).toMatch(/NDC 76282041901 already appears on line 2/);
    expect(parsed.rejected[3].reason).toMatch(/RxCUI 314076 is described differently than on line 2 \(name\)/);
    expect(parsed.rejected[4].reason).toMatch(/price_effective_date "2026-02-30"/);
    expect(parsed.rejected[5].reason).toMatch(/has 11 fields but the header has 14/);
    expect(parsed.concepts.map((c) => c.rxcui)).toEqual(['314076']);
  });

  it('converts a hyphenated NDC to 11 digits and says so', () => {
    const parsed = parseDrugCatalog(
      `${HEADER}\n0003-0894-21,1364447,SBD,apixaban 5 MG Oral Tablet [Eliquis],apixaban,Oral Tablet,,apixaban Oral Tablet,N,Eliquis,DOAC,,,\n`,
    );
    expect(parsed.packages[0].ndc).toBe('00003089421');
    expect(parsed.warnings.join(' ')).toMatch(/1 hyphenated NDC was converted/);
  });

  it('refuses a file it cannot read: unclosed quote, missing columns, not text', () => {
    expect(() => parseDrugCatalog(`${HEADER}\n"76282041901,314076\n`)).toThrowError(
      expect.objectContaining({ code: 'IMPORT_FAILED', message: expect.stringMatching(/line 2.*never closed/) }),
    );
    expect(() => parseDrugCatalog('ndc,rxcui\n1,2\n')).toThrowError(
      expect.objectContaining({
        code: 'IMPORT_FAILED',
        message: expect.stringMatching(/missing the columns tty, name/),
      }),
    );
    expect(() => parseDrugCatalog('PK\u0003\u0004\u0000\u0000')).toThrowError(
      expect.objectContaining({ code: 'IMPORT_FAILED' }),
    );
  });
});

describe('importDrugCatalog (database)', () => {
  let ctx: AppContext;
  let close: () => Promise<void>;
  beforeAll(async () => ({ ctx, close } = await openTestContext()));
  afterAll(() => close?.());

  it('loads the real catalog with progress, and a second load changes nothing but timestamps', async () => {
    const progress: Array<[number, number]> = [];
    const summary = await importDrugCatalog(ctx, readRepoFile('reference-data/drugs.csv'), {
      source: 'drugs.csv',
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(summary).toMatchObject({ kind: 'drug-catalog', source: 'drugs.csv', rejected: [] });
    expect(summary.loaded.packages).toBe(229);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
    const counts = await countRows(ctx, ['drug_concepts', 'drug_packages']);
    expect(counts.drug_packages).toBe(229);
    expect(counts.drug_concepts).toBe(summary.loaded.concepts);
    await importDrugCatalog(ctx, readRepoFile('reference-data/drugs.csv'));
    expect(await countRows(ctx, ['drug_concepts', 'drug_packages'])).toEqual(counts);
    const ref = await ctx.reference.get();
    expect(ref.packages.get('00169413211')?.rxcui).toBe('1991311');
  });

  it('an unparseable file writes nothing', async () => {
    const before = await countRows(ctx, ['drug_concepts', 'drug_packages', 'import_runs']);
    await expect(importDrugCatalog(ctx, `${HEADER}\n"99999999999,1,SCD`)).rejects.toBeInstanceOf(DomainError);
    expect(await countRows(ctx, ['drug_concepts', 'drug_packages', 'import_runs'])).toEqual(before);
  });
});
