import type { Coverage, ExplanationOfBenefit, Organization, Patient } from '@medplum/fhirtypes';
import type { ClaimRow } from '../../claims/index.js';
import type { MemberRow } from '../../members/index.js';
import type { PlanRow, ProcessorRow } from '../../plans/index.js';
import { payerPlanId } from '../formulary/to-insurance-plans.js';
import { C4BB, coverageId, MEMBER_ID_SYSTEM, NDC, NPI } from './carin-bb.js';
import { moneyAsJsonNumber } from '../../shared/money.js';

const GENDER: Record<string, Patient['gender']> = { F: 'female', M: 'male', U: 'unknown' };

/** C4BB-Patient: the member as the plan knows them (never more than the eligibility file holds). */
export function toPatient(m: MemberRow): Patient {
  return {
    resourceType: 'Patient',
    id: m.id,
    meta: { lastUpdated: m.updatedAt.toISOString(), profile: [C4BB.patient] },
    identifier: [
      {
        type: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MB', display: 'Member Number' }],
        },
        system: MEMBER_ID_SYSTEM,
        value: m.id,
      },
    ],
    active: true,
    name: [{ family: m.lastName, given: [m.firstName] }],
    gender: GENDER[m.sex] ?? 'unknown',
    birthDate: m.dateOfBirth,
    ...(m.addressLine1 || m.city
      ? {
          address: [
            {
              line: m.addressLine1 ? [m.addressLine1] : undefined,
              city: m.city ?? undefined,
              state: m.state ?? undefined,
              postalCode: m.zip ?? undefined,
            },
          ],
        }
      : {}),
    ...(m.phone || m.email
      ? {
          telecom: [
            ...(m.phone ? [{ system: 'phone' as const, value: m.phone }] : []),
            ...(m.email ? [{ system: 'email' as const, value: m.email }] : []),
          ],
        }
      : {}),
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: m.language }] }, preferred: true }],
  };
}

function payer(processor: ProcessorRow | undefined, plan: PlanRow): Organization {
  return {
    resourceType: 'Organization',
    id: 'payer',
    meta: { profile: [C4BB.organization] },
    active: true,
    name: processor?.name ?? plan.name,
    ...(processor?.helpDeskPhone ? { telecom: [{ system: 'phone', value: processor.helpDeskPhone }] } : {}),
  };
}

/** C4BB-Coverage: the member's eligibility span in their plan, with the plan and group classes. */
export function toCoverage(m: MemberRow, plan: PlanRow, processor: ProcessorRow | undefined): Coverage {
  return {
    resourceType: 'Coverage',
    id: coverageId(m.id),
    meta: { lastUpdated: m.updatedAt.toISOString(), profile: [C4BB.coverage] },
    contained: [payer(processor, plan)],
    identifier: [
      {
        type: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MB', display: 'Member Number' }],
        },
        system: MEMBER_ID_SYSTEM,
        value: m.id,
      },
    ],
    status: 'active',
    type: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'DRUGPOL', display: 'drug policy' }],
    },
    subscriberId: m.id,
    beneficiary: { reference: `Patient/${m.id}` },
    relationship: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: 'self' }],
    },
    period: { start: m.effectiveDate, ...(m.terminationDate ? { end: m.terminationDate } : {}) },
    payor: [{ reference: '#payer' }],
    class: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'plan' }] },
        value: plan.id,
        name: plan.name,
      },
      ...(plan.groupId
        ? [
            {
              type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'group' }] },
              value: plan.groupId,
            },
          ]
        : []),
      ...(processor
        ? [
            {
              type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'rxbin' }] },
              value: processor.bin,
            },
            ...(processor.pcn
              ? [
                  {
                    type: {
                      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'rxpcn' }],
                    },
                    value: processor.pcn,
                  },
                ]
              : []),
          ]
        : []),
    ],
    extension: [
      {
        url: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Coverage.insurancePlan',
        valueReference: { reference: `InsurancePlan/${payerPlanId(plan.id)}` },
      },
    ],
  };
}

const money = (value: string | null) => ({ value: moneyAsJsonNumber(value ?? '0.00'), currency: 'USD' as const });
const adjudicationCode = (code: string, display: string) => ({
  coding: [{ system: C4BB.adjudication, code, display }],
});
const info = (sequence: number, code: string, extra: Record<string, unknown>) => ({
  sequence,
  category: { coding: [{ system: C4BB.supportingInfoType, code }] },
  ...extra,
});

