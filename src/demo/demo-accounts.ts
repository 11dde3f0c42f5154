import type { Role } from '../platform/roles.js';
import { makeNpi } from '../shared/npi.js';
import { DEMO_PLAN_IDS, DEMO_PROCESSORS } from './demo-plans.js';
import {
  asciiFold,
  demoPeople,
  scenarioMembers,
  type DemoMember,
  type DemoPharmacy,
  type DemoPrescriber,
} from './demo-people.js';

/**
 * Demo logins. The passwords and API keys are published (README, `npm start`), so they exist
 * only in the demo data set, which config.ts refuses to load in production.
 */
export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  credential?: string;
  memberId?: string;
  npi?: string;
  /** Pharmacies (systems) authenticate with an API key: `Authorization: Bearer <key>`. */
  apiKey?: string;
  /** What this login is for, in the printed list. */
  note?: string;
}

export const DEMO_PASSWORDS: Record<Role, string> = {
  admin: 'demo-admin',
  intake: 'demo-intake',
  'reviewer-pharmacist': 'demo-reviewer',
  'reviewer-physician': 'demo-reviewer',
  'member-services': 'demo-services',
  member: 'demo-member',
  prescriber: 'demo-prescriber',
  pharmacy: 'demo-pharmacy',
};

/** Fixed demo API keys (opbm_ prefix, 256 bits of look): long enough to pass as real keys. */
const PHARMACY_KEYS: Record<DemoPharmacy['key'], string> = {
  lakeshore: 'opbm_demo_lakeshore_7f3a91c2e84b5d06a1f9c3e7b2d48a61',
  sunset: 'opbm_demo_sunset_4c8e2a7f91b3d5e60f2a8c4e1b7d9a35',
  alumrock: 'opbm_demo_alumrock_b1d7e3a95c2f8046e9a1c7b3d5f2e804',
  mailorder: 'opbm_demo_mailorder_e5a2c8f14b9d7036a2e8c1f5b3d9a7c2',
  specialty: 'opbm_demo_specialty_9d4b1f7e3a6c2058b7e1d4a9c6f3b820',
};

const staff = (username: string, role: Role, displayName: string, note: string, credential?: string): DemoAccount => ({
  username,
  password: DEMO_PASSWORDS[role],
  role,
  displayName,
  note,
  ...(credential ? { credential } : {}),
});

const memberAccount = (m: DemoMember, note: string): DemoAccount => ({
  username: `${asciiFold(m.firstName)}.${asciiFold(m.lastName)}`,
  password: DEMO_PASSWORDS.member,
  role: 'member',
  displayName: `${m.firstName} ${m.lastName}`,
  memberId: m.memberId,
  // Born on: what a pharmacy or member services asks with the member ID (docs/design.md#demo).
  note: `member ${m.memberId}, born ${m.dateOfBirth}, ${note}`,
});

const prescriberAccount = (p: DemoPrescriber): DemoAccount => ({
  username: `dr.${asciiFold(p.lastName)}`,
  password: DEMO_PASSWORDS.prescriber,
  role: 'prescriber',
  displayName: `${p.firstName} ${p.lastName}, ${p.credential}`,
  credential: p.credential,
  npi: p.npi,
  note: `NPI ${p.npi}, ${p.specialty}`,
});

const pharmacyAccount = (p: DemoPharmacy): DemoAccount => ({
  username: `pharmacy.${p.key}`,
  password: DEMO_PASSWORDS.pharmacy,
  role: 'pharmacy',
  displayName: p.name,
  npi: p.npi,
  apiKey: PHARMACY_KEYS[p.key],
  note: `NPI ${p.npi}, ${p.pharmacyType}`,
});

function buildAccounts() {
  const people = demoPeople();
  const m = scenarioMembers(people);
  const prescriber = (role: DemoPrescriber['role']) => people.prescribers.find((p) => p.role === role)!;
  const pharmacy = (key: DemoPharmacy['key']) => people.pharmacies.find((p) => p.key === key)!;
  return {
    admin: staff('admin', 'admin', 'Avery Admin', 'plans, formulary, criteria, users, imports'),
    intake: staff('intake', 'intake', 'Casey Intake', 'turns faxes into PA cases'),
    reviewerPharmacist: staff('pharmacist', 'reviewer-pharmacist', 'Pat Nguyen, PharmD', 'clinical review', 'PharmD'),
    reviewerPharmacist2: staff(
      'pharmacist2',
      'reviewer-pharmacist',
      'Morgan Diaz, PharmD',
      'second reviewer (appeals)',
      'PharmD',
    ),
    reviewerPhysician: staff('physician', 'reviewer-physician', 'Dana Whitfield, MD', 'clinical review, denials', 'MD'),
    reviewerPhysician2: staff('physician2', 'reviewer-physician', 'Sam Rivera, MD', 'second reviewer (appeals)', 'MD'),
    memberServices: staff('memberservices', 'member-services', 'Jamie Ortega', 'member services'),
    members: [
      memberAccount(m.ihss, `${DEMO_PLAN_IDS.ihss} (IHSS)`),
      memberAccount(
        m.spanishSpeaking,
        `${DEMO_PLAN_IDS.mediCalManagedCare} (Medi-Cal managed care → Medi-Cal Rx), Spanish`,
      ),
      memberAccount(m.commercial, `${DEMO_PLAN_IDS.commercial} (California commercial)`),
      memberAccount(m.partD, `${DEMO_PLAN_IDS.partD} (Medicare Part D)`),
    ],
    prescribers: [prescriberAccount(prescriber('primaryCare')), prescriberAccount(prescriber('endocrinology'))],
    pharmacies: people.pharmacies.map((p) => pharmacyAccount(pharmacy(p.key))),
  };
}

