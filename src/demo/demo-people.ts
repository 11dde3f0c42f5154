import { MEMBER_COLUMNS } from '../members/import-members.js';
import { PHARMACY_COLUMNS } from '../members/import-pharmacies.js';
import { PRESCRIBER_COLUMNS } from '../members/import-prescribers.js';
import { stringifyCsv } from '../shared/csv.js';
import { makeNpi } from '../shared/npi.js';
import { DEMO_PLAN_IDS } from './demo-plans.js';
import { intBetween, pick, seededRandom } from './prng.js';

/**
 * Synthetic people for the demo: members, prescribers and pharmacies. Deterministic (seeded), so
 * every run produces the same ids, names and NPIs. Names are common names of each language
 * community, combined at random; addresses are made-up street numbers on common street names in
 * real California cities; phone numbers are in the 555-01xx range reserved for fiction.
 */

export type Language = 'en' | 'es' | 'zh' | 'vi' | 'tl';
type Sex = 'F' | 'M';

const FIRST_NAMES: Record<Language, Record<Sex, string[]>> = {
  en: {
    F: ['Emily', 'Sarah', 'Jennifer', 'Linda', 'Karen', 'Rebecca', 'Megan', 'Ruth'],
    M: ['James', 'Robert', 'Michael', 'David', 'Thomas', 'Kevin', 'Brian', 'Walter'],
  },
  es: {
    F: ['María', 'Guadalupe', 'Rosa', 'Ana', 'Carmen', 'Lucía', 'Sofía', 'Elena'],
    M: ['José', 'Juan', 'Luis', 'Carlos', 'Miguel', 'Jorge', 'Alejandro', 'Ramón'],
  },
  zh: {
    F: ['Mei', 'Xiu Ying', 'Li Na', 'Yan', 'Hui', 'Fang', 'Jing', 'Ling'],
    M: ['Wei', 'Jun', 'Hao', 'Jian', 'Ming', 'Qiang', 'Lei', 'Tao'],
  },
  vi: {
    F: ['Lan', 'Linh', 'Hoa', 'Phương', 'Thảo', 'Ngọc', 'Hương', 'Mai'],
    M: ['Minh', 'Thanh', 'Hùng', 'Tuấn', 'Dũng', 'Quang', 'Khoa', 'Bảo'],
  },
  tl: {
    F: ['Maricel', 'Rowena', 'Jocelyn', 'Marites', 'Liza', 'Analyn', 'Rosalinda', 'Cristina'],
    M: ['Rodel', 'Arnel', 'Jerome', 'Ramon', 'Eduardo', 'Rogelio', 'Danilo', 'Noel'],
  },
};

const LAST_NAMES: Record<Language, string[]> = {
  en: [
    'Johnson',
    'Miller',
    'Thompson',
    'Anderson',
    'Walker',
    'Harris',
    'Clark',
    'Lewis',
    'Young',
    'Allen',
    'Wright',
    'Baker',
  ],
  es: [
    'García',
    'Hernández',
    'López',
    'Martínez',
    'Rodríguez',
    'González',
    'Pérez',
    'Sánchez',
    'Ramírez',
    'Flores',
    'Torres',
    'Morales',
  ],
  zh: ['Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Huang', 'Wu', 'Lin', 'Zhou', 'Yang', 'Zhao', 'Xu'],
  vi: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'],
  tl: [
    'Santos',
    'Reyes',
    'Cruz',
    'Bautista',
    'Ocampo',
    'Mendoza',
    'Villanueva',
    'Castillo',
    'Manalo',
    'Dizon',
    'Garcia',
    'Ramos',
  ],
};

const CITIES = [
  { city: 'Oakland', zips: ['94601', '94606', '94612'], area: '510' },
  { city: 'San Francisco', zips: ['94110', '94112', '94122'], area: '415' },
  { city: 'San Jose', zips: ['95112', '95122'], area: '408' },
  { city: 'Fremont', zips: ['94536'], area: '510' },
  { city: 'Hayward', zips: ['94541'], area: '510' },
  { city: 'Daly City', zips: ['94014'], area: '650' },
  { city: 'Richmond', zips: ['94804'], area: '510' },
  { city: 'Sacramento', zips: ['95823'], area: '916' },
  { city: 'Stockton', zips: ['95206'], area: '209' },
] as const;
const STREETS = [
  'Oak St',
  'Maple Ave',
  'Lincoln Ave',
  'Cedar St',
  'Hillside Dr',
  'Park Blvd',
  'Washington St',
  'Sunset Ave',
  'Elm St',
  'Bay St',
  'Fruitvale Ave',
  'Mission Blvd',
];

