import type { InsurancePlan } from '@medplum/fhirtypes';
import type { PlanRow, ProcessorRow } from '../../plans/index.js';
import { specificCosts } from './cost-sharing.js';
import { ACT_CODE, INSURANCE_PLAN_TYPE, PLAN_NET_PRODUCT_TYPE, USDF } from './usdf.js';

export const PLAN_ID_SYSTEM = 'https://openpbm.org/fhir/sid/plan-id';
export const payerPlanId = (planId: string) => `PayerInsurancePlan-${fhirIdPart(planId)}`;
export const formularyId = (planId: string) => `Formulary-${fhirIdPart(planId)}`;

/** FHIR ids allow [A-Za-z0-9-.]{1,64}: anything else in an imported plan id becomes '-'. */
export function fhirIdPart(value: string): string {
  return value.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 48);
}

const DRUG_TYPE = { coding: [{ system: INSURANCE_PLAN_TYPE, code: 'drug', display: 'Drug' }] };
const DRUGPOL = { coding: [{ system: ACT_CODE, code: 'DRUGPOL', display: 'drug policy' }] };

/** Plan-Net product type for a line of business (extensible value set). */
function productType(plan: PlanRow) {
  const code =
    plan.source === 'qhp'
      ? ['qhp', 'Qualified Health Plan']
      : plan.lineOfBusiness === 'medicare-d'
        ? ['medid', 'Medicare Part D']
        : plan.lineOfBusiness === 'medi-cal' || plan.lineOfBusiness === 'medicaid'
          ? ['medi', 'Medicaid']
          : ['commhmo', 'Commercial HMO'];
  return { coding: [{ system: PLAN_NET_PRODUCT_TYPE, code: code[0], display: code[1] }] };
}

const latest = (...dates: Array<Date | undefined>) =>
  new Date(Math.max(...dates.filter((d): d is Date => !!d).map((d) => d.getTime())));

/**
 * usdf-PayerInsurancePlan: the plan, its drug coverage pointing at the formulary that pays (a
 * carved-out pharmacy benefit points at the other processor's formulary), and cost sharing by
 * pharmacy benefit type and tier.
 */
export function toPayerInsurancePlan(
  plan: PlanRow,
  payer: PlanRow,
  processor: ProcessorRow | undefined,
): InsurancePlan {
  return {
    resourceType: 'InsurancePlan',
    id: payerPlanId(plan.id),
    meta: {
      lastUpdated: latest(plan.updatedAt, payer.updatedAt).toISOString(),
      profile: [USDF.profile.payerInsurancePlan],
    },
    identifier: [{ system: PLAN_ID_SYSTEM, value: plan.id }],
    status: 'active',
    type: [productType(plan)],
    name: plan.name,
    ...(processor?.helpDeskPhone
      ? {
          contact: [
            {
              purpose: {
                coding: [{ system: 'http://terminology.hl7.org/CodeSystem/contactentity-type', code: 'PATINF' }],
              },
              name: { text: `${processor.name} help desk` },
              telecom: [{ system: 'phone', value: processor.helpDeskPhone }],
            },
          ],
        }
      : {}),
    coverage: [
      {
        extension: [
          { url: USDF.ext.formularyReference, valueReference: { reference: `InsurancePlan/${formularyId(payer.id)}` } },
        ],
        type: DRUGPOL,
        benefit: [{ type: DRUG_TYPE }],
      },
    ],
    plan: [{ type: DRUG_TYPE, specificCost: specificCosts(payer.policy, true) }],
  };
}

/** usdf-Formulary (InsurancePlan type DRUGPOL) with the tiers and benefit types it uses, no costs. */
export function toFormulary(plan: PlanRow, lastEntryUpdate: Date | undefined): InsurancePlan {
  return {
    resourceType: 'InsurancePlan',
    id: formularyId(plan.id),
    meta: { lastUpdated: latest(plan.updatedAt, lastEntryUpdate).toISOString(), profile: [USDF.profile.formulary] },
    identifier: [{ system: PLAN_ID_SYSTEM, value: plan.id }],
    status: 'active',
    type: [DRUGPOL],
    name: `${plan.name} formulary`,
    plan: [{ type: DRUG_TYPE, specificCost: specificCosts(plan.policy, false) }],
  };
}