export const DEMO_ACCOUNTS = buildAccounts();

/**
 * The demo EHR: a primary-care practice's system that calls CRD, DTR and PAS for its two
 * prescribers. Its API key is published like the pharmacies' (demo data only); production
 * refuses API keys on FHIR routes unless FHIR_API_KEYS=allow.
 */
export const DEMO_EHR_CLIENT = {
  clientId: 'demo-ehr',
  name: 'Poppy Primary Care EHR (demo)',
  apiKey: 'opbm_demo_ehr_3b9e7c1a5d2f8e406c1b9a7d3e5f2c81',
  prescriberNpis: DEMO_ACCOUNTS.prescribers.map((p) => p.npi!),
  /** The practice's organization NPI (fictional; valid check digit), for PAS subscription filters. */
  organizationIdentifier: makeNpi('226099001'),
  scopes: [
    'cds-hooks',
    'system/Questionnaire.r',
    'system/QuestionnaireResponse.c',
    'system/Claim.c',
    'system/ClaimResponse.r',
    'system/Subscription.cruds',
  ],
};

/**
 * The demo ePA hub: a CoverMyMeds/Surescripts-style switch that relays NCPDP SCRIPT ePA and RTPB
 * for the demo prescribers (POST /api/v1/epa, /api/v1/rtpb). Its API key is published like the
 * pharmacies'; it has no notification endpoint until an administrator sets one.
 */
export const DEMO_EPA_HUB = {
  clientId: 'demo-hub',
  name: 'Demo ePA hub (SCRIPT ePA and RTPB switch)',
  apiKey: 'opbm_demo_hub_7d41c9e2a86b3f05e1d7c2a94b6f8e13',
  prescriberNpis: DEMO_ACCOUNTS.prescribers.map((p) => p.npi!),
  scopes: ['epa', 'rtpb'],
};

export function allDemoAccounts(): DemoAccount[] {
  const a = DEMO_ACCOUNTS;
  return [
    a.admin,
    a.intake,
    a.reviewerPharmacist,
    a.reviewerPharmacist2,
    a.reviewerPhysician,
    a.reviewerPhysician2,
    a.memberServices,
    ...a.members,
    ...a.prescribers,
    ...a.pharmacies,
  ];
}

function renderAccountsText(): string {
  const m = scenarioMembers(demoPeople());
  const rows = allDemoAccounts().map((a) => [a.role, a.username, a.password, a.note ?? '']);
  const width = (i: number) =>
    Math.max(...rows.map((r) => r[i].length), ['role', 'username', 'password'][i]?.length ?? 0);
  const line = (r: string[]) =>
    `  ${r[0].padEnd(width(0))}  ${r[1].padEnd(width(1))}  ${r[2].padEnd(width(2))}  ${r[3]}`.trimEnd();
  const keys = DEMO_ACCOUNTS.pharmacies.map((p) => `  ${p.username.padEnd(width(1))}  ${p.apiKey}`);
  const { pbm, mediCalRx } = DEMO_PROCESSORS;
  return [
    'Demo data set — these logins are public; they exist only in the demo data (never in production):',
    line(['role', 'username', 'password', '']),
    ...rows.map(line),
    '',
    'Pharmacy API keys (Authorization: Bearer <key>):',
    ...keys,
    '',
    `EHR client ${DEMO_EHR_CLIENT.clientId} (${DEMO_EHR_CLIENT.name}: CRD at /cds-services, DTR and PAS at /fhir) API key: ${DEMO_EHR_CLIENT.apiKey}`,
    `ePA hub ${DEMO_EPA_HUB.clientId} (${DEMO_EPA_HUB.name}: SCRIPT ePA at POST /api/v1/epa, RTPB at POST /api/v1/rtpb) API key: ${DEMO_EPA_HUB.apiKey}`,
    '',
    `Processors: ${pbm.name} BIN ${pbm.bin} PCN ${pbm.pcn} (groups IHSS01, CACOM1, PARTD1, MCALMC); ${mediCalRx.name} BIN ${mediCalRx.bin} PCN ${mediCalRx.pcn} group ${mediCalRx.groupId}.`,
    `Try a claim for member ${m.ihss.memberId} (IHSS01, born ${m.ihss.dateOfBirth}) with NDC 76282041901 (lisinopril, pays), 00169413211 (Ozempic, needs PA),`,
    `52427044090 (Zestril, not covered); member ${m.terminated.memberId} was terminated on ${m.terminated.terminationDate}; member ${m.spanishSpeaking.memberId} (MCAL-MC) is sent to Medi-Cal Rx.`,
  ].join('\n');
}

/** Printed by `npm start` on a demo database and copied into the README. */
export const DEMO_ACCOUNTS_TEXT = renderAccountsText();
