import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app-context.js';
import { countRows, openTestContext } from '../imports/test-context.test-support.js';
import { importPlanBundle } from '../operator-imports/import-plan-bundle.js';
import { marketplacePolicy } from '../plans/default-policy.js';
import { makeNpi } from '../shared/npi.js';
import { importMembers, MEMBER_COLUMNS } from './import-members.js';
import { importPharmacies } from './import-pharmacies.js';
import { importPrescribers } from './import-prescribers.js';
import { findMemberById, findPharmacy, findPrescriber } from './members.repo.js';

const HEADER = MEMBER_COLUMNS.join(',');
const row = (over: Partial<Record<(typeof MEMBER_COLUMNS)[number], string>> = {}) => {
  const base: Record<string, string> = {
    member_id: 'A1',
    plan_id: 'P1',
    first_name: 'Ana',
    last_name: 'García',
    date_of_birth: '1980-02-29',
    sex: 'F',
    language: 'es',
    contact_preference: 'mail',
    email: '',
    phone: '(510) 555-0111',
    address_line1: '12 Oak St',
    city: 'Oakland',
    state: 'CA',
    zip: '94601',
    effective_date: '2026-01-01',
    termination_date: '',
  };
  return MEMBER_COLUMNS.map((c) => over[c] ?? base[c]).join(',');
};

let ctx: AppContext;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ctx, close } = await openTestContext());
  await importPlanBundle(
    ctx,
    JSON.stringify({
      format: 'openpbm-plans/1',
      processors: [{ id: 'pbm', name: 'PBM', bin: '999002' }],
      plans: [
        {
          id: 'P1',
          name: 'Plan 1',
          lineOfBusiness: 'commercial',
          processorId: 'pbm',
          policy: marketplacePolicy({ dispensingFee: '1.00', tiers: { generic: { retail: { copay: '5.00' } } } }),
        },
      ],
    }),
  );
});
afterAll(() => close?.());

