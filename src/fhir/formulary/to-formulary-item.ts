import type { Basic, Extension } from '@medplum/fhirtypes';
import type { DrugConcept } from '../../catalog/index.js';
import type { FormularyRow } from '../../formulary/index.js';
import type { PlanRow } from '../../plans/index.js';
import { benefitTypesOf, tierCoding } from './cost-sharing.js';
import { formularyDrugId } from './to-formulary-drug.js';
import { fhirIdPart, formularyId } from './to-insurance-plans.js';
import { BENEFIT_TYPE_BY_PHARMACY, USDF } from './usdf.js';

export const formularyItemId = (planId: string, rxcui: string) => `FormularyItem-${fhirIdPart(planId)}-${rxcui}`;

const bool = (url: string, value: boolean): Extension => ({ url, valueBoolean: value });

/** What a prescriber reads beside the flags: the step, age limits, the criteria set, the group rule. */
function additionalInformation(entry: FormularyRow): string | null {
  const lines: string[] = [];
  if (entry.priorAuthorization && entry.criteriaId) lines.push(`Prior authorization criteria: ${entry.criteriaId}.`);
  if (entry.stepTherapy)
    lines.push(
      `Step therapy: ${entry.stepTherapy.description ?? 'a prerequisite drug'} within ${entry.stepTherapy.lookbackDays} days.`,
    );
  if (entry.newStartsOnly) lines.push('Requirements apply to new starts only; continuing therapy is not interrupted.');
  if (entry.minAge !== null || entry.maxAge !== null)
    lines.push(
      `Covered for ages ${entry.minAge ?? 0}${entry.maxAge !== null ? `–${entry.maxAge}` : ' and over'} without an exception.`,
    );
  if (entry.sex) lines.push(`Covered for sex ${entry.sex} without an exception.`);
  if (!entry.rxcui) lines.push('The rule covers every strength of this drug and dose form.');
  return lines.length ? lines.join('\n') : null;
}

/**
 * usdf-FormularyItem: one drug (SCD/SBD) on one plan's formulary with the entry that applies to it
 * (its own RxCUI entry, else its drug-form group's), as the claim adjudication reads it.
 */
export function toFormularyItem(plan: PlanRow, concept: DrugConcept, entry: FormularyRow): Basic {
  const tier = entry.tier ?? 'generic';
  const extension: Extension[] = [
    { url: USDF.ext.formularyReference, valueReference: { reference: `InsurancePlan/${formularyId(plan.id)}` } },
    { url: USDF.ext.availabilityStatus, valueCode: 'active' },
    ...benefitTypesOf(plan.policy, tier).map((t) => ({
      url: USDF.ext.pharmacyBenefitType,
      valueCodeableConcept: {
        coding: [{ system: USDF.cs.pharmacyBenefitType, ...BENEFIT_TYPE_BY_PHARMACY[t] }],
      },
    })),
    { url: USDF.ext.drugTierId, valueCodeableConcept: { coding: [tierCoding(tier)] } },
    bool(USDF.ext.priorAuthorization, entry.priorAuthorization),
  ];
  if (entry.priorAuthorization) extension.push(bool(USDF.ext.priorAuthorizationNewStartsOnly, entry.newStartsOnly));
  extension.push(bool(USDF.ext.stepTherapyLimit, entry.stepTherapy !== null));
  if (entry.stepTherapy) extension.push(bool(USDF.ext.stepTherapyLimitNewStartsOnly, entry.newStartsOnly));
  extension.push(bool(USDF.ext.quantityLimit, entry.quantityLimit !== null));
  if (entry.quantityLimit)
    extension.push({
      url: USDF.ext.quantityLimitDetail,
      extension: [
        {
          url: 'Rolling',
          valueTiming: {
            repeat: { count: entry.quantityLimit.units, period: entry.quantityLimit.days, periodUnit: 'd' },
          },
        },
      ],
    });
  const info = additionalInformation(entry);
  if (info) extension.push({ url: USDF.ext.additionalCoverageInformation, valueMarkdown: info });
  const updated = Math.max(entry.updatedAt.getTime(), plan.updatedAt.getTime());
  return {
    resourceType: 'Basic',
    id: formularyItemId(plan.id, concept.rxcui),
    meta: { lastUpdated: new Date(updated).toISOString(), profile: [USDF.profile.formularyItem] },
    extension,
    code: {
      coding: [{ system: USDF.cs.insuranceItemType, code: 'formulary-item', display: 'Formulary Item' }],
    },
    subject: { reference: `MedicationKnowledge/${formularyDrugId(concept.rxcui)}`, display: concept.name },
  };
}