/**
 * C4BB-ExplanationOfBenefit-Pharmacy for one adjudicated pharmacy claim: paid (with what the
 * plan and the member paid) or rejected (with the NCPDP reject codes as the denial reasons).
 */
export function toPharmacyEob(
  c: ClaimRow,
  m: MemberRow,
  plan: PlanRow | undefined,
  processor: ProcessorRow | undefined,
): ExplanationOfBenefit {
  const paid = c.transactionStatus === 'P';
  const pharmacy: Organization = {
    resourceType: 'Organization',
    id: 'pharmacy',
    identifier: [{ system: NPI, value: c.pharmacyNpi }],
    active: true,
    name: `Pharmacy NPI ${c.pharmacyNpi}`,
  };
  const adjudication = paid
    ? [
        { category: adjudicationCode('paidbypatient', 'Paid by patient'), amount: money(c.patientPay) },
        {
          category: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/adjudication',
                code: 'benefit',
                display: 'Benefit Amount',
              },
            ],
          },
          amount: money(c.planPay),
        },
        {
          category: { coding: [{ system: C4BB.adjudicationDiscriminator, code: 'benefitpaymentstatus' }] },
          reason: { coding: [{ system: C4BB.payerAdjudicationStatus, code: 'innetwork' }] },
        },
      ]
    : c.rejectCodes.map((code) => ({
        category: { coding: [{ system: C4BB.adjudicationDiscriminator, code: 'denialreason' }] },
        reason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/NCPDPRejectCode', code }] },
      }));
  return {
    resourceType: 'ExplanationOfBenefit',
    id: c.id,
    meta: { lastUpdated: (c.reversedAt ?? c.receivedAt).toISOString(), profile: [C4BB.pharmacyEob] },
    contained: [payer(processor, plan ?? ({ name: 'OpenPBM' } as PlanRow)), pharmacy],
    identifier: [
      {
        type: { coding: [{ system: C4BB.identifierType, code: 'uc', display: 'Unique Claim ID' }] },
        system: 'https://openpbm.org/fhir/sid/claim-id',
        value: c.id,
      },
    ],
    status: c.reversedAt ? 'cancelled' : 'active',
    type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'pharmacy' }] },
    use: 'claim',
    patient: { reference: `Patient/${m.id}` },
    billablePeriod: { start: c.dateOfService, end: c.dateOfService },
    created: c.receivedAt.toISOString(),
    insurer: { reference: '#payer' },
    provider: { reference: '#pharmacy' },
    outcome: paid ? 'complete' : 'error',
    ...(c.response.message ? { disposition: c.response.message } : {}),
    careTeam: [
      {
        sequence: 1,
        provider: { identifier: { system: NPI, value: c.prescriberNpi } },
        role: { coding: [{ system: C4BB.claimCareTeamRole, code: 'prescribing' }] },
      },
    ],
    supportingInfo: [
      info(1, 'dayssupply', { valueQuantity: { value: c.daysSupply } }),
      info(2, 'refillnum', { valueQuantity: { value: c.fillNumber } }),
      info(3, 'clmrecvddate', { timingDate: c.receivedAt.toISOString().slice(0, 10) }),
    ],
    insurance: [{ focal: true, coverage: { reference: `Coverage/${coverageId(m.id)}` } }],
    item: [
      {
        sequence: 1,
        informationSequence: [1, 2],
        productOrService: {
          coding: [
            { system: NDC, code: c.productId, ...(c.response.drug?.name ? { display: c.response.drug.name } : {}) },
          ],
        },
        servicedDate: c.dateOfService,
        quantity: { value: Number(c.quantity) },
        adjudication,
      },
    ],
    ...(paid
      ? {
          total: [
            { category: adjudicationCode('paidbypatient', 'Paid by patient'), amount: money(c.patientPay) },
            {
              category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'benefit' }] },
              amount: money(c.planPay),
            },
          ],
          payment: { amount: money(c.planPay), date: c.dateOfService },
        }
      : {}),
  } as ExplanationOfBenefit;
}