/** Age bands by birth year; "today" in the demo is late 2026. */
type Band = 'child-under-6' | 'child' | 'young-adult' | 'adult' | 'senior';
const BIRTH_YEARS: Record<Band, [number, number]> = {
  'child-under-6': [2021, 2022], // 4–5 years old: below the ADHD stimulant age limit (6)
  child: [2013, 2018],
  'young-adult': [2001, 2005],
  adult: [1962, 1998], // born before 2000, under 65
  senior: [1936, 1958], // 67 and older: Medicare age
};

interface MemberTemplate {
  plan: string;
  band: Band;
  language: Language;
  sex: Sex;
  terminated?: boolean;
}

const P = DEMO_PLAN_IDS;
const t = (
  plan: string,
  band: Band,
  language: Language,
  sex: Sex,
  extra: Partial<MemberTemplate> = {},
): MemberTemplate => ({ plan, band, language, sex, ...extra });

/**
 * The member roster: adults first within each plan (tests and demos take "the first member of a
 * plan"), children for the age rules, over-65s on Part D, one terminated member.
 */
const ROSTER: MemberTemplate[] = [
  // IHSS01: in-home care providers and their plan; 12 active adults born before 2000.
  t(P.ihss, 'adult', 'en', 'F'),
  t(P.ihss, 'adult', 'es', 'M'),
  t(P.ihss, 'adult', 'zh', 'F'),
  t(P.ihss, 'adult', 'vi', 'M'),
  t(P.ihss, 'adult', 'tl', 'F'),
  t(P.ihss, 'adult', 'en', 'M'),
  t(P.ihss, 'adult', 'es', 'F'),
  t(P.ihss, 'adult', 'zh', 'M'),
  t(P.ihss, 'adult', 'vi', 'F'),
  t(P.ihss, 'adult', 'tl', 'M'),
  t(P.ihss, 'senior', 'en', 'F'),
  t(P.ihss, 'adult', 'es', 'M'),
  t(P.ihss, 'adult', 'en', 'M', { terminated: true }),
  t(P.ihss, 'young-adult', 'es', 'F'),
  // Medi-Cal managed care (pharmacy carved out to Medi-Cal Rx): families.
  t(P.mediCalManagedCare, 'adult', 'es', 'F'),
  t(P.mediCalManagedCare, 'adult', 'es', 'M'),
  t(P.mediCalManagedCare, 'adult', 'zh', 'M'),
  t(P.mediCalManagedCare, 'adult', 'vi', 'F'),
  t(P.mediCalManagedCare, 'adult', 'tl', 'F'),
  t(P.mediCalManagedCare, 'adult', 'en', 'M'),
  t(P.mediCalManagedCare, 'adult', 'tl', 'M'),
  t(P.mediCalManagedCare, 'adult', 'en', 'F'),
  t(P.mediCalManagedCare, 'child-under-6', 'es', 'F'),
  t(P.mediCalManagedCare, 'child', 'es', 'M'),
  t(P.mediCalManagedCare, 'child', 'zh', 'F'),
  t(P.mediCalManagedCare, 'child', 'vi', 'M'),
  // Medi-Cal fee-for-service beneficiaries (Medi-Cal Rx directly).
  t(P.mediCalRx, 'adult', 'es', 'F'),
  t(P.mediCalRx, 'adult', 'en', 'M'),
  t(P.mediCalRx, 'adult', 'zh', 'M'),
  t(P.mediCalRx, 'adult', 'tl', 'F'),
  t(P.mediCalRx, 'senior', 'vi', 'F'),
  t(P.mediCalRx, 'child', 'es', 'M'),
  // California commercial HMO: adults and two children (one below the ADHD age limit).
  t(P.commercial, 'adult', 'en', 'M'),
  t(P.commercial, 'adult', 'en', 'F'),
  t(P.commercial, 'adult', 'zh', 'F'),
  t(P.commercial, 'adult', 'es', 'M'),
  t(P.commercial, 'adult', 'vi', 'M'),
  t(P.commercial, 'adult', 'tl', 'F'),
  t(P.commercial, 'child-under-6', 'en', 'F'),
  t(P.commercial, 'child', 'en', 'M'),
  // Medicare Part D: everyone 65 or older.
  t(P.partD, 'senior', 'en', 'F'),
  t(P.partD, 'senior', 'en', 'M'),
  t(P.partD, 'senior', 'es', 'F'),
  t(P.partD, 'senior', 'es', 'M'),
  t(P.partD, 'senior', 'zh', 'F'),
  t(P.partD, 'senior', 'vi', 'M'),
  t(P.partD, 'senior', 'tl', 'F'),
  t(P.partD, 'senior', 'zh', 'M'),
];

