import type { ClaimRequest } from '../claims/claim-types.js';
import { addDays } from '../platform/dates.js';
import { localTimeToInstant, todayInZone } from '../platform/plan-time.js';
import { DEMO_PLAN_IDS, DEMO_PROCESSORS } from './demo-plans.js';
import type { DemoMember, DemoPeople, DemoPharmacy } from './demo-people.js';
import { intBetween, pick, seededRandom } from './prng.js';

/**
 * A year of pharmacy claims for the living demo (docs/design.md#demo): each adult member refills one
 * or two maintenance drugs at a home pharmacy, as pharmacies bill them. The plan is computed here
 * (pure, seeded, relative to `now`); living-demo.ts submits each claim through submitClaim with
 * the clock at the claim's instant, so rules, pricing and accumulators are the product's own.
 */

/** Maintenance generics: package NDCs of reference-data/drugs.csv (load-demo-data.test.ts checks each). */
export const MAINTENANCE_DRUGS = {
  lisinopril10: { ndc: '76282041901', quantity: 30, cost: '3.10' },
  metformin500: { ndc: '23155010201', quantity: 60, cost: '4.80' },
  atorvastatin10: { ndc: '67877051190', quantity: 30, cost: '5.40' },
  losartan25: { ndc: '31722070005', quantity: 30, cost: '6.20' },
  levothyroxine50mcg: { ndc: '00527134201', quantity: 30, cost: '7.90' },
  sertraline25: { ndc: '65862001101', quantity: 30, cost: '4.40' },
  omeprazole10: { ndc: '00781278501', quantity: 30, cost: '8.70' },
} as const;
export type MaintenanceDrug = keyof typeof MAINTENANCE_DRUGS;

/** The demo's time zone (every demo plan's review.timeZone). */
export const DEMO_TIME_ZONE = 'America/Los_Angeles';

export interface PlannedClaim {
  at: Date;
  request: ClaimRequest;
}

/** BIN/PCN/group a pharmacy bills for a member: Medi-Cal managed care is carved out to Medi-Cal Rx. */
export function billingFor(member: DemoMember): Pick<ClaimRequest, 'bin' | 'pcn' | 'groupId'> {
  const { pbm, mediCalRx } = DEMO_PROCESSORS;
  if (member.planId === DEMO_PLAN_IDS.mediCalRx || member.planId === DEMO_PLAN_IDS.mediCalManagedCare)
    return { bin: mediCalRx.bin, pcn: mediCalRx.pcn, groupId: mediCalRx.groupId };
  const groups: Record<string, string> = {
    [DEMO_PLAN_IDS.ihss]: 'IHSS01',
    [DEMO_PLAN_IDS.commercial]: 'CACOM1',
    [DEMO_PLAN_IDS.partD]: 'PARTD1',
  };
  return { bin: pbm.bin, pcn: pbm.pcn, groupId: groups[member.planId] ?? null };
}

/** 402-D2: numeric, unique per member and therapy (the Rx is refilled under one number). */
export const rxNumberFor = (member: DemoMember, therapyIndex: number) => `7${member.memberId.slice(1)}${therapyIndex}`;

export function claimRequest(
  member: DemoMember,
  o: {
    pharmacyNpi: string;
    prescriberNpi: string;
    rx: string;
    fill: number;
    dateOfService: string;
    ndc: string;
    quantity: number;
    daysSupply: number;
    cost: string;
  },
): ClaimRequest {
  return {
    ...billingFor(member),
    cardholderId: member.memberId,
    patient: { dateOfBirth: member.dateOfBirth },
    pharmacyNpi: o.pharmacyNpi,
    prescriptionNumber: o.rx,
    fillNumber: o.fill,
    dateOfService: o.dateOfService,
    productId: o.ndc,
    quantityDispensed: o.quantity,
    daysSupply: o.daysSupply,
    prescriberNpi: o.prescriberNpi,
    submittedIngredientCost: o.cost,
    // Usual and customary: what a cash customer would pay (ingredient plus a retail margin).
    usualAndCustomaryCharge: (Number(o.cost) * 1.6 + 4).toFixed(2),
  };
}