describe('importMembers', () => {
  it('stores the language as a code: Chinese with its script, names and aliases mapped, unknown refused', async () => {
    const cases: Array<[string, string | null]> = [
      ['zh-TW', 'zh-Hant'],
      ['zh-Hant', 'zh-Hant'],
      ['ZH_hk', 'zh-Hant'],
      ['zh', 'zh'],
      ['zh-CN', 'zh-Hans'],
      ['Tagalog', 'tl'],
      ['fil', 'tl'],
      ['Korean', 'ko'],
      ['ko-KR', 'ko'],
      ['vi', 'vi'],
      ['es-MX', 'es'],
      ['zh-Latn', null],
      ['tlh', null],
    ];
    const csv = [HEADER, ...cases.map(([language], i) => row({ member_id: `LANG${i}`, language }))].join('\n');
    const summary = await importMembers(ctx, csv);
    for (const [i, [raw, stored]] of cases.entries()) {
      if (stored) expect((await findMemberById(ctx.database.db, `LANG${i}`))?.language, raw).toBe(stored);
      else expect(summary.rejected.find((r) => r.id === `LANG${i}`)?.reason, raw).toContain(`language "${raw}" is not`);
    }
  });

  it('loads good rows and reports each bad row with its line number and every reason', async () => {
    const csv = [
      HEADER,
      row(),
      row({ member_id: 'A2', date_of_birth: '1980-02-30', language: 'klingon', plan_id: 'NOPE' }),
      row({ member_id: 'A3', sex: 'X', effective_date: '2026-13-01', email: 'not-an-email' }),
      row({ member_id: 'A4', termination_date: '2025-12-31' }),
      row({ member_id: 'A1' }),
      row({ member_id: 'A5', date_of_birth: '2027-01-01', state: 'ZZ', zip: '123', phone: '555-01' }),
      'A6,P1,Too,Few',
      row({
        member_id: 'A7',
        language: 'vi',
        contact_preference: 'email',
        email: '',
        termination_date: '2026-06-30',
        first_name: '"Nguyễn, Jr."',
      }),
    ].join('\r\n');
    const summary = await importMembers(ctx, csv, { source: 'm.csv' });
    expect(summary.loaded).toEqual({ members: 2 });
    expect(summary.rejected.map((r) => [r.row, r.id])).toEqual([
      [3, 'A2'],
      [4, 'A3'],
      [5, 'A4'],
      [6, 'A1'],
      [7, 'A5'],
      [8, 'A6'],
    ]);
    const reasons = summary.rejected.map((r) => r.reason);
    expect(reasons[0]).toMatch(
      /plan_id "NOPE" is not a loaded plan.*date_of_birth "1980-02-30" is not a date.*language "klingon"/,
    );
    expect(reasons[1]).toMatch(/sex "X" must be F, M or U.*email "not-an-email".*effective_date "2026-13-01"/);
    expect(reasons[2]).toMatch(/termination_date 2025-12-31 is before effective_date 2026-01-01/);
    expect(reasons[3]).toMatch(/member_id A1 already appears on line 2/);
    expect(reasons[4]).toMatch(/date_of_birth 2027-01-01 is in the future.*phone "555-01".*state "ZZ".*zip "123"/);
    expect(reasons[5]).toMatch(/has 4 fields but the header has 16/);
    expect(summary.warnings.join(' ')).toMatch(/line 9 \(A7\): prefers e-mail, no e-mail address/);
    expect(await findMemberById(ctx.database.db, 'A1')).toMatchObject({
      lastName: 'García',
      dateOfBirth: '1980-02-29',
      language: 'es',
      terminationDate: null,
      planId: 'P1',
    });
    expect(await findMemberById(ctx.database.db, 'A7')).toMatchObject({
      firstName: 'Nguyễn, Jr.',
      terminationDate: '2026-06-30',
    });
  });

  it('upserts by member id (a second file updates, never duplicates)', async () => {
    const before = await countRows(ctx, ['members']);
    const summary = await importMembers(
      ctx,
      `${HEADER}\n${row({ last_name: 'García López', termination_date: '2026-12-31' })}\n`,
    );
    expect(summary.rejected).toEqual([]);
    expect(await countRows(ctx, ['members'])).toEqual(before);
    expect(await findMemberById(ctx.database.db, 'A1')).toMatchObject({
      lastName: 'García López',
      terminationDate: '2026-12-31',
    });
  });

  it('a file that cannot be parsed or lacks a required column changes nothing', async () => {
    const before = await countRows(ctx, ['members', 'import_runs']);
    await expect(importMembers(ctx, `${HEADER}\n${row({ member_id: 'B1' })}\n"B2,P1`)).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
    });
    await expect(importMembers(ctx, 'member_id,plan_id,first_name\nB3,P1,X\n')).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      message: expect.stringMatching(/last_name, date_of_birth, sex, effective_date/),
    });
    expect(await countRows(ctx, ['members', 'import_runs'])).toEqual(before);
  });
});

describe('importPrescribers and importPharmacies', () => {
  const good = makeNpi('226099001');
  const bad = `${good.slice(0, 9)}${(Number(good[9]) + 1) % 10}`;

  it('enforce the NPI check digit and load the rest', async () => {
    const p = await importPrescribers(
      ctx,
      [
        'npi,first_name,last_name,credential,specialty,phone,fax,address_line1,city,state,zip',
        `${good},Helen,Park,MD,Family Medicine,(510) 555-0150,(510) 555-0151,1 Main St,Oakland,CA,94612`,
        `${bad},Bad,Digit,MD,,,,,,,`,
        '12345,Short,Npi,MD,,,,,,,',
      ].join('\n'),
    );
    expect(p.loaded).toEqual({ prescribers: 1 });
    expect(p.rejected.map((r) => [r.row, r.reason])).toEqual([
      [3, `npi ${bad} has a wrong check digit`],
      [4, 'npi "12345" is not 10 digits'],
    ]);
    expect(await findPrescriber(ctx.database.db, good)).toMatchObject({ lastName: 'Park', fax: '(510) 555-0151' });

    const ph = await importPharmacies(
      ctx,
      [
        'npi,name,pharmacy_type,phone,fax,address_line1,city,state,zip',
        `${good},Corner Pharmacy,Retail,,,,,CA,94612`,
        `${makeNpi('226099002')},Drone Pharmacy,drone,,,,,,`,
      ].join('\n'),
    );
    expect(ph.loaded).toEqual({ pharmacies: 1 });
    expect(ph.rejected[0].reason).toMatch(/pharmacy_type "drone" must be retail, mail or specialty/);
    expect(await findPharmacy(ctx.database.db, good)).toMatchObject({
      name: 'Corner Pharmacy',
      pharmacyType: 'retail',
    });
  });
});