/** A year before the demo's today and more: the living demo's year of claims finds members covered. */
export const DEMO_ELIGIBILITY_START = '2025-01-01';
/** The terminated member's last covered day (claims after it reject 65). */
export const DEMO_TERMINATION_DATE = '2026-06-30';

export interface DemoMember {
  memberId: string;
  planId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: Sex;
  language: Language;
  contactPreference: 'mail' | 'email' | 'portal';
  email: string | null;
  phone: string;
  addressLine1: string;
  city: string;
  state: 'CA';
  zip: string;
  effectiveDate: string;
  terminationDate: string | null;
  band: Band;
}

export interface DemoPrescriber {
  npi: string;
  firstName: string;
  lastName: string;
  credential: string;
  specialty: string;
  role:
    | 'primaryCare'
    | 'internalMedicine'
    | 'endocrinology'
    | 'cardiology'
    | 'psychiatry'
    | 'pediatrics'
    | 'rheumatology'
    | 'dermatology'
    | 'nursePractitioner'
    | 'addictionMedicine';
  phone: string;
  fax: string;
  addressLine1: string;
  city: string;
  state: 'CA';
  zip: string;
}

export interface DemoPharmacy {
  npi: string;
  key: 'lakeshore' | 'sunset' | 'alumrock' | 'mailorder' | 'specialty';
  name: string;
  pharmacyType: 'retail' | 'mail' | 'specialty';
  phone: string;
  fax: string;
  addressLine1: string;
  city: string;
  state: 'CA';
  zip: string;
}

export interface DemoPeople {
  members: DemoMember[];
  prescribers: DemoPrescriber[];
  pharmacies: DemoPharmacy[];
}

/** ASCII for e-mail local parts and usernames ("Nguyễn" → "nguyen", "Đặng" → "dang"). */
export function asciiFold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * NPIs with a valid check digit on a 2-prefix: the NPIs issued so far start with 1, so the demo
 * set cannot collide with a real provider's number.
 */
const demoNpi = (n: number) => makeNpi(`2${String(26_000_000 + n).padStart(8, '0')}`);

const SEED = 20260101;