/** A weekday-ish pharmacy hour on `date` in the demo zone, never after `now`. */
function instantOn(date: string, random: () => number, now: Date): Date {
  const at = localTimeToInstant(
    date,
    `${intBetween(random, 9, 18)}:${String(intBetween(random, 0, 59)).padStart(2, '0')}`,
    DEMO_TIME_ZONE,
  );
  return at.getTime() < now.getTime() ? at : new Date(now.getTime() - 60_000);
}

/**
 * Every refill of the year before `now` for adults and seniors: a fill every days' supply plus 0–3
 * days, from a year ago (or the member's start) to yesterday, ending at a termination. Seniors
 * use mail order in 90-day fills one time in two. Realistic rejects come from the rules: a
 * Medi-Cal managed care member's first fill is billed to the PBM's BIN (41, then rebilled to
 * Medi-Cal Rx), and one member in six asks for a refill a week after the last (79).
 */
export function planClaimHistory(
  people: DemoPeople,
  now: Date,
  therapiesFor: (member: DemoMember, random: () => number) => MaintenanceDrug[],
): PlannedClaim[] {
  const random = seededRandom(20261117);
  const today = todayInZone(now, DEMO_TIME_ZONE);
  const start = addDays(today, -365);
  const retail = people.pharmacies.filter((p) => p.pharmacyType === 'retail');
  const mail = people.pharmacies.find((p) => p.pharmacyType === 'mail')!;
  const prescribers = people.prescribers.filter((p) => p.role !== 'pediatrics' && p.role !== 'psychiatry');
  const out: PlannedClaim[] = [];
  people.members.forEach((member, memberIndex) => {
    if (member.band !== 'adult' && member.band !== 'senior') return;
    const home: DemoPharmacy = member.band === 'senior' && random() < 0.5 ? mail : retail[memberIndex % retail.length];
    const daysSupply = home.pharmacyType === 'mail' ? 90 : 30;
    const prescriber = pick(random, prescribers);
    const last = member.terminationDate && member.terminationDate < today ? member.terminationDate : addDays(today, -1);
    const earlyRefiller = memberIndex % 6 === 3;
    therapiesFor(member, random).forEach((drugKey, therapyIndex) => {
      const drug = MAINTENANCE_DRUGS[drugKey];
      const rx = rxNumberFor(member, therapyIndex);
      let date = addDays(start > member.effectiveDate ? start : member.effectiveDate, intBetween(random, 0, 20));
      const claim = (fill: number, dateOfService: string, pharmacyNpi = home.npi, billing?: ClaimRequest['bin']) => {
        const request = claimRequest(member, {
          pharmacyNpi,
          prescriberNpi: prescriber.npi,
          rx,
          fill,
          dateOfService,
          ndc: drug.ndc,
          quantity: (drug.quantity * daysSupply) / 30,
          daysSupply,
          cost: ((Number(drug.cost) * daysSupply) / 30).toFixed(2),
        });
        if (billing) Object.assign(request, { bin: billing, pcn: DEMO_PROCESSORS.pbm.pcn, groupId: 'MCALMC' });
        out.push({ at: instantOn(dateOfService, random, now), request });
      };
      if (member.planId === DEMO_PLAN_IDS.mediCalManagedCare && therapyIndex === 0)
        claim(0, date, home.npi, DEMO_PROCESSORS.pbm.bin); // answered 41: bill Medi-Cal Rx
      for (let fill = 0; date <= last; fill++) {
        claim(fill, date);
        if (earlyRefiller && therapyIndex === 0 && fill === 4) claim(fill + 1, addDays(date, 7)); // 79
        date = addDays(date, daysSupply + intBetween(random, 0, 3));
      }
    });
  });
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}