export function generateDemoPeople(): DemoPeople {
  const random = seededRandom(SEED);
  const phoneCounters = new Map<string, number>();
  const phone = (area: string) => {
    const n = phoneCounters.get(area) ?? 0;
    if (n > 99) throw new Error(`out of 555-01xx numbers in area code ${area}`);
    phoneCounters.set(area, n + 1);
    return `(${area}) 555-01${pad(n)}`;
  };
  const usedNames = new Set<string>();
  const usedFirst = new Map<Language, Set<string>>();

  const members = ROSTER.map((tpl, i): DemoMember => {
    let first: string;
    let last: string;
    // Distinct full names, and first names not reused within a language while any remain.
    for (let attempt = 0; ; attempt++) {
      const pool = FIRST_NAMES[tpl.language][tpl.sex];
      const taken = usedFirst.get(tpl.language) ?? new Set<string>();
      const fresh = pool.filter((n) => !taken.has(n));
      first = pick(random, fresh.length && attempt < 20 ? fresh : pool);
      last = pick(random, LAST_NAMES[tpl.language]);
      if (!usedNames.has(`${first} ${last}`)) break;
    }
    usedNames.add(`${first} ${last}`);
    usedFirst.set(tpl.language, (usedFirst.get(tpl.language) ?? new Set()).add(first));
    const [fromYear, toYear] = BIRTH_YEARS[tpl.band];
    const year = intBetween(random, fromYear, toYear);
    const month = intBetween(random, 1, 12);
    const day = intBetween(random, 1, daysInMonth(year, month));
    const place = pick(random, CITIES);
    const preference = tpl.band.startsWith('child')
      ? 'mail'
      : pick(random, ['mail', 'mail', 'email', 'portal'] as const);
    return {
      memberId: `M${String(101 + i).padStart(6, '0')}`,
      planId: tpl.plan,
      firstName: first,
      lastName: last,
      dateOfBirth: `${year}-${pad(month)}-${pad(day)}`,
      sex: tpl.sex,
      language: tpl.language,
      contactPreference: preference,
      email: preference === 'email' ? `${asciiFold(first)}.${asciiFold(last)}${101 + i}@example.org` : null,
      phone: phone(place.area),
      addressLine1: `${intBetween(random, 100, 9899)} ${pick(random, STREETS)}`,
      city: place.city,
      state: 'CA',
      zip: pick(random, place.zips),
      effectiveDate: DEMO_ELIGIBILITY_START,
      terminationDate: tpl.terminated ? DEMO_TERMINATION_DATE : null,
      band: tpl.band,
    };
  });

  const prescriberSpecs: Array<[DemoPrescriber['role'], string, string, string, string, number]> = [
    ['primaryCare', 'Helen', 'Park', 'MD', 'Family Medicine', 0],
    ['internalMedicine', 'Rafael', 'Ortiz', 'MD', 'Internal Medicine', 1],
    ['endocrinology', 'Priya', 'Raman', 'MD', 'Endocrinology, Diabetes & Metabolism', 2],
    ['cardiology', 'Samuel', 'Okafor', 'DO', 'Cardiovascular Disease', 0],
    ['psychiatry', 'Linh', 'Tran', 'MD', 'Child & Adolescent Psychiatry', 2],
    ['pediatrics', 'Grace', 'Lim', 'MD', 'Pediatrics', 1],
    ['rheumatology', 'Marcus', 'Bell', 'MD', 'Rheumatology', 0],
    ['dermatology', 'Teresa', 'Villanueva', 'MD', 'Dermatology', 1],
    ['nursePractitioner', 'Jordan', 'Avery', 'NP', 'Family Nurse Practitioner', 3],
    ['addictionMedicine', 'Ahmed', 'Karimi', 'MD', 'Addiction Medicine', 4],
  ];
  const prescribers = prescriberSpecs.map(
    ([role, firstName, lastName, credential, specialty, cityIndex], i): DemoPrescriber => {
      const place = CITIES[cityIndex];
      return {
        npi: demoNpi(1000 + i * 37),
        role,
        firstName,
        lastName,
        credential,
        specialty,
        phone: phone(place.area),
        fax: phone(place.area),
        addressLine1: `${intBetween(random, 100, 3999)} ${pick(random, STREETS)}, Suite ${intBetween(random, 100, 499)}`,
        city: place.city,
        state: 'CA',
        zip: place.zips[0],
      };
    },
  );

  const pharmacySpecs: Array<
    [DemoPharmacy['key'], string, DemoPharmacy['pharmacyType'], string, string, string, string]
  > = [
    ['lakeshore', 'Lakeshore Community Pharmacy', 'retail', 'Oakland', '94610', '510', 'Lakeshore Ave'],
    ['sunset', 'Sunset Family Pharmacy', 'retail', 'San Francisco', '94122', '415', 'Irving St'],
    ['alumrock', 'Alum Rock Neighborhood Pharmacy', 'retail', 'San Jose', '95116', '408', 'Alum Rock Ave'],
    ['mailorder', 'Poppy Mail Order Pharmacy', 'mail', 'Sacramento', '95815', '916', 'Commerce Cir'],
    ['specialty', 'Bay Area Rx Specialty Pharmacy', 'specialty', 'South San Francisco', '94080', '650', 'Gateway Blvd'],
  ];
  const pharmacies = pharmacySpecs.map(([key, name, pharmacyType, city, zip, area, street], i): DemoPharmacy => ({
    npi: demoNpi(5000 + i * 53),
    key,
    name,
    pharmacyType,
    phone: phone(area),
    fax: phone(area),
    addressLine1: `${intBetween(random, 100, 3999)} ${street}`,
    city,
    state: 'CA',
    zip,
  }));

  return { members, prescribers, pharmacies };
}

export function membersCsv(members: readonly DemoMember[]): string {
  return stringifyCsv(
    MEMBER_COLUMNS,
    members.map((m) => ({
      member_id: m.memberId,
      plan_id: m.planId,
      first_name: m.firstName,
      last_name: m.lastName,
      date_of_birth: m.dateOfBirth,
      sex: m.sex,
      language: m.language,
      contact_preference: m.contactPreference,
      email: m.email,
      phone: m.phone,
      address_line1: m.addressLine1,
      city: m.city,
      state: m.state,
      zip: m.zip,
      effective_date: m.effectiveDate,
      termination_date: m.terminationDate,
    })),
  );
}

export function prescribersCsv(prescribers: readonly DemoPrescriber[]): string {
  return stringifyCsv(
    PRESCRIBER_COLUMNS,
    prescribers.map((p) => ({
      npi: p.npi,
      first_name: p.firstName,
      last_name: p.lastName,
      credential: p.credential,
      specialty: p.specialty,
      phone: p.phone,
      fax: p.fax,
      address_line1: p.addressLine1,
      city: p.city,
      state: p.state,
      zip: p.zip,
    })),
  );
}

export function pharmaciesCsv(pharmacies: readonly DemoPharmacy[]): string {
  return stringifyCsv(
    PHARMACY_COLUMNS,
    pharmacies.map((p) => ({
      npi: p.npi,
      name: p.name,
      pharmacy_type: p.pharmacyType,
      phone: p.phone,
      fax: p.fax,
      address_line1: p.addressLine1,
      city: p.city,
      state: p.state,
      zip: p.zip,
    })),
  );
}

let cached: DemoPeople | null = null;
/** The demo people, generated once per process (the generator is deterministic). */
export function demoPeople(): DemoPeople {
  return (cached ??= generateDemoPeople());
}

/** The members the demo scenarios name (each lookup fails loudly if the roster stops providing it). */
export function scenarioMembers(people: DemoPeople) {
  const find = (what: string, pred: (m: DemoMember) => boolean): DemoMember => {
    const m = people.members.find(pred);
    if (!m) throw new Error(`the demo roster has no ${what}`);
    return m;
  };
  const activeAdult = (planId: string) =>
    find(
      `active adult on ${planId}`,
      (m) => m.planId === planId && !m.terminationDate && (m.band === 'adult' || m.band === 'senior'),
    );
  return {
    ihss: activeAdult(P.ihss),
    mediCalManagedCare: activeAdult(P.mediCalManagedCare),
    mediCalRx: activeAdult(P.mediCalRx),
    commercial: activeAdult(P.commercial),
    partD: activeAdult(P.partD),
    terminated: find('terminated member', (m) => m.terminationDate !== null),
    /** Below the ADHD stimulant age limit (6), on a plan the PBM adjudicates itself. */
    childUnder6: find(
      'child under 6 on the commercial plan',
      (m) => m.band === 'child-under-6' && m.planId === P.commercial,
    ),
    /** Old enough for ADHD stimulants (with PA). */
    child: find('school-age child on the commercial plan', (m) => m.band === 'child' && m.planId === P.commercial),
    mediCalChildUnder6: find(
      'Medi-Cal child under 6',
      (m) => m.band === 'child-under-6' && m.planId === P.mediCalManagedCare,
    ),
    spanishSpeaking: find(
      'Spanish-speaking Medi-Cal member',
      (m) => m.language === 'es' && m.planId === P.mediCalManagedCare && m.band === 'adult',
    ),
    chineseSpeaking: find(
      'Chinese-speaking member',
      (m) => m.language === 'zh' && !m.terminationDate && m.band === 'adult',
    ),
    vietnameseSpeaking: find(
      'Vietnamese-speaking member',
      (m) => m.language === 'vi' && !m.terminationDate && m.band === 'adult',
    ),
    tagalogSpeaking: find(
      'Tagalog-speaking member',
      (m) => m.language === 'tl' && !m.terminationDate && m.band === 'adult',
    ),
  };
}
